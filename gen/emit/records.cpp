// records.cpp: emits a field table and a class for every bound struct/union; anonymous members are flattened.
#include "callbacks.h"
#include "context.h"
#include "conv.h"
#include "ctype.h"

namespace mpbind::emit {

namespace {

// The callback slot of a function-pointer field with a user-data convention (written to ctx.out), or "".
std::string callback_slot(Context &ctx, const ir::Field &f, ir::RecordId owner) {
    if (!f.callback || f.bit_width || f.callback->convention == ir::CallbackConvention::None ||
        !trampoline_supported(ctx.m, f.callback->fn_type))
        return "";
    return ctx.tramps->slot(ctx, *f.callback, owner);
}

// Field rows of record `owner` (or of its anonymous member r) at byte offset `base_bits`; anonymous struct/union
// members add their fields in place.
void field_rows(Context &ctx, ir::RecordId owner, const ir::Record &r, uint64_t base_bits, std::string &rows,
                size_t &n) {
    const ir::Module &m = ctx.m;
    for (const ir::Field &f : r.fields) {
        if (!f.binding.bound()) continue;
        uint64_t bits = base_bits + f.offset_bits;
        const ir::Type &ft = m.canonical(f.type);
        if (f.anonymous && ft.kind == ir::TypeKind::Record) {
            field_rows(ctx, owner, m.record(ft.record), bits, rows, n);
            continue;
        }
        if (f.py_name.empty()) continue;
        Conv c = classify(m, f.type);
        if (!c.ok || c.code == Code::Void || c.count > UINT16_MAX) {
            rows += "    // " + f.c_name + ": no conversion\n";
            continue;
        }
        std::string row = "    { .name = MP_QSTR_" + f.py_name + ", .code = " + code_macro(c.code);
        std::string flags;
        if (f.is_const || ft.is_const) flags = "MPB_F_CONST";
        if (f.bit_width) {
            uint64_t shift = bits % 8;
            if (shift + *f.bit_width > 64 || *f.bit_width == 0) {
                rows += "    // " + f.c_name + ": bitfield too wide\n";
                continue;
            }
            flags += std::string(flags.empty() ? "" : " | ") + "MPB_F_BITFIELD";
            row += ", .bit_shift = " + std::to_string(shift) + ", .bit_width = " + std::to_string(*f.bit_width);
        }
        if (!flags.empty()) row += ", .flags = " + flags;
        row += ", .offset = " + std::to_string(bits / 8);
        if (c.count) row += ", .count = " + std::to_string(c.count);
        if (c.record.valid()) row += ", .ref.sub = &" + record_symbol(c.record);
        if (c.code == Code::FunPtr && c.count == 0) {
            std::string slot = callback_slot(ctx, f, owner);
            if (!slot.empty()) row += ", .ref.cb = &" + slot;
        }
        rows += row + " },\n";
        ++n;
    }
}

std::string qstr_name(const ir::Record &r, size_t index) {
    if (!r.info.py_name.empty()) return r.info.py_name;
    if (!r.info.c_name.empty()) return r.info.c_name;
    return std::string(r.is_union ? "union" : "struct") + "_" + std::to_string(index);
}

// Records that only appear as anonymous members: their fields live in the parent, they need no class.
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

} // namespace

void emit_records(Context &ctx) {
    const ir::Module &m = ctx.m;
    std::vector<bool> skip = flattened_only(m);
    auto emitted = [&](size_t k) { return m.records[k].info.binding.bound() && !skip[k]; };
    // Classes refer to each other through fields: declare all first (C allows static tentative definitions).
    for (size_t k = 0; k < m.records.size(); ++k)
        if (emitted(k))
            ctx.out += "static const mpb_struct_type_t " + record_symbol(ir::RecordId(k)) + ";\n";
    ctx.out += "\n";
    for (size_t k = 0; k < m.records.size(); ++k) {
        const ir::Record &r = m.records[k];
        if (!emitted(k)) continue;
        std::string sym = record_symbol(ir::RecordId(k));
        std::string rows;
        size_t n = 0;
        if (r.complete) field_rows(ctx, ir::RecordId(k), r, 0, rows, n);
        std::string name = qstr_name(r, k);
        ctx.out += "// " + (r.c_spelling.empty() ? name : r.c_spelling) + "\n";
        if (r.complete && !r.c_spelling.empty())
            ctx.out += "typedef char " + sym + "_size_check[sizeof(" + r.c_spelling + ") == " +
                       std::to_string(r.size) + " ? 1 : -1];\n";
        if (n) ctx.out += "static const mpb_field_t " + sym + "_fields[] = {\n" + rows + "};\n";
        std::string size = r.complete ? std::to_string(r.size) : "0";
        std::vector<DictEntry> methods;
        for (ir::FunctionId fid : r.methods) {
            const ir::Function &f = m.function(fid);
            if (f.info.binding.bound() && !f.method_name.empty())
                methods.push_back({f.method_name, "MP_ROM_PTR(&" + function_symbol(fid) + ")", ""});
        }
        // Constant classes attached to this class (LV_OBJ_FLAG_* -> obj_t.FLAG); emitted before the records.
        for (size_t g = 0; g < m.groups.size(); ++g) {
            const ir::Group &grp = m.groups[g];
            if (grp.binding.bound() && grp.owner.valid() && grp.owner.index == k && !grp.owner_name.empty())
                methods.push_back({grp.owner_name, "MP_ROM_PTR(&" + group_symbol(ir::GroupId(g)) + ")", ""});
        }
        ctx.out += "static const mp_rom_map_elem_t " + sym + "_locals_table[] = {\n    MPB_STRUCT_LOCALS_ENTRIES(" +
                   size + "),\n" + rom_table_rows(methods) + "};\n";
        ctx.out += "static MP_DEFINE_CONST_DICT(" + sym + "_locals, " + sym + "_locals_table);\n";
        bool has_ctor = r.constructor.valid() && m.function(r.constructor).info.binding.bound();
        std::string ctor = has_ctor ? "&" + function_symbol(r.constructor) : "NULL";
        std::string flags = r.is_union ? "MPB_S_UNION" : "0";
        if (!r.complete) flags = "MPB_S_OPAQUE";
        ctx.out += "static MPB_DEFINE_STRUCT_TYPE(" + sym + ", MP_QSTR_" + name + ", " + size + ", " + flags + ", " +
                   std::to_string(n) + ", " + (n ? sym + "_fields" : "NULL") + ", " + sym + "_locals, " + ctor + ");\n\n";
        // Anonymous members are reached through their parent; other records are module classes.
        if (!r.parent.valid() && !r.info.py_name.empty())
            ctx.globals.push_back({r.info.py_name, "MP_ROM_PTR(&" + sym + ")", ""});
    }
    // Typedef names that alias a class under another name.
    for (const ir::Typedef &t : m.typedefs) {
        if (!t.info.binding.bound() || t.merged || t.info.py_name.empty()) continue;
        const ir::Type &c = m.canonical(t.type);
        if (c.kind != ir::TypeKind::Record || !emitted(c.record.index)) continue;
        if (m.record(c.record).info.py_name == t.info.py_name) continue;
        ctx.globals.push_back({t.info.py_name, "MP_ROM_PTR(&" + record_symbol(c.record) + ")", ""});
    }
}

} // namespace mpbind::emit
