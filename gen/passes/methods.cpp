// Methods pass: attaches functions to the class named by their C name and first parameter: a record's own class, or
// an object class made by a constructor of a base object type.
#include "methods.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "naming.h"
#include "pointers.h"

namespace mpbind::passes {

std::string method_identifier(const std::string &name) {
    if (name == "del") return "delete";
    return py_identifier(name);
}

namespace {

const std::string create_suffix = "_create";

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The stems a record's functions start with: its class name, and that name without a "_t" suffix.
std::vector<std::string> record_stems(const std::string &name) {
    std::vector<std::string> s{name};
    if (name.size() > 2 && ends_with(name, "_t")) s.push_back(name.substr(0, name.size() - 2));
    return s;
}

// What a function-name stem names: a record's own class, an object class, or both (a constructor named like a
// record's stem that returns another record).
struct Stem {
    ir::RecordId record;
    int32_t object_class = -1;
};

// Functions `<w>_create(T *parent, ...)` (prefix stripped) returning T *, by T: the constructors of a base object
// type when one of them is not named after the record.
std::map<uint32_t, std::vector<std::pair<std::string, uint32_t>>> constructors(const ir::Module &m,
                                                                               const std::vector<std::string> &prefixes) {
    std::map<uint32_t, std::vector<std::pair<std::string, uint32_t>>> by_record;
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const ir::Function &f = m.functions[fi];
        if (!f.info.binding.bound()) continue;
        std::string s = strip_prefix(f.info.c_name, prefixes);
        ir::RecordId r = pointee_record(m, f.ret);
        if (!ends_with(s, create_suffix) || !r.valid() || !m.record(r).info.binding.bound() || m.record(r).parent.valid())
            continue;
        // Objects in a tree: the first parameter is the parent, of the same type (lv_button_create(lv_obj_t *parent));
        // lv_sdl_window_create(w, h) returning lv_display_t * is a plain function.
        if (f.params.empty() || pointee_record(m, f.params[0].type) != r) continue;
        by_record[r.index].push_back({s.substr(0, s.size() - create_suffix.size()), fi});
    }
    std::erase_if(by_record, [&](const auto &entry) {
        std::vector<std::string> own = record_stems(m.records[entry.first].info.py_name);
        for (const auto &[w, fi] : entry.second)
            if (std::find(own.begin(), own.end(), w) == own.end()) return false;
        return true; // only the record's own constructor: a plain class with a constructor
    });
    return by_record;
}

// Makes f (index fi) method `rest` of record rid unless the record has a field or method of that name.
void add_method(ir::Module &m, ir::Function &f, uint32_t fi, ir::RecordId rid, const std::string &rest,
                std::unordered_map<uint32_t, std::unordered_set<std::string>> &taken, bool flat_methods) {
    std::string name = method_identifier(rest);
    if (!taken[rid.index].insert(name).second) return;
    f.method_of = rid;
    f.method_name = name;
    f.flat = flat_methods;
    m.record(rid).methods.push_back(ir::FunctionId{fi});
}

} // namespace

