// Class-constants pass: attaches constant classes to the record or object class their name starts with
// (case-insensitive, at a '_' boundary, longest stem first, classes with a constructor before plain structs; stems
// are class names, class names without "_t", and the constructor stems of object classes).
#include "class_constants.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace mpbind::passes {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

void class_constants(ir::Module &m) {
    m.require("class constants", {ir::Stage::Methods, ir::Stage::Collisions});
    // Lower-case stem -> owner: a record class, or an object class (index -1 - k), which wins a shared stem. Classes
    // of objects the library makes (a constructor) are searched first: their API's constants belong to them even when
    // a plain struct has a longer stem (`LV_OBJ_CLASS_GROUP_DEF_*` is `lv.obj.CLASS_GROUP_DEF`, not a member of
    // `lv_obj_class_t`; `LV_TABLE_CELL_CTRL_*` is `lv.table.CELL_CTRL`).
    std::unordered_map<std::string, int64_t> makers, stems;
    std::unordered_map<int64_t, std::unordered_set<std::string>> taken;
    for (uint32_t i = 0; i < m.records.size(); ++i) {
        const ir::Record &r = m.records[i];
        if (!r.info.binding.bound() || r.parent.valid()) continue;
        auto &into = r.constructor.valid() ? makers : stems;
        std::string n = lower(r.info.py_name);
        into.try_emplace(n, i);
        if (n.size() > 2 && n.compare(n.size() - 2, 2, "_t") == 0) into.try_emplace(n.substr(0, n.size() - 2), i);
        for (const ir::Field &f : r.fields) taken[i].insert(f.py_name);
        for (ir::FunctionId f : r.methods) taken[i].insert(m.function(f).method_name);
    }
    for (size_t k = 0; k < m.object_classes.size(); ++k) {
        const ir::ObjectClass &c = m.object_classes[k];
        if (!c.binding.bound()) continue;
        int64_t key = -1 - static_cast<int64_t>(k);
        makers[lower(c.stem)] = key;
        for (ir::FunctionId f : c.methods) taken[key].insert(m.function(f).method_name);
    }
    for (ir::Group &g : m.groups) {
        if (!g.binding.bound()) continue;
        std::string n = lower(g.py_name);
        size_t best = 0;
        std::optional<int64_t> owner;
        for (const auto *from : {&makers, &stems}) {
            for (size_t cut = n.find('_'); cut != std::string::npos; cut = n.find('_', cut + 1)) {
                auto it = from->find(n.substr(0, cut));
                if (it != from->end() && cut + 1 < n.size()) {
                    best = cut;
                    owner = it->second;
                }
            }
            if (owner) break;
        }
        if (!owner) continue;
        std::string member = g.py_name.substr(best + 1);
        if (std::isdigit(static_cast<unsigned char>(member[0])) || !taken[*owner].insert(member).second) continue;
        if (*owner >= 0) g.owner = ir::RecordId{static_cast<uint32_t>(*owner)};
        else g.owner_class = static_cast<int32_t>(-1 - *owner);
        g.owner_name = member;
    }
    m.complete(ir::Stage::ClassConstants);
}

} // namespace mpbind::passes
