// constants.cpp: enum constants and macros as ROM values, the constant classes grouping them, the flat attributes.
#include <cmath>
#include <stdexcept>

#include "builder.h"

namespace mpbind::plan {

namespace {

// An integer as a ROM value: a small int of 31 bits everywhere, a wide int up to 63 bits, a big int beyond.
Value int_value(bool is_unsigned, int64_t v, uint64_t u) {
    Value r;
    r.is_unsigned = is_unsigned;
    r.i = v;
    r.u = u;
    bool small31 = is_unsigned ? u < (1ULL << 30) : (v >= -(1LL << 30) && v < (1LL << 30));
    bool small63 = is_unsigned ? u < (1ULL << 62) : (v >= -(1LL << 62) && v < (1LL << 62));
    r.kind = small31 ? Value::Kind::SmallInt : small63 ? Value::Kind::WideInt : Value::Kind::BigInt;
    return r;
}

} // namespace

const char *Value::guard() const {
    switch (kind) {
    case Kind::WideInt: return "MPB_HAS_ROM_INT64 || MPB_HAS_ROM_BIGINT";
    case Kind::BigInt: return "MPB_HAS_ROM_BIGINT";
    case Kind::Float: return "MPB_HAS_ROM_FLOAT";
    default: return "";
    }
}

// The ROM object a value other than a small int needs, named after the constant.
void Builder::name_value(Value &v, const std::string &c_name) {
    if (v.kind != Value::Kind::SmallInt) v.symbol = syms.family(c_name, {"_value"}) + "_value";
}

size_t Builder::enum_value(ir::EnumId e, uint32_t k) {
    auto [it, fresh] = enum_values.try_emplace({e.index, k}, p.values.size());
    if (fresh) {
        const ir::Enum &en = m.enum_(e);
        const ir::EnumConstant &c = en.constants.at(k);
        Value v = int_value(!en.is_signed, c.value, c.uvalue);
        name_value(v, c.c_name);
        p.values.push_back(std::move(v));
    }
    return it->second;
}

// Once per macro: a macro both flat and grouped shares its ROM object.
size_t Builder::macro_value(ir::MacroId id) {
    auto [it, fresh] = macro_values.try_emplace(id.index, p.values.size());
    if (!fresh) return it->second;
    const ir::Macro &mc = m.macro(id);
    Value v;
    switch (mc.kind) {
    case ir::MacroKind::Int: v = int_value(mc.is_unsigned, mc.int_value, mc.uint_value); break;
    case ir::MacroKind::Float:
        if (!std::isfinite(mc.float_value)) throw std::logic_error("plan: macro " + mc.info.c_name + " is not finite");
        v.kind = Value::Kind::Float;
        v.f = mc.float_value;
        break;
    case ir::MacroKind::String:
        v.kind = Value::Kind::Str;
        v.s = mc.string_value;
        break;
    }
    name_value(v, mc.info.c_name);
    p.values.push_back(std::move(v));
    return it->second;
}

void Builder::constants() {
    for (size_t g = 0; g < m.groups.size(); ++g) {
        const ir::Group &grp = m.groups[g];
        if (!grp.binding.bound()) continue;
        Group out;
        out.symbol = group_symbol(ir::GroupId(g));
        out.locals_symbol = group_base[g] + "_locals";
        out.name = grp.py_name;
        out.module_attribute = true;
        for (const ir::GroupMember &mem : grp.members)
            out.members.push_back({mem.name, mem.macro.valid() ? macro_value(mem.macro) : enum_value(mem.enum_, mem.constant)});
        p.groups.push_back(std::move(out));
    }
    for (size_t e = 0; e < m.enums.size(); ++e) {
        if (!m.enums[e].info.binding.bound()) continue;
        const auto &ks = m.enums[e].constants;
        for (uint32_t k = 0; k < ks.size(); ++k)
            if (ks[k].binding.bound() && ks[k].flat) p.flat_constants.push_back({ks[k].py_name, enum_value(ir::EnumId(e), k)});
    }
    for (size_t k = 0; k < m.macros.size(); ++k) {
        const ir::Macro &mc = m.macros[k];
        if (mc.info.binding.bound() && mc.flat) p.flat_constants.push_back({mc.py_name, macro_value(ir::MacroId(k))});
    }
}

} // namespace mpbind::plan