void methods(ir::Module &m, const std::vector<std::string> &prefixes, bool flat_methods) {
    m.require("methods", {ir::Stage::Named});
    std::unordered_map<std::string, Stem> stems;
    std::unordered_map<uint32_t, std::unordered_set<std::string>> taken;       // per record: field and method names
    std::unordered_map<int32_t, std::unordered_set<std::string>> taken_object; // per object class: method names
    for (uint32_t i = 0; i < m.records.size(); ++i) {
        const ir::Record &r = m.records[i];
        if (!r.info.binding.bound() || r.parent.valid()) continue;
        for (const std::string &s : record_stems(r.info.py_name)) stems.try_emplace(s, Stem{ir::RecordId{i}});
        for (const ir::Field &f : r.fields) taken[i].insert(f.py_name);
    }
    // Object classes: every constructor of a base object type but the one named after the record, which stays the
    // record's own constructor; the record's class then takes that constructor's name (lv_obj_t -> obj).
    std::vector<std::pair<ir::RecordId, std::string>> renames;
    for (const auto &[rec, ctors] : constructors(m, prefixes)) {
        std::vector<std::string> own = record_stems(m.records[rec].info.py_name);
        for (const auto &[w, fi] : ctors) {
            if (std::find(own.begin(), own.end(), w) != own.end()) {
                renames.push_back({ir::RecordId{rec}, w});
                continue;
            }
            Stem &st = stems[w];
            if (st.object_class >= 0) continue; // two constructors of one name: the first
            st.object_class = static_cast<int32_t>(m.object_classes.size());
            ir::ObjectClass c;
            c.py_name = method_identifier(w);
            c.stem = w;
            c.record = ir::RecordId{rec};
            c.constructor = ir::FunctionId{fi};
            m.functions[fi].is_constructor = true;
            m.functions[fi].method_of = c.record;
            m.functions[fi].object_class = st.object_class;
            m.functions[fi].flat = flat_methods;
            m.object_classes.push_back(std::move(c));
        }
    }
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        ir::Function &f = m.functions[fi];
        if (!f.info.binding.bound() || f.object_class >= 0) continue;
        std::string s = strip_prefix(f.info.c_name, prefixes);
        // Stems followed by '_' and a non-empty rest, longest first: the longest whose class the first parameter
        // fits wins (lv_obj_class_init_obj(lv_obj_t *) is obj's, although record obj_class_t has a longer stem).
        std::vector<size_t> cuts;
        for (size_t cut = s.find('_'); cut != std::string::npos; cut = s.find('_', cut + 1))
            if (cut + 1 < s.size() && stems.count(s.substr(0, cut))) cuts.insert(cuts.begin(), cut);
        ir::RecordId self = f.params.empty() ? ir::RecordId{} : pointee_record(m, f.params[0].type);
        bool placed = false;
        for (size_t cut : cuts) {
            const Stem &stem = stems.at(s.substr(0, cut));
            std::string rest = s.substr(cut + 1);
            if (stem.object_class >= 0 && self.valid() && self == m.object_classes[stem.object_class].record) {
                std::string name = method_identifier(rest);
                placed = true;
                if (!taken_object[stem.object_class].insert(name).second) break;
                f.method_of = self;
                f.method_name = name;
                f.object_class = stem.object_class;
                f.flat = flat_methods;
                m.object_classes[stem.object_class].methods.push_back(ir::FunctionId{fi});
                break;
            }
            ir::RecordId rid = stem.record;
            if (!rid.valid()) continue;
            ir::Record &r = m.record(rid);
            if (rest == "create" && pointee_record(m, f.ret) == rid) {
                placed = true;
                if (!r.constructor.valid()) {
                    r.constructor = ir::FunctionId{fi};
                    f.is_constructor = true; // stays a module function too: lv.timer_create(cb, period, data)
                    f.method_of = rid;
                }
                break;
            }
            if (self != rid) continue;
            placed = true;
            add_method(m, f, fi, rid, rest, taken, flat_methods);
            break;
        }
        // No stem fits: a method of the first parameter's record named by what follows the longest prefix the
        // function's name shares with the record's stem (lv_obj_event_base(const lv_obj_class_t *, e) is
        // obj_class_t.event_base).
        if (!placed && self.valid() && !cuts.empty()) {
            const ir::Record &r = m.record(self);
            const std::string own = record_stems(r.info.py_name).back();
            std::string rest;
            for (size_t cut = s.find('_'); cut != std::string::npos && cut + 1 < s.size(); cut = s.find('_', cut + 1))
                if (own.compare(0, cut + 1, s, 0, cut + 1) == 0) rest = s.substr(cut + 1);
            if (!rest.empty() && r.info.binding.bound() && !r.parent.valid())
                add_method(m, f, fi, self, rest, taken, flat_methods);
        }
    }
    for (const auto &[rec, name] : renames) {
        ir::Record &r = m.record(rec);
        r.info.py_name = method_identifier(name);
        if (r.constructor.valid()) m.function(r.constructor).flat = flat_methods; // lv.obj(), not lv.obj_create()
    }
    m.complete(ir::Stage::Methods);
}

} // namespace mpbind::passes
