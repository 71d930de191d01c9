// conv.cpp: the mapping from IR types to runtime type codes and conversion calls.
#include "conv.h"

#include "ctype.h"

namespace mpbind::emit {

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
    c.code = Code::Ptr;
    if (pointee.kind == TypeKind::Int && pointee.prim == ir::Prim::Char) {
        c.code = Code::Str;
    } else if (pointee.kind == TypeKind::Function) {
        c.code = Code::FunPtr;
    } else if (pointee.kind == TypeKind::Record && record_bound(m, pointee.record)) {
        c.code = Code::StructPtr;
        c.record = pointee.record;
    }
    return c;
}

} // namespace

Conv classify(const ir::Module &m, ir::TypeId id) {
    if (m.type(id).py_object) return Conv{Code::Object, {}, 0, true}; // mp_obj_t: only the declared type says so
    const ir::Type &t = m.canonical(id);
    Conv c;
    switch (t.kind) {
    case TypeKind::Void: c.code = Code::Void; break;
    case TypeKind::Bool: c.code = Code::Bool; break;
    case TypeKind::Int: c.code = int_code(t.size, t.is_signed); break;
    case TypeKind::Enum: {
        const ir::Enum &e = m.enum_(t.enum_);
        c.code = int_code(t.size ? t.size : m.canonical(e.underlying).size, e.is_signed);
        break;
    }
    case TypeKind::Float: c.code = t.size == 4 ? Code::F32 : Code::F64; break;
    case TypeKind::Pointer: c = pointer_conv(m, m.canonical(t.inner)); break;
    case TypeKind::Record:
        c.code = Code::Struct;
        c.record = t.record;
        c.ok = record_bound(m, t.record) && m.record(t.record).complete;
        break;
    case TypeKind::Array: {
        Conv e = classify(m, t.inner);
        if (!t.array_len || e.code == Code::Void) return Conv{Code::Void, {}, 0, false};
        e.count = (e.count ? e.count : 1) * *t.array_len;
        return e;
    }
    default: c.ok = false; break;
    }
    return c;
}

const char *code_macro(Code c) {
    static const char *const names[] = {"MPB_VOID", "MPB_BOOL", "MPB_I8", "MPB_U8", "MPB_I16", "MPB_U16",
        "MPB_I32", "MPB_U32", "MPB_I64", "MPB_U64", "MPB_F32", "MPB_F64", "MPB_STR", "MPB_PTR", "MPB_STRUCT",
        "MPB_STRUCT_PTR", "MPB_FUNPTR", "MPB_OBJ"};
    return names[static_cast<int>(c)];
}

std::string record_symbol(ir::RecordId r) { return "mpb_rec_" + std::to_string(r.index); }
std::string function_symbol(ir::FunctionId f) { return "mpb_fun_" + std::to_string(f.index); }
std::string group_symbol(ir::GroupId g) { return "mpb_group_" + std::to_string(g.index); }

namespace {

const char *const abi_names[] = {"v", "b", "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f", "d", "s",
    "p", "S", "P", "F", "o"};

const char *const abi_c_types[] = {"void", "_Bool", "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t",
    "uint32_t", "int64_t", "uint64_t", "float", "double", "const char *", "void *", "", "void *", "mpb_cfun_t",
    "mp_obj_t"};

const char *getter(Code c) {
    switch (c) {
    case Code::Bool: return "mpb_get_bool";
    case Code::I8: return "mpb_get_i8";
    case Code::U8: return "mpb_get_u8";
    case Code::I16: return "mpb_get_i16";
    case Code::U16: return "mpb_get_u16";
    case Code::I32: return "mpb_get_i32";
    case Code::U32: return "mpb_get_u32";
    case Code::I64: return "mpb_get_i64";
    case Code::U64: return "mpb_get_u64";
    case Code::F32: return "mpb_get_float";
    case Code::F64: return "mpb_get_double";
    case Code::Str: return "mpb_get_str";
    case Code::Ptr: return "mpb_get_ptr";
    default: return nullptr;
    }
}

const char *maker(Code c) {
    switch (c) {
    case Code::Bool: return "mpb_new_bool";
    case Code::I8: case Code::U8: case Code::I16: case Code::U16: return "mpb_new_small";
    case Code::I32: return "mpb_new_i32";
    case Code::U32: return "mpb_new_u32";
    case Code::I64: return "mpb_new_i64";
    case Code::U64: return "mpb_new_u64";
    case Code::F32: case Code::F64: return "mpb_new_double";
    case Code::Str: return "mpb_new_str";
    case Code::Ptr: return "mpb_new_ptr";
    default: return nullptr;
    }
}

// The Function type a function pointer type points to.
const ir::Type &pointee_function(const ir::Module &m, ir::TypeId t) { return m.canonical(m.canonical(t).inner); }

} // namespace

