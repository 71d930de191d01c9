// constants.cpp: the ROM objects of constants that need one (wide integers, floats, strings) and the constant classes.
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

// The const int object of a wide or big int (a small int with 64-bit words makes a wide one's unnecessary).
std::string int_object(const plan::Value &v) {
    bool neg = !v.is_unsigned && v.i < 0;
    uint64_t magnitude = v.is_unsigned ? v.u : neg ? 0 - static_cast<uint64_t>(v.i) : static_cast<uint64_t>(v.i);
    return std::string(v.kind == plan::Value::Kind::WideInt ? "#if !MPB_HAS_ROM_INT64 && MPB_HAS_ROM_BIGINT\n"
                                                            : "#if MPB_HAS_ROM_BIGINT\n") +
           "MPB_DEFINE_INT_CONST(" + v.symbol + ", " + (neg ? "1" : "0") + ", " + std::to_string(magnitude) +
           "ULL);\n#endif\n";
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
    case plan::Value::Kind::WideInt: return "MPB_ROM_WIDE_INT(" + int_literal(v) + ", " + v.symbol + ")";
    case plan::Value::Kind::BigInt:
    case plan::Value::Kind::Float:
    case plan::Value::Kind::Str: return "MP_ROM_PTR(&" + v.symbol + ")";
    }
    return "";
}

void emit_constants(const plan::Plan &p, std::string &out) {
    std::string objects;
    for (const plan::Value &v : p.values) {
        if (v.kind == plan::Value::Kind::WideInt || v.kind == plan::Value::Kind::BigInt)
            objects += int_object(v);
        else if (v.kind == plan::Value::Kind::Float)
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
