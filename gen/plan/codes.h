// codes.h: the runtime's type codes (runtime/mpb_codes.h) as a C++ enum with their ABI letters, C types and helpers.
#pragma once
#include <cstdint>

#include "mpb_codes.h"

namespace mpbind::plan {

// mpb_code_t of runtime/mpb_types.h: Code::I32 is MPB_I32.
enum class Code : uint8_t {
#define MPB_X(name, abi, ctype, size, get, make) name,
    MPB_CODE_TABLE(MPB_X)
#undef MPB_X
};

struct CodeInfo {
    const char *macro;  // "MPB_I32"
    const char *abi;    // "i32"
    const char *c_type; // "int32_t" (a generated wrapper's C type for the value)
    const char *get;    // "mpb_get_i32", or "none"
    const char *make;   // "mpb_new_i32", or "none"
};

inline const CodeInfo &info(Code c) {
    static const CodeInfo table[] = {
#define MPB_X(name, abi, ctype, size, get, make) {"MPB_" #name, abi, #ctype, #get, #make},
        MPB_CODE_TABLE(MPB_X)
#undef MPB_X
    };
    return table[static_cast<int>(c)];
}

} // namespace mpbind::plan
