// classes.cpp: a class per bound struct/union: its field rows (anonymous members flattened), locals, constructor.
#include <functional>
#include <set>
#include <stdexcept>
#include <string_view>

#include "builder.h"

namespace mpbind::plan {

std::vector<bool> flattened_only(const ir::Module &m) {
    std::vector<bool> anon(m.records.size(), false), named(m.records.size(), false);
    auto note = [&](ir::TypeId t, bool anonymous) {
        const ir::Type *c = &m.canonical(t);
        while (c->kind == ir::TypeKind::Array || c->kind == ir::TypeKind::Pointer) c = &m.canonical(c->inner);
        if (c->kind == ir::TypeKind::Record) (anonymous ? anon : named)[c->record.index] = true;
    };
    for (const ir::Record &r : m.records)
        for (const ir::Field &f : r.fields) note(f.type, f.anonymous);
    for (const ir::Function &f : m.functions) {
        note(f.ret, false);
        for (const ir::Param &p : f.params) note(p.type, false);
    }
    for (size_t k = 0; k < m.records.size(); ++k) anon[k] = anon[k] && !named[k];
    return anon;
}

namespace {

// Field rows of class `cls` from record r (cls itself, or an anonymous member of it at `base_bits`).
void field_rows(Builder &b, ir::RecordId cls, const ir::Record &r, uint64_t base_bits, Class &out) {
    const ir::Module &m = b.m;
    for (const ir::Field &f : r.fields) {
        if (!f.binding.bound()) continue;
        uint64_t bits = base_bits + f.offset_bits;
        const ir::Type &ft = m.canonical(f.type);
        if (f.anonymous && ft.kind == ir::TypeKind::Record) {
            field_rows(b, cls, m.record(ft.record), bits, out);
            continue;
        }
        FieldRow row;
        row.py_name = f.py_name;
        row.c_name = f.c_name;
        row.conv = classify(m, f.type);
        if (!row.conv.ok || row.conv.code == Code::VOID || f.py_name.empty())
            throw std::logic_error("plan: bound field '" + f.c_name + "' of " + record_label(r) + " has no conversion");
        row.is_const = f.is_const || ft.is_const;
        row.offset = member_offset(m, cls, f.c_name, bits / 8);
        if (f.bit_width) { // bits only mpbind places: the byte it computed, checked with the record's layout
            row.bit_width = *f.bit_width;
            row.bit_shift = static_cast<uint32_t>(bits % 8);
            row.offset.c = std::to_string(row.offset.bytes);
        }
        std::string what = record_label(m.record(cls)) + "." + f.c_name + " (" + b.type_text(f.type) + ")";
        if (auto check = field_check(m, row, what)) out.checks.push_back(*check);
        if (row.conv.record.valid()) row.sub = b.class_symbol(row.conv.record);
        if (row.conv.code == Code::FUNPTR && row.conv.count == 0 && f.callback)
            row.callback = b.field_callback(cls, r, f);
        out.rows.push_back(std::move(row));
    }
}

// The names every struct class has (MPB_STRUCT_LOCALS_ENTRIES and the shared base's MPB_STRUCT_SHARED_LOCALS_ENTRIES
// in runtime/mpb_struct.h).
const char *const runtime_members[] = {"SIZE", "__SIZE__", "__fields__", "__cast__", "__cast_instance__",
                                       "__dereference__", "__setattr__"};

// True when no field of c has the name of a member of c or of the classes it inherits (classes before c in the
// plan): the runtime may then look members up first, and a method call skips the field scan.
bool no_field_named_like_a_member(const std::vector<Class> &classes, const Class &c) {
    // The field names are the short list (the members of a widget class and its bases run into hundreds).
    if (c.rows.empty()) return true;
    std::set<std::string_view> fields;
    for (const FieldRow &f : c.rows) fields.insert(f.py_name);
    for (const char *name : runtime_members)
        if (fields.count(name)) return false;
    for (const Class *k = &c; k != nullptr;) {
        for (const Local &l : k->locals)
            if (fields.count(l.name)) return false;
        const Class *parent = nullptr;
        for (const Class &base : classes)
            if (!k->parent.empty() && base.symbol == k->parent) parent = &base;
        k = parent;
    }
    return true;
}

} // namespace

void Builder::classes() {
    for (size_t k = 0; k < m.records.size(); ++k) {
        const ir::Record &r = m.records[k];
        if (class_base[k].empty()) continue;
        const ir::RecordId id(k);
        Class c;
        c.record = id;
        c.symbol = class_symbol(id);
        c.fields_symbol = class_base[k] + "_fields";
        c.locals_symbol = class_base[k] + "_locals";
        c.name = r.info.py_name;
        c.c_spelling = r.c_spelling;
        c.comment = r.c_spelling.empty() ? r.info.py_name : r.c_spelling;
        c.module_attribute = !r.parent.valid();
        c.is_union = r.is_union;
        c.complete = r.complete;
        c.size = r.complete ? r.size : 0;
        c.size_c = r.complete ? record_size(m, id) : "0";
        c.doc = r.info.doc;
        size_t first_tramp = p.trampolines.size();
        if (r.complete) field_rows(*this, id, r, 0, c);
        if (auto check = bitfield_check(m, id, c.rows)) c.checks.push_back(*check);
        for (size_t t = first_tramp; t < p.trampolines.size(); ++t) c.trampolines.push_back(t);
        locals(r.methods, [&](const ir::Group &g) { return g.owner == id && g.owner_class < 0; }, c);
        if (r.constructor.valid() && m.function(r.constructor).info.binding.bound())
            c.constructor = object_symbol(r.constructor);
        class_of[k] = p.classes.size();
        p.classes.push_back(std::move(c));
    }
    // Object classes after every record class: each names its base's field table.
    for (size_t k = 0; k < m.object_classes.size(); ++k) {
        const ir::ObjectClass &oc = m.object_classes[k];
        if (object_base[k].empty()) continue;
        const Class &base = p.classes[class_of[oc.record.index]];
        Class c;
        c.record = oc.record;
        c.symbol = object_class_symbol(static_cast<int32_t>(k));
        c.fields_symbol = base.fields_symbol;
        c.locals_symbol = object_base[k] + "_locals";
        c.name = oc.py_name;
        c.comment = oc.py_name;
        c.c_spelling = base.c_spelling;
        c.module_attribute = true;
        c.complete = base.complete;
        c.size = base.size;
        c.size_c = base.size_c;
        c.rows = base.rows;
        c.parent = base.symbol;
        locals(oc.methods, [&](const ir::Group &g) { return g.owner_class == static_cast<int32_t>(k); }, c);
        if (m.function(oc.constructor).info.binding.bound()) c.constructor = object_symbol(oc.constructor);
        p.classes.push_back(std::move(c));
    }
    // Members first only for the classes of objects with identity (widgets: used through their many methods, whose
    // locals a field load would miss through); instances of plain structs are mostly read field by field.
    for (Class &c : p.classes)
        c.members_first = m.record(c.record).identity && no_field_named_like_a_member(p.classes, c);
}

// The identity of record r's objects, for the classes of the plan (call after every class is made).
void Builder::identities() {
    for (size_t k = 0; k < m.records.size(); ++k) {
        const ir::Record &r = m.records[k];
        if (!r.identity || class_of[k] == none) continue;
        const ir::Record::Identity &ri = *r.identity;
        const Class &own = p.classes[class_of[k]];
        Identity id;
        id.symbol = syms.family(own.name + "_identity", {"", "_get", "_set", "_class", "_classes"});
        id.c_type = r.c_spelling;
        if (ri.field) id.field = r.fields[*ri.field].c_name;
        else {
            id.get = m.function(ri.get).info.c_name;
            id.set = m.function(ri.set).info.c_name;
        }
        if (ri.get_class.valid()) id.get_class = m.function(ri.get_class).info.c_name;
        for (const auto &[oc, desc] : ri.classes) {
            std::string sym = oc < 0 ? own.symbol : object_base[oc].empty() ? "" : object_class_symbol(oc);
            if (!sym.empty()) id.classes.push_back({sym, desc});
        }
        for (Class &c : p.classes)
            if (c.record == ir::RecordId(k)) c.identity = id.symbol;
        p.identities.push_back(std::move(id));
    }
}

// The methods of class c, then the constant classes attached to it (LV_OBJ_FLAG_* -> obj.FLAG), which are written
// before the classes.
void Builder::locals(const std::vector<ir::FunctionId> &methods, const std::function<bool(const ir::Group &)> &owned,
                     Class &c) {
    for (ir::FunctionId fid : methods) {
        const ir::Function &f = m.function(fid);
        if (f.info.binding.bound() && !f.method_name.empty()) c.locals.push_back({f.method_name, object_symbol(fid)});
    }
    for (size_t g = 0; g < m.groups.size(); ++g) {
        const ir::Group &grp = m.groups[g];
        if (!grp.binding.bound() || !owned(grp) || grp.owner_name.empty()) continue;
        c.locals.push_back({grp.owner_name, group_symbol(ir::GroupId(g))});
        for (Group &pg : p.groups)
            if (pg.symbol == group_symbol(ir::GroupId(g))) {
                pg.owner = c.symbol;
                pg.owner_name = grp.owner_name;
            }
    }
}

// Typedef names that alias a class under another name.
void Builder::aliases() {
    for (const ir::Typedef &t : m.typedefs) {
        if (!t.info.binding.bound() || t.merged || t.info.py_name.empty()) continue;
        const ir::Type &c = m.canonical(t.type);
        if (c.kind != ir::TypeKind::Record || class_of[c.record.index] == none)
            throw std::logic_error("plan: bound typedef " + t.info.c_name + " names no class");
        if (m.record(c.record).info.py_name == t.info.py_name) continue;
        p.aliases.push_back({t.info.py_name, class_of[c.record.index]});
    }
}

} // namespace mpbind::plan
