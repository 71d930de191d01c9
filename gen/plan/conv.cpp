// conv.cpp: the mapping from IR types to runtime type codes and to the ABI form of shared wrappers.
#include "conv.h"

#include "ctype.h"

namespace mpbind::plan {

using ir::TypeKind;

namespace {

Code int_code(uint64_t size, bool is_signed) {
    switch (size) {
    case 1: return is_signed ? Code::I8 : Code::U8;
    case 2: return is_signed ? Code::I16 : Code::U16;
    case 4: return is_signed ? Code::I32 : Code::U32;
    default: return is_signed ? Code::I64 : Code::U64;
    }
}

bool record_bound(const ir::Module &m, ir::RecordId r) { return m.record(r).info.binding.bound(); }

Conv pointer_conv(const ir::Module &m, const ir::Type &pointee) {
    Conv c;
    c.code = Code::PTR;
    if (pointee.kind == TypeKind::Int && pointee.prim == ir::Prim::Char) {
        c.code = Code::STR;
    } else if (pointee.kind == TypeKind::Function) {
        c.code = Code::FUNPTR;
    } else if (pointee.kind == TypeKind::Record && record_bound(m, pointee.record)) {
        c.code = Code::STRUCT_PTR;
        c.record = pointee.record;
    }
    return c;
}

// The Function type a function pointer type points to.
const ir::Type &pointee_function(const ir::Module &m, ir::TypeId t) { return m.canonical(m.canonical(t).inner); }

} // namespace

Conv array_element(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    if (c.kind != TypeKind::Pointer || m.type(t).py_object) return Conv{};
    const ir::Type &e = m.canonical(c.inner);
    switch (e.kind) {
    case TypeKind::Bool:
    case TypeKind::Enum: return classify(m, c.inner);
    case TypeKind::Float: return e.size == 4 || e.size == 8 ? classify(m, c.inner) : Conv{}; // not long double
    case TypeKind::Int: // char *: a string; no __int128
        return e.prim == ir::Prim::Char || e.size > 8 ? Conv{} : classify(m, c.inner);
    case TypeKind::Pointer: {
        Conv str = classify(m, c.inner);
        return str.code == Code::STR ? str : Conv{};
    }
    case TypeKind::Record: {
        Conv rec = classify(m, c.inner);
        return rec.ok ? rec : Conv{};
    }
    default: return Conv{};
    }
}

Conv classify(const ir::Module &m, ir::TypeId id) {
    if (m.type(id).py_object) return Conv{Code::OBJ, {}, 0, true}; // mp_obj_t: only the declared type says so
    const ir::Type &t = m.canonical(id);
    Conv c;
    switch (t.kind) {
    case TypeKind::Void: c.code = Code::VOID; break;
    case TypeKind::Bool: c.code = Code::BOOL; break;
    case TypeKind::Int: c.code = int_code(t.size, t.is_signed); break;
    case TypeKind::Enum: {
        const ir::Enum &e = m.enum_(t.enum_);
        c.code = int_code(t.size ? t.size : m.canonical(e.underlying).size, e.is_signed);
        break;
    }
    case TypeKind::Float: c.code = t.size == 4 ? Code::F32 : Code::F64; break;
    case TypeKind::Pointer: c = pointer_conv(m, m.canonical(t.inner)); break;
    case TypeKind::Record:
        c.code = Code::STRUCT;
        c.record = t.record;
        c.ok = record_bound(m, t.record) && m.record(t.record).complete;
        break;
    case TypeKind::Array: {
        Conv e = classify(m, t.inner);
        if (!t.array_len || e.code == Code::VOID) return Conv{Code::VOID, {}, 0, false};
        e.count = (e.count ? e.count : 1) * *t.array_len;
        return e;
    }
    default: c.ok = false; break;
    }
    return c;
}

std::string abi_code(const ir::Module &m, ir::TypeId t) {
    Conv c = classify(m, t);
    std::string s = info(c.code).abi;
    if (c.code == Code::STRUCT) s += std::to_string(c.record.index);
    if (c.code == Code::FUNPTR) {
        s += '<';
        s += pointee_signature(m, t);
        s += '>';
    }
    return s;
}

std::string abi_signature(const ir::Module &m, ir::TypeId ret, const std::vector<ir::TypeId> &params) {
    std::string s = abi_code(m, ret) + "(";
    for (size_t i = 0; i < params.size(); ++i) s += (i ? "," : "") + abi_code(m, params[i]);
    return s + ")";
}

std::string pointee_signature(const ir::Module &m, ir::TypeId fn_pointer) {
    const ir::Type &fn = pointee_function(m, fn_pointer);
    return abi_signature(m, fn.ret, fn.params);
}

std::string abi_type(const ir::Module &m, ir::TypeId t) {
    Conv c = classify(m, t);
    // Typedef names and tags both name a record; qualifiers are dropped (they do not change the ABI).
    if (c.code == Code::STRUCT) return c_decl(m, m.record(c.record).type);
    return info(c.code).c_type;
}

} // namespace mpbind::plan
