// conv.h: how a C type crosses to and from Python: its runtime type code, and its ABI form in shared wrappers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "codes.h"
#include "ir/module.h"

namespace mpbind::plan {

struct Conv {
    Code code = Code::VOID;
    ir::RecordId record; // Struct, StructPtr: the record (bound)
    uint64_t count = 0;  // fields of array type: total elements (nested arrays flattened)
    bool ok = true;      // false: no conversion (the support pass skips whatever uses it)
};

// Classifies type t; struct pointers name their record only when it is bound (else they are untyped pointers).
Conv classify(const ir::Module &m, ir::TypeId t);

// The elements a pointer parameter `T *` (or `T[]`) takes from a Python list or tuple: a number, enum or bool, a
// string (`const char **`), or a complete bound struct (copied by value). Code::VOID for any other type: untyped and
// function pointers, strings themselves (`char *`), pointers to opaque structs or to pointers of other kinds.
Conv array_element(const ir::Module &m, ir::TypeId t);

// How a value crosses the C calling convention: "i32", "u8", "b", "f", "d", "s" (char *), "p" (data pointer),
// "P" (struct pointer; its class comes from the function object), "S<n>" (struct n by value), "F<sig>" (function
// pointer of signature sig), "o" (mp_obj_t), "v". Values of equal ABI code are passed identically, so a wrapper
// can serve them all.
std::string abi_code(const ir::Module &m, ir::TypeId t);
// A function's ABI signature "ret(arg,arg)": equal signatures share one wrapper.
std::string abi_signature(const ir::Module &m, ir::TypeId ret, const std::vector<ir::TypeId> &params);
// The ABI signature of the function type a function-pointer type points to.
std::string pointee_signature(const ir::Module &m, ir::TypeId fn_pointer);
// The C type a shared wrapper uses for a value of type t (int32_t, const char *, void *, struct s...).
std::string abi_type(const ir::Module &m, ir::TypeId t);

} // namespace mpbind::plan
