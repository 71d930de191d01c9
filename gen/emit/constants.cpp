// constants.cpp: enum constants and macros as module attributes, and the classes grouping them (GPIO_MODE.OUTPUT).
#include <cstdio>
#include <map>

#include "context.h"
#include "conv.h"

namespace mpbind::emit {

namespace {

// A constant's value as a ROM object, defining a helper object in `defs` when it needs one.
struct Value {
    std::string rom;   // ROM object expression, "" when not representable
    std::string guard; // #if condition under which rom is valid
};

std::string int_literal(bool is_unsigned, int64_t v, uint64_t u) {
    if (is_unsigned) return std::to_string(u) + "ULL";
    if (v == INT64_MIN) return "(-9223372036854775807LL - 1)";
    return std::to_string(v) + "LL";
}

class Constants {
public:
    // Once per constant: one both flat and grouped shares its helper object.
    Value enum_value(const ir::Enum &e, const ir::EnumConstant &c) {
        auto it = enums_.find(&c);
        if (it == enums_.end()) it = enums_.emplace(&c, int_value(!e.is_signed, c.value, c.uvalue)).first;
        return it->second;
    }

    // Once per macro: a macro both flat and grouped shares its helper object.
    Value macro_value(const ir::Module &m, ir::MacroId id) {
        auto it = macros_.find(id.index);
        if (it == macros_.end()) it = macros_.emplace(id.index, macro_value(m.macro(id))).first;
        return it->second;
    }

    Value macro_value(const ir::Macro &mc) {
        switch (mc.kind) {
        case ir::MacroKind::Int: return int_value(mc.is_unsigned, mc.int_value, mc.uint_value);
        case ir::MacroKind::Float: {
            std::string sym = next_symbol();
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", mc.float_value);
            std::string lit = buf;
            if (lit.find_first_of(".eEn") == std::string::npos) lit += ".0"; // keep it a double literal
            if (lit == "inf" || lit == "-inf" || lit == "nan" || lit == "-nan") return {"", ""};
            defs_ += "#if MPB_HAS_ROM_FLOAT\nMPB_DEFINE_FLOAT_CONST(" + sym + ", " + lit + ");\n#endif\n";
            return {"MP_ROM_PTR(&" + sym + ")", "MPB_HAS_ROM_FLOAT"};
        }
        case ir::MacroKind::String: {
            std::string sym = next_symbol();
            defs_ += "MPB_DEFINE_STR_CONST(" + sym + ", " + c_string(mc.string_value) + ");\n";
            return {"MP_ROM_PTR(&" + sym + ")", ""};
        }
        }
        return {"", ""};
    }

    void add(std::vector<DictEntry> &to, const std::string &name, const Value &v) {
        if (v.rom.empty()) {
            defs_ += "// " + name + ": value not representable as a ROM object\n";
            return;
        }
        to.push_back({name, v.rom, v.guard});
    }

    std::string take_defs() { return std::move(defs_); }

private:
    std::string next_symbol() { return "mpb_const_" + std::to_string(n_++); }

    // Small ints (31 bits on every target) are ROM values; wider integers are small ints only with 64-bit words,
    // else (and beyond 63 bits everywhere) a const int object, where the core has long ints.
    Value int_value(bool is_unsigned, int64_t v, uint64_t u) {
        bool small31 = is_unsigned ? u < (1ULL << 30) : (v >= -(1LL << 30) && v < (1LL << 30));
        if (small31) return {"MP_ROM_INT(" + std::string(is_unsigned ? std::to_string(u) : std::to_string(v)) + ")", ""};
        bool neg = !is_unsigned && v < 0;
        uint64_t magnitude = neg ? 0 - static_cast<uint64_t>(v) : (is_unsigned ? u : static_cast<uint64_t>(v));
        std::string sym = next_symbol();
        std::string object = "MPB_DEFINE_INT_CONST(" + sym + ", " + (neg ? "1" : "0") + ", " +
                             std::to_string(magnitude) + "ULL);\n";
        bool small63 = is_unsigned ? u < (1ULL << 62) : (v >= -(1LL << 62) && v < (1LL << 62));
        if (small63) {
            defs_ += "#if !MPB_HAS_ROM_INT64 && MPB_HAS_ROM_BIGINT\n" + object + "#endif\n";
            return {"MPB_ROM_WIDE_INT(" + int_literal(is_unsigned, v, u) + ", " + sym + ")",
                    "MPB_HAS_ROM_INT64 || MPB_HAS_ROM_BIGINT"};
        }
        defs_ += "#if MPB_HAS_ROM_BIGINT\n" + object + "#endif\n";
        return {"MP_ROM_PTR(&" + sym + ")", "MPB_HAS_ROM_BIGINT"};
    }

    std::string defs_;
    std::map<uint32_t, Value> macros_;
    std::map<const ir::EnumConstant *, Value> enums_;
    size_t n_ = 0;
};

} // namespace

void emit_constants(Context &ctx) {
    const ir::Module &m = ctx.m;
    Constants consts;
    // Classes of grouped constants.
    std::string classes;
    for (size_t g = 0; g < m.groups.size(); ++g) {
        const ir::Group &grp = m.groups[g];
        bool owned = grp.owner.valid() && !grp.owner_name.empty();
        if (!grp.binding.bound() || (grp.py_name.empty() && !owned)) continue;
        std::vector<DictEntry> members;
        for (const ir::GroupMember &mem : grp.members) {
            if (mem.macro.valid()) {
                consts.add(members, mem.name, consts.macro_value(m, mem.macro));
            } else if (mem.enum_.valid()) {
                const ir::Enum &e = m.enum_(mem.enum_);
                consts.add(members, mem.name, consts.enum_value(e, e.constants.at(mem.constant)));
            }
        }
        std::string sym = group_symbol(ir::GroupId(g));
        classes += "static const mp_rom_map_elem_t " + sym + "_locals_table[] = {\n" + rom_table_rows(members) +
                   "};\nstatic MP_DEFINE_CONST_DICT(" + sym + "_locals, " + sym + "_locals_table);\n";
        const std::string &name = grp.py_name.empty() ? grp.owner_name : grp.py_name;
        classes += "static MPB_DEFINE_ENUM_TYPE(" + sym + ", MP_QSTR_" + name + ", " + sym + "_locals);\n\n";
        if (!grp.py_name.empty()) ctx.globals.push_back({grp.py_name, "MP_ROM_PTR(&" + sym + ")", ""});
    }
    // Flat module attributes.
    for (const ir::Enum &e : m.enums) {
        if (!e.info.binding.bound()) continue;
        for (const ir::EnumConstant &c : e.constants)
            if (c.binding.bound() && c.flat && !c.py_name.empty()) consts.add(ctx.globals, c.py_name, consts.enum_value(e, c));
    }
    for (size_t k = 0; k < m.macros.size(); ++k) {
        const ir::Macro &mc = m.macros[k];
        if (mc.info.binding.bound() && mc.flat && !mc.py_name.empty())
            consts.add(ctx.globals, mc.py_name, consts.macro_value(m, ir::MacroId(k)));
    }
    ctx.out += consts.take_defs();
    ctx.out += "\n" + classes;
}

} // namespace mpbind::emit