std::string abi_code(const ir::Module &m, ir::TypeId t) {
    Conv c = classify(m, t);
    std::string s = abi_names[static_cast<int>(c.code)];
    if (c.code == Code::Struct) s += std::to_string(c.record.index);
    if (c.code == Code::FunPtr) {
        const ir::Type &fn = pointee_function(m, t);
        s += "<" + abi_signature(m, fn.ret, fn.params) + ">";
    }
    return s;
}

std::string abi_signature(const ir::Module &m, ir::TypeId ret, const std::vector<ir::TypeId> &params) {
    std::string s = abi_code(m, ret) + "(";
    for (size_t i = 0; i < params.size(); ++i) s += (i ? "," : "") + abi_code(m, params[i]);
    return s + ")";
}

std::string abi_type(const ir::Module &m, ir::TypeId t) {
    Conv c = classify(m, t);
    if (c.code == Code::Struct) {
        // Typedef names and tags both name the record; drop qualifiers (they do not change the ABI).
        ir::TypeId rt = m.record(c.record).type;
        return c_decl(m, rt);
    }
    return abi_c_types[static_cast<int>(c.code)];
}

std::string from_py(const ir::Module &m, ir::TypeId t, const std::string &obj, size_t i) {
    Conv c = classify(m, t);
    std::string at = obj + ", self, " + std::to_string(i);
    switch (c.code) {
    case Code::Struct:
        return "*(" + abi_type(m, t) + " *)mpb_get_struct_val(" + obj + ", &" + record_symbol(c.record) + ", " +
               "self, " + std::to_string(i) + ")";
    case Code::StructPtr:
        return "mpb_get_struct_ptr(" + obj + ", self->types[" + std::to_string(i) + "], " + "self, " +
               std::to_string(i) + ")";
    case Code::Object: return obj;
    case Code::FunPtr: {
        const ir::Type &fn = pointee_function(m, t);
        return "mpb_get_funptr(" + obj + ", \"" + abi_signature(m, fn.ret, fn.params) + "\", self, " +
               std::to_string(i) + ")";
    }
    default: return std::string(getter(c.code)) + "(" + at + ")";
    }
}

std::string to_py_expr(const ir::Module &m, ir::TypeId t, const std::string &val) {
    Conv c = classify(m, t);
    switch (c.code) {
    case Code::FunPtr: return "mpb_new_funptr(" + val + ")";
    case Code::StructPtr: return "mpb_new_ptr(" + val + ")";
    case Code::Object: return "mpb_obj_or_none(" + val + ")";
    default: return std::string(maker(c.code)) + "(" + val + ")";
    }
}

std::string from_py_plain(const ir::Module &m, ir::TypeId t, const std::string &obj) {
    Conv c = classify(m, t);
    switch (c.code) {
    case Code::FunPtr: return "mpb_get_funptr(" + obj + ", NULL, NULL, 0)";
    case Code::Object: return obj;
    case Code::StructPtr: return "mpb_get_ptr(" + obj + ", NULL, 0)";
    default: return std::string(getter(c.code)) + "(" + obj + ", NULL, 0)";
    }
}

std::string to_py_return(const ir::Module &m, ir::TypeId t, const std::string &val, size_t n_args) {
    Conv c = classify(m, t);
    switch (c.code) {
    case Code::Void: return val + ";\n    return mp_const_none;\n";
    case Code::Struct:
        return abi_type(m, t) + " r = " + val + ";\n    return mpb_new_struct_copy(&" + record_symbol(c.record) +
               ", &r);\n";
    case Code::StructPtr:
        return "return mpb_new_struct_ref(self->types[" + std::to_string(n_args) + "], " + val + ", MP_OBJ_NULL);\n";
    case Code::FunPtr: return "return mpb_new_funptr(" + val + ");\n";
    case Code::Object: return "return mpb_obj_or_none(" + val + ");\n";
    default: return std::string("return ") + maker(c.code) + "(" + val + ");\n";
    }
}

} // namespace mpbind::emit
