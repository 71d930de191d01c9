// Translation of libclang types (CXType) into interned IR types, with typedef chains kept and resolved.
#include "raii.h"
#include "translate.h"

namespace mpbind::clangw {

using ir::Prim;
using ir::TypeKind;

namespace {

struct PrimInfo {
    TypeKind kind;
    Prim prim;
    bool is_signed;
};

// Maps builtin libclang kinds to IR primitives; returns false for non-builtins.
bool builtin(CXTypeKind k, PrimInfo &out) {
    switch (k) {
    case CXType_Void: out = {TypeKind::Void, Prim::None, false}; return true;
    case CXType_Bool: out = {TypeKind::Bool, Prim::Bool, false}; return true;
    case CXType_Char_U: out = {TypeKind::Int, Prim::Char, false}; return true;
    case CXType_Char_S: out = {TypeKind::Int, Prim::Char, true}; return true;
    case CXType_UChar: out = {TypeKind::Int, Prim::UChar, false}; return true;
    case CXType_SChar: out = {TypeKind::Int, Prim::SChar, true}; return true;
    case CXType_WChar: out = {TypeKind::Int, Prim::WChar, true}; return true;
    case CXType_Char16: out = {TypeKind::Int, Prim::Char16, false}; return true;
    case CXType_Char32: out = {TypeKind::Int, Prim::Char32, false}; return true;
    case CXType_UShort: out = {TypeKind::Int, Prim::UShort, false}; return true;
    case CXType_Short: out = {TypeKind::Int, Prim::Short, true}; return true;
    case CXType_UInt: out = {TypeKind::Int, Prim::UInt, false}; return true;
    case CXType_Int: out = {TypeKind::Int, Prim::Int, true}; return true;
    case CXType_ULong: out = {TypeKind::Int, Prim::ULong, false}; return true;
    case CXType_Long: out = {TypeKind::Int, Prim::Long, true}; return true;
    case CXType_ULongLong: out = {TypeKind::Int, Prim::ULongLong, false}; return true;
    case CXType_LongLong: out = {TypeKind::Int, Prim::LongLong, true}; return true;
    case CXType_UInt128: out = {TypeKind::Int, Prim::UInt128, false}; return true;
    case CXType_Int128: out = {TypeKind::Int, Prim::Int128, true}; return true;
    case CXType_Half:
    case CXType_Float16:
    case CXType_BFloat16: out = {TypeKind::Float, Prim::Float16, true}; return true;
    case CXType_Float: out = {TypeKind::Float, Prim::Float, true}; return true;
    case CXType_Double: out = {TypeKind::Float, Prim::Double, true}; return true;
    case CXType_LongDouble: out = {TypeKind::Float, Prim::LongDouble, true}; return true;
    case CXType_Float128:
    case CXType_Ibm128: out = {TypeKind::Float, Prim::Float128, true}; return true;
    default: return false;
    }
}

const char *unsupported_name(CXTypeKind k) {
    switch (k) {
    case CXType_Complex: return "_Complex";
    case CXType_Vector:
    case CXType_ExtVector: return "vector";
    case CXType_Atomic: return "_Atomic";
    case CXType_VariableArray:
    case CXType_DependentSizedArray: return "variable-length array";
    case CXType_BlockPointer: return "block pointer";
    default: return nullptr;
    }
}

} // namespace

ir::TypeId Translator::qualified(ir::TypeId base, bool is_const, bool is_volatile) {
    ir::Type t = m_.type(base);
    if ((t.is_const || !is_const) && (t.is_volatile || !is_volatile)) return base;
    const bool was_canonical = t.canonical == base;
    const bool add_const = is_const && !t.is_const;
    t.is_const = t.is_const || is_const;
    t.is_volatile = t.is_volatile || is_volatile;
    if (add_const) t.spelling = t.kind == TypeKind::Pointer ? t.spelling + "const" : "const " + t.spelling;
    // The canonical form takes the same qualifiers (a canonical type stays its own canonical).
    t.canonical = was_canonical ? ir::TypeId{} : qualified(t.canonical, is_const, is_volatile);
    return m_.intern(std::move(t));
}

// The IR id of clang's canonical form of t, or none when t is already canonical.
ir::TypeId Translator::canonical_of(CXType t) {
    CXType c = clang_getCanonicalType(t);
    return clang_equalTypes(t, c) ? ir::TypeId{} : type(c);
}

ir::TypeId Translator::type(CXType t) {
    // A CXType is one clang type node with its qualifiers (data[0]): the same node always translates to the same
    // interned type, and headers use the same few types thousands of times (spelling them is the costly part).
    if (auto it = type_ids_.find(t.data[0]); it != type_ids_.end()) return it->second;
    ir::TypeId id = translate_type(t);
    type_ids_.emplace(t.data[0], id);
    return id;
}

ir::TypeId Translator::translate_type(CXType t) {
    // Sugar that carries no meaning for bindings: look through it, keeping qualifiers.
    const bool is_const = clang_isConstQualifiedType(t);
    const bool is_volatile = clang_isVolatileQualifiedType(t);
    switch (t.kind) {
    case CXType_Elaborated: return qualified(type(clang_Type_getNamedType(t)), is_const, is_volatile);
    case CXType_Attributed: return qualified(type(clang_Type_getModifiedType(t)), is_const, is_volatile);
    case CXType_BTFTagAttributed: return qualified(type(clang_Type_getModifiedType(t)), is_const, is_volatile);
    default: break;
    }

    ir::Type out;
    out.is_const = is_const;
    out.is_volatile = is_volatile;
    out.spelling = str(clang_getTypeSpelling(t));
    long long size = clang_Type_getSizeOf(t);
    long long align = clang_Type_getAlignOf(t);
    out.size = size > 0 ? static_cast<uint64_t>(size) : 0;
    out.align = align > 0 ? static_cast<uint64_t>(align) : 0;

    PrimInfo p{};
    if (builtin(t.kind, p)) {
        out.kind = p.kind;
        out.prim = p.prim;
        out.is_signed = p.is_signed;
        return m_.intern(std::move(out));
    }
    if (const char *what = unsupported_name(t.kind)) {
        out.kind = TypeKind::Unsupported;
        out.unsupported_what = what;
        return m_.intern(std::move(out));
    }

    switch (t.kind) {
    case CXType_Pointer: {
        out.kind = TypeKind::Pointer;
        out.inner = type(clang_getPointeeType(t));
        out.canonical = canonical_of(t);
        return m_.intern(std::move(out));
    }
    case CXType_ConstantArray:
    case CXType_IncompleteArray: {
        out.kind = TypeKind::Array;
        out.inner = type(clang_getArrayElementType(t));
        if (t.kind == CXType_ConstantArray) out.array_len = static_cast<uint64_t>(clang_getArraySize(t));
        out.canonical = canonical_of(t);
        return m_.intern(std::move(out));
    }
    case CXType_Record: {
        out.kind = TypeKind::Record;
        out.record = record(clang_getTypeDeclaration(t));
        return m_.intern(std::move(out));
    }
    case CXType_Enum: {
        out.kind = TypeKind::Enum;
        out.enum_ = enum_(clang_getTypeDeclaration(t));
        return m_.intern(std::move(out));
    }
    case CXType_Typedef: {
        out.kind = TypeKind::Typedef;
        out.typedef_ = typedef_(clang_getTypeDeclaration(t));
        const ir::Typedef &td = m_.typedef_(out.typedef_);
        out.inner = td.target;
        out.canonical = qualified(m_.type(td.target).canonical, is_const, is_volatile);
        out.py_object = td.info.c_name == "mp_obj_t" || m_.type(td.target).py_object;
        return m_.intern(std::move(out));
    }
    case CXType_FunctionProto:
    case CXType_FunctionNoProto: {
        out.kind = TypeKind::Function;
        out.no_prototype = t.kind == CXType_FunctionNoProto;
        out.variadic = clang_isFunctionTypeVariadic(t);
        out.ret = type(clang_getResultType(t));
        int n = clang_getNumArgTypes(t);
        for (int i = 0; i < n; ++i) out.params.push_back(type(clang_getArgType(t, static_cast<unsigned>(i))));
        out.canonical = canonical_of(t);
        return m_.intern(std::move(out));
    }
    default: {
        out.kind = TypeKind::Unsupported;
        out.unsupported_what = str(clang_getTypeKindSpelling(t.kind));
        return m_.intern(std::move(out));
    }
    }
}

} // namespace mpbind::clangw
