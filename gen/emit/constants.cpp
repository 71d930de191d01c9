// constants.cpp: the ROM objects of constants that need one (floats, strings) and the constant classes.
#include <cstdint>
#include <cstdio>

#include "context.h"

namespace mpbind::emit {

namespace {

std::string int_literal(const plan::Value &v) {
    if (v.is_unsigned) return std::to_string(v.u) + "ULL";
    if (v.i == INT64_MIN) return "(-9223372036854775807LL - 1)";
    return std::to_string(v.i) + "LL";
}

std::string float_literal(double f) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", f);
    std::string lit = buf;
    if (lit.find_first_of(".eE") == std::string::npos) lit += ".0"; // keep it a double literal
    return lit;
}

} // namespace

std::string rom_value(const plan::Value &v) {
    switch (v.kind) {
    case plan::Value::Kind::SmallInt: return "MP_ROM_INT(" + (v.is_unsigned ? std::to_string(v.u) : std::to_string(v.i)) + ")";
    case plan::Value::Kind::Int64: return "MP_ROM_INT((mp_int_t)" + int_literal(v) + ")";
    case plan::Value::Kind::Float:
    case plan::Value::Kind::Str: return "MP_ROM_PTR(&" + v.symbol + ")";
    }
    return "";
}

void emit_constants(const plan::Plan &p, std::string &out) {
    std::string objects;
    for (const plan::Value &v : p.values) {
        if (v.kind == plan::Value::Kind::Float)
            objects += "#if MPB_HAS_ROM_FLOAT\nMPB_DEFINE_FLOAT_CONST(" + v.symbol + ", " + float_literal(v.f) + ");\n#endif\n";
        else if (v.kind == plan::Value::Kind::Str)
            objects += "MPB_DEFINE_STR_CONST(" + v.symbol + ", " + c_string(v.s) + ");\n";
    }
    if (!objects.empty()) out += objects + "\n";
    for (const plan::Group &g : p.groups) {
        out += "static const mp_rom_map_elem_t " + g.locals_symbol + "_table[] = {\n";
        for (const plan::Constant &c : g.members) {
            const plan::Value &v = p.values[c.value];
            out += rom_row(c.name, rom_value(v), v.guard());
        }
        out += "};\nstatic MP_DEFINE_CONST_DICT(" + g.locals_symbol + ", " + g.locals_symbol + "_table);\n";
        out += "static MPB_DEFINE_ENUM_TYPE(" + g.symbol + ", MP_QSTR_" + g.name + ", " + g.locals_symbol + ");\n\n";
    }
}

} // namespace mpbind::emit
