// conv.h: how a C type crosses to and from Python: the runtime's type code and the conversion calls to emit.
#pragma once
#include <cstdint>
#include <string>

#include "ir/module.h"

namespace mpbind::emit {

// Mirrors mpb_code_t in runtime/mpb_types.h.
enum class Code { Void, Bool, I8, U8, I16, U16, I32, U32, I64, U64, F32, F64, Str, Ptr, Struct, StructPtr, FunPtr };

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
// A short code for signature strings ("i32", "s", "S<record>"...).
std::string sig_code(const ir::Module &m, const Conv &c);

// The C symbol of a record's class descriptor (mpb_rec_<index>).
std::string record_symbol(ir::RecordId r);

// C expression converting Python object `obj` to a value of type t (argument i of the function `self`).
std::string from_py(const ir::Module &m, ir::TypeId t, const std::string &obj, size_t i);
// C statements returning C value `val` of type t as a Python object (void: after evaluating val).
std::string to_py_return(const ir::Module &m, ir::TypeId t, const std::string &val);

} // namespace mpbind::emit
