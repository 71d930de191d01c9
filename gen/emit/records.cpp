// records.cpp: emits a field table and a class for every bound struct/union; anonymous members are flattened.
#include "callbacks.h"
#include "context.h"
#include "conv.h"
#include "ctype.h"
#include "layout.h"

namespace mpbind::emit {

namespace {

// The callback slot of a function-pointer field with a user-data convention (written to ctx.out), or "".
std::string callback_slot(Context &ctx, const ir::Field &f, ir::RecordId owner) {
    if (!f.callback || f.bit_width || f.callback->convention == ir::CallbackConvention::None ||
        !trampoline_supported(ctx.m, f.callback->fn_type))
        return "";
    return ctx.tramps->slot(ctx, *f.callback, owner);
}

std::string qstr_name(const ir::Record &r, size_t index) {
    if (!r.info.py_name.empty()) return r.info.py_name;
    if (!r.info.c_name.empty()) return r.info.c_name;
    return std::string(r.is_union ? "union" : "struct") + "_" + std::to_string(index);
}

// What the field rows of one record need besides the rows: the checks of assumed sizes, and for bitfields (whose
// positions only mpbind computes) the layout they were placed in.
struct Rows {
    std::string rows, checks;
    size_t n = 0;
    std::vector<std::string> bitfields;      // their C names
    std::vector<std::string> member_offsets; // "offsetof(...) == N" of the other members, for the bitfield check
};

// Field rows of record `owner` (or of its anonymous member r, whose bits start at `base_bits`): anonymous
// struct/union members add their fields in place. Offsets and sizes are the compiler's (offsetof, sizeof); bitfield
// positions are mpbind's, for its target.
void field_rows(Context &ctx, ir::RecordId owner, const ir::Record &r, uint64_t base_bits, Rows &out) {
    const ir::Module &m = ctx.m;
    const std::string owner_name = m.record(owner).c_spelling.empty() ? qstr_name(m.record(owner), owner.index)
                                                                      : m.record(owner).c_spelling;
    for (const ir::Field &f : r.fields) {
        if (!f.binding.bound()) continue;
        uint64_t bits = base_bits + f.offset_bits;
        const ir::Type &ft = m.canonical(f.type);
        if (f.anonymous && ft.kind == ir::TypeKind::Record) {
            field_rows(ctx, owner, m.record(ft.record), bits, out);
            continue;
        }
        if (f.py_name.empty()) continue;
        Conv c = classify(m, f.type);
        if (!c.ok || c.code == Code::Void || c.count > UINT16_MAX) {
            out.rows += "    // " + f.c_name + ": no conversion\n";
            continue;
        }
        std::string row = "    { .name = MP_QSTR_" + f.py_name + ", .code = " + code_macro(c.code);
        std::string flags;
        if (f.is_const || ft.is_const) flags = "MPB_F_CONST";
        if (f.bit_width) {
            uint64_t shift = bits % 8;
            if (shift + *f.bit_width > 64 || *f.bit_width == 0) {
                out.rows += "    // " + f.c_name + ": bitfield too wide\n";
                continue;
            }
            flags += std::string(flags.empty() ? "" : " | ") + "MPB_F_BITFIELD";
            row += ", .bit_shift = " + std::to_string(shift) + ", .bit_width = " + std::to_string(*f.bit_width);
            out.bitfields.push_back(f.c_name);
        }
        if (!flags.empty()) row += ", .flags = " + flags;
        if (f.bit_width) {
            row += ", .offset = " + std::to_string(bits / 8);
        } else {
            row += ", .offset = " + member_offset_expr(m, owner, f.c_name, bits / 8);
            out.member_offsets.push_back(member_offset_expr(m, owner, f.c_name, bits / 8) + " == " +
                                         std::to_string(bits / 8));
            out.checks += field_size_check(m, owner, f.c_name,
                                           owner_name + "." + f.c_name + " (" + m.type(f.type).spelling + ")", c);
        }
        if (c.count) row += ", .count = " + std::to_string(c.count);
        if (c.record.valid()) row += ", .ref.sub = &" + record_symbol(c.record);
        if (c.code == Code::FunPtr && c.count == 0) {
            std::string slot = callback_slot(ctx, f, owner);
            if (!slot.empty()) row += ", .ref.cb = &" + slot;
        }
        out.rows += row + " },\n";
        ++out.n;
    }
}

// Bit positions are mpbind's: they hold if the record has the size and member offsets mpbind computed with them.
std::string bitfield_check(const ir::Module &m, ir::RecordId id, const Rows &rows) {
    if (rows.bitfields.empty() || !record_access(m, id)) return "";
    const ir::Record &r = m.record(id);
    std::string cond = record_size_expr(m, id) + " == " + std::to_string(r.size);
    for (const std::string &off : rows.member_offsets) cond += " && " + off;
    std::string names;
    for (const std::string &b : rows.bitfields) names += (names.empty() ? "" : ", ") + b;
    std::string name = r.c_spelling.empty() ? qstr_name(r, id.index) : r.c_spelling;
    return layout_check(cond, name + " (bitfields " + names + ") has size " + std::to_string(r.size) +
                                  " and the member offsets mpbind placed the bits in");
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
        Rows rows;
        if (r.complete) field_rows(ctx, ir::RecordId(k), r, 0, rows);
        std::string name = qstr_name(r, k);
        ctx.out += "// " + (r.c_spelling.empty() ? name : r.c_spelling) + "\n";
        ctx.out += rows.checks + bitfield_check(m, ir::RecordId(k), rows);
        size_t n = rows.n;
        if (n) ctx.out += "static const mpb_field_t " + sym + "_fields[] = {\n" + rows.rows + "};\n";
        std::string size = r.complete ? record_size_expr(m, ir::RecordId(k)) : "0";
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
