// classes.cpp: for every struct/union class of the plan: its layout checks, a field table and a class
// (MPB_DEFINE_STRUCT_TYPE).
#include "context.h"

namespace mpbind::emit {

namespace {

std::string row(const plan::Plan &p, const plan::FieldRow &f) {
    std::string r = "    { .name = MP_QSTR_" + f.py_name + ", .code = " + plan::info(f.conv.code).macro;
    std::string flags = f.is_const ? "MPB_F_CONST" : "";
    if (f.bit_width) {
        flags += std::string(flags.empty() ? "" : " | ") + "MPB_F_BITFIELD";
        r += ", .ref.bits = { " + std::to_string(f.bit_shift) + ", " + std::to_string(*f.bit_width) + " }";
    }
    if (!flags.empty()) r += ", .flags = " + flags;
    r += ", .offset = " + f.offset.c;
    if (f.conv.count) r += ", .count = " + std::to_string(f.conv.count);
    if (!f.sub.empty()) r += ", .ref.sub = &" + f.sub;
    if (f.callback != plan::none && p.callbacks[f.callback].slot_desc != plan::none)
        r += ", .ref.cb = &" + p.slots[p.callbacks[f.callback].slot_desc].symbol;
    return r + " },\n";
}

} // namespace

void emit_classes(const plan::Plan &p, std::string &out) {
    for (const plan::Class &c : p.classes) {
        emit_trampolines(p, c.trampolines, out);
        out += "// " + comment_text(c.comment) + (c.comment == c.name ? "" : ": class " + c.name) + "\n";
        out += layout_checks(c.checks);
        if (!c.rows.empty() && c.parent.empty()) { // an object class shares its base's table
            out += "static const mpb_field_t " + c.fields_symbol + "[] = {\n";
            for (const plan::FieldRow &f : c.rows) out += row(p, f);
            out += "};\n";
        }
        const std::string &size = c.size_c;
        // An object class without locals of its own names its base's (C has no empty table).
        std::string locals = c.locals_symbol;
        if (!c.parent.empty() && c.locals.empty()) {
            for (const plan::Class &base : p.classes)
                if (base.symbol == c.parent) locals = base.locals_symbol;
        } else {
            out += "static const mp_rom_map_elem_t " + c.locals_symbol + "_table[] = {\n";
            if (c.parent.empty()) out += "    MPB_STRUCT_LOCALS_ENTRIES(" + size + "),\n"; // else inherited
            for (const plan::Local &l : c.locals) out += rom_row(l.name, "MP_ROM_PTR(&" + l.symbol + ")");
            out += "};\nstatic MP_DEFINE_CONST_DICT(" + c.locals_symbol + ", " + c.locals_symbol + "_table);\n";
        }
        std::string flags = !c.complete ? "MPB_S_OPAQUE" : c.is_union ? "MPB_S_UNION" : "";
        if (c.members_first) flags += flags.empty() ? "MPB_S_MEMBERS_FIRST" : " | MPB_S_MEMBERS_FIRST";
        if (flags.empty()) flags = "0";
        out += (c.parent.empty() ? "static MPB_DEFINE_STRUCT_TYPE(" + c.symbol + ", MP_QSTR_" + c.name + ", "
                                 : "static MPB_DEFINE_STRUCT_SUBTYPE(" + c.symbol + ", MP_QSTR_" + c.name + ", " + c.parent + ", ") +
               size + ", " + flags + ", " +
               std::to_string(c.rows.size()) + ", " + (c.rows.empty() ? "NULL" : c.fields_symbol) + ", " +
               locals + ", " + (c.constructor.empty() ? "NULL" : "&" + c.constructor) + ", " +
               (c.identity.empty() ? "NULL" : "&" + c.identity) + ");\n\n";
    }
}

} // namespace mpbind::emit
