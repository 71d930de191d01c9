// conv.h: how a C type crosses to and from Python: the runtime's type code and the conversion calls to emit.
#pragma once
#include <cstdint>
#include <string>

#include "ir/module.h"

namespace mpbind::emit {

// Mirrors mpb_code_t in runtime/mpb_types.h.
enum class Code { Void, Bool, I8, U8, I16, U16, I32, U32, I64, U64, F32, F64, Str, Ptr, Struct, StructPtr, FunPtr, Object };

struct Conv {
    Code code = Code::Void;
    ir::RecordId record; // Struct, StructPtr: the record (bound)
    uint64_t count = 0;  // fields of array type: total elements (nested arrays flattened)
    bool ok = true;      // false: no conversion (the front end should have skipped it)
};

// Classifies type t; `bound` says whether a record has a class in this module.
Conv classify(const ir::Module &m, ir::TypeId t);

// "MPB_I32", ...
const char *code_macro(Code c);

// The C symbols of a record's class descriptor (mpb_rec_<index>) and a function's object (mpb_fun_<index>).
std::string record_symbol(ir::RecordId r);
std::string function_symbol(ir::FunctionId f);
std::string group_symbol(ir::GroupId g);

// How a value crosses the C calling convention: "i32", "u8", "b", "f", "d", "s" (char *), "p" (data pointer),
// "P" (struct pointer; its class comes from the function object), "S<n>" (struct n by value), "F<sig>" (function
// pointer of signature sig), "v". Values of equal ABI code are passed identically, so a wrapper can serve them all.
std::string abi_code(const ir::Module &m, ir::TypeId t);
// A function's ABI signature "ret(arg,arg)": equal signatures share one wrapper.
std::string abi_signature(const ir::Module &m, ir::TypeId ret, const std::vector<ir::TypeId> &params);
// The C type the shared wrapper uses for a value of type t (int32_t, const char *, void *, struct s...).
std::string abi_type(const ir::Module &m, ir::TypeId t);

// C expression converting Python object `obj` to the ABI type of t (argument i of the function `self`).
std::string from_py(const ir::Module &m, ir::TypeId t, const std::string &obj, size_t i);
// A Python object from C value `val` of the ABI type of t (scalars, strings, pointers; not structs).
std::string to_py_expr(const ir::Module &m, ir::TypeId t, const std::string &val);
// A C value of the ABI type of t from Python object `obj`, with errors that name no function (in trampolines).
std::string from_py_plain(const ir::Module &m, ir::TypeId t, const std::string &obj);

// C statements returning C value `val` (of the ABI type of t) as a Python object; n_args locates a struct
// pointer result's class in self->types.
std::string to_py_return(const ir::Module &m, ir::TypeId t, const std::string &val, size_t n_args);

} // namespace mpbind::emit
