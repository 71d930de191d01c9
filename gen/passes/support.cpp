// Support pass: bindability of every function, field, constant and typedef (the list is in gen/ir/README.md).
#include "support.h"

#include <cmath>

namespace mpbind::passes {

using ir::TypeKind;

namespace {

std::string record_name(const ir::Module &m, ir::RecordId id) {
    const ir::Record &r = m.record(id);
    if (!r.c_spelling.empty()) return r.c_spelling;
    return r.is_union ? "anonymous union" : "anonymous struct";
}

// Records used by value (directly or as array elements) in a type.
std::optional<ir::RecordId> by_value_record(const ir::Module &m, ir::TypeId t) {
    const ir::Type *c = &m.canonical(t);
    while (c->kind == TypeKind::Array) c = &m.canonical(c->inner);
    if (c->kind == TypeKind::Record) return c->record;
    return std::nullopt;
}

// va_list (a typedef chain through va_list/__gnuc_va_list/__builtin_va_list, or the record behind it: x86-64's
// __va_list_tag, ARM's and AArch64's struct __va_list).
bool is_va_list(const ir::Module &m, ir::TypeId t) {
    for (ir::TypeId cur = t; cur.valid();) {
        const ir::Type &ty = m.type(cur);
        if (ty.kind == TypeKind::Typedef) {
            const std::string &n = m.typedef_(ty.typedef_).info.c_name;
            if (n == "va_list" || n == "__gnuc_va_list" || n == "__builtin_va_list") return true;
            cur = ty.inner;
        } else if (ty.kind == TypeKind::Pointer || ty.kind == TypeKind::Array) {
            cur = ty.inner;
        } else {
            if (ty.kind != TypeKind::Record) return false;
            const std::string &tag = m.record(ty.record).info.c_name;
            return tag == "__va_list_tag" || tag == "__va_list";
        }
    }
    return false;
}

// Binds records from other headers that bound items use by value, transitively through their fields.
void bind_dependencies(ir::Module &m) {
    std::vector<ir::RecordId> work;
    auto need = [&](ir::TypeId t) {
        if (is_va_list(m, t)) return; // skipped where it is used, never a class (a record on ARM)
        auto r = by_value_record(m, t);
        if (!r) return;
        ir::Record &rec = m.record(*r);
        if (rec.info.binding.status == ir::Status::Excluded && !rec.info.in_bound_header && rec.complete) {
            rec.info.binding = {};
            work.push_back(*r);
        }
    };
    for (const ir::Function &f : m.functions) {
        if (!f.info.binding.bound()) continue;
        need(f.ret);
        for (const ir::Param &p : f.params) need(p.type);
    }
    for (size_t i = 0; i < m.records.size(); ++i)
        if (m.records[i].info.binding.bound()) work.push_back(ir::RecordId{static_cast<uint32_t>(i)});
    while (!work.empty()) {
        ir::RecordId id = work.back();
        work.pop_back();
        for (size_t i = 0; i < m.record(id).fields.size(); ++i) need(m.record(id).fields[i].type);
    }
    // Anonymous nested records follow their parent.
    for (ir::Record &r : m.records) {
        if (!r.parent.valid()) continue;
        ir::RecordId top = r.parent;
        while (m.record(top).parent.valid()) top = m.record(top).parent;
        r.info.binding = m.record(top).info.binding;
    }
}

// Elements of an array field, nested arrays flattened (1 for other fields).
uint64_t elements(const ir::Module &m, ir::TypeId t) {
    uint64_t n = 1;
    for (const ir::Type *c = &m.canonical(t); c->kind == TypeKind::Array; c = &m.canonical(c->inner))
        n *= c->array_len.value_or(1);
    return n;
}

// Where anonymous record r lies in the record whose table holds its flattened fields (0 for a named record).
uint64_t flattened_base_bits(const ir::Module &m, const ir::Record &r) {
    uint64_t bits = 0;
    for (const ir::Record *k = &r; k->parent.valid();) {
        const ir::Record &parent = m.record(k->parent);
        for (const ir::Field &f : parent.fields) {
            const ir::Type &t = m.canonical(f.type);
            if (f.anonymous && t.kind == TypeKind::Record && &m.record(t.record) == k) bits += f.offset_bits;
        }
        k = &parent;
    }
    return bits;
}

// What a field row of the runtime (mpb_field_t) cannot describe: arrays beyond its 16-bit count, bitfields read
// through more than 64 bits, offsets beyond its 16 bits (base_bits: where f's record lies in the table's record).
std::optional<std::string> beyond_field_row(const ir::Module &m, const ir::Field &f, uint64_t base_bits,
                                            const std::string &where) {
    uint64_t n = elements(m, f.type);
    if (n > UINT16_MAX)
        return "array of " + std::to_string(n) + " elements in " + where + " (a field row holds at most 65535)";
    if (f.bit_width && f.offset_bits % 8 + *f.bit_width > 64)
        return where + " is a bit-field spanning " + std::to_string(f.offset_bits % 8 + *f.bit_width) +
               " bits from its first byte (at most 64)";
    uint64_t byte = (base_bits + f.offset_bits) / 8;
    if (byte > UINT16_MAX) return where + " lies at byte " + std::to_string(byte) + " (a field row reaches 65535)";
    return std::nullopt;
}

// Constants become ROM objects of any integer value (small ints, const int objects beyond them); floats need a C
// literal.
void support_constants(ir::Module &m) {
    for (ir::Macro &mc : m.macros)
        if (mc.info.binding.bound() && mc.kind == ir::MacroKind::Float && !std::isfinite(mc.float_value))
            mc.info.binding = {ir::Status::Skipped, "infinite or not-a-number value (no C literal for a ROM float)"};
}

} // namespace

std::optional<std::string> unsupported(const ir::Module &m, ir::TypeId t, Use use, const std::string &where) {
    const ir::Type &c = m.canonical(t);
    const std::string in = " in " + where;
    if (is_va_list(m, t)) return "va_list" + in;
    switch (c.kind) {
    case TypeKind::Void:
        if (use == Use::Return) return std::nullopt;
        return "void" + in;
    case TypeKind::Bool:
    case TypeKind::Enum: return std::nullopt;
    case TypeKind::Int:
        if (c.prim == ir::Prim::Int128 || c.prim == ir::Prim::UInt128)
            return std::string("unsupported type ") + ir::prim_name(c.prim) + in;
        return std::nullopt;
    case TypeKind::Float:
        if (c.prim == ir::Prim::Float || c.prim == ir::Prim::Double) return std::nullopt;
        return std::string("unsupported type ") + ir::prim_name(c.prim) + in;
    case TypeKind::Pointer: return std::nullopt; // any pointer is at least an address
    case TypeKind::Array:
        if (use != Use::Field) return "array by value" + in;
        if (!c.array_len) return "flexible array member" + in;
        return unsupported(m, c.inner, Use::Field, where);
    case TypeKind::Record: {
        const ir::Record &r = m.record(c.record);
        if (!r.complete) return record_name(m, c.record) + " is incomplete (used by value)" + in;
        if (!r.info.binding.bound()) return record_name(m, c.record) + " is not bound (" + r.info.binding.reason + ")" + in;
        return std::nullopt;
    }
    case TypeKind::Function: return "function by value" + in;
    case TypeKind::Unsupported: return "unsupported type " + c.unsupported_what + in;
    case TypeKind::Typedef: break; // canonical types are never typedefs
    }
    return "unknown type" + in;
}

void support(ir::Module &m) {
    m.require("support", {ir::Stage::Available});
    bind_dependencies(m);
    for (ir::Function &f : m.functions) {
        if (!f.info.binding.bound()) continue;
        std::optional<std::string> why;
        if (f.no_prototype) why = "K&R declaration without prototype";
        else if (f.variadic) why = "variadic function";
        else why = unsupported(m, f.ret, Use::Return, "return value");
        for (size_t i = 0; !why && i < f.params.size(); ++i) {
            const ir::Param &p = f.params[i];
            why = unsupported(m, p.type, Use::Param,
                              p.c_name.empty() ? "parameter " + std::to_string(i + 1) : "parameter '" + p.c_name + "'");
        }
        if (why) f.info.binding = {ir::Status::Skipped, *why};
    }
    for (ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        uint64_t base_bits = flattened_base_bits(m, r);
        for (ir::Field &fl : r.fields) {
            if (fl.c_name.empty() && !fl.anonymous) { // `int : 3;` only pads
                fl.binding = {ir::Status::Excluded, "unnamed bit-field (padding)"};
                continue;
            }
            std::string where = fl.anonymous ? "anonymous member" : "field '" + fl.c_name + "'";
            // C only allows integer, _Bool and enum bitfields, and wider than 64 bits only for __int128, which is
            // unsupported anyway.
            std::optional<std::string> why = unsupported(m, fl.type, Use::Field, where);
            if (!why) why = beyond_field_row(m, fl, base_bits, where);
            if (why) fl.binding = {ir::Status::Skipped, *why};
        }
    }
    // Typedefs only matter to Python when they name a record class (enum constants live in their groups).
    for (ir::Typedef &t : m.typedefs) {
        if (!t.info.binding.bound()) continue;
        const ir::Type &c = m.canonical(t.type);
        if (c.kind == TypeKind::Record) {
            if (!m.record(c.record).info.binding.bound())
                t.info.binding = {ir::Status::Excluded, "aliases " + record_name(m, c.record) + ", which is not bound"};
        } else {
            t.info.binding = {ir::Status::Excluded, "typedef of " + c.spelling + " (no Python object)"};
        }
    }
    support_constants(m);
    m.complete(ir::Stage::Supported);
}

} // namespace mpbind::passes
