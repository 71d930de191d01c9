// IR types: primitives, pointers, arrays, records, enums, typedefs, function types (no clang enums here).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ids.h"

namespace mpbind::ir {

enum class TypeKind : uint8_t {
    Void,
    Bool,     // _Bool
    Int,      // every integer and character type; see prim, size, is_signed
    Float,    // float, double, long double, _Float16...; see prim
    Pointer,  // inner = pointee (qualifiers of the pointee live on the inner type)
    Array,    // inner = element; array_len set for T[N], empty for T[] (incomplete)
    Record,   // record = the struct/union
    Enum,     // enum_ = the enum
    Typedef,  // typedef_ = the typedef; inner = the aliased type (one step); canonical = fully resolved
    Function, // ret, params, variadic, no_prototype (only reachable through Pointer for callbacks)
    Unsupported, // _Complex, vectors, _Atomic, VLAs, ...: unsupported_what says which
};

// Which C primitive an Int/Float/Bool type is; the emitter may rely on size/is_signed instead.
enum class Prim : uint8_t {
    None,
    Bool,
    Char, SChar, UChar, WChar, Char16, Char32,
    Short, UShort, Int, UInt, Long, ULong, LongLong, ULongLong, Int128, UInt128,
    Float16, Float, Double, LongDouble, Float128,
};

struct Type {
    TypeKind kind = TypeKind::Void;
    bool is_const = false;    // top-level qualifier of this type
    bool is_volatile = false;
    // C spelling as clang writes it ("const uint8_t *", "struct foo", "int[4]", "void (*)(int)").
    std::string spelling;
    uint64_t size = 0;        // bytes; 0 for void, functions and incomplete types
    uint64_t align = 0;       // bytes; 0 when unknown

    Prim prim = Prim::None;   // Bool/Int/Float
    bool is_signed = false;   // Int (char follows the target's signedness)

    TypeId inner;             // Pointer: pointee; Array: element; Typedef: aliased type
    std::optional<uint64_t> array_len; // Array: N of T[N]

    RecordId record;          // Record
    EnumId enum_;             // Enum
    TypedefId typedef_;       // Typedef

    TypeId ret;               // Function
    std::vector<TypeId> params; // Function: parameter types (names are on the declaration)
    bool variadic = false;    // Function: (...)
    bool no_prototype = false; // Function: K&R `int f()`

    std::string unsupported_what; // Unsupported: "_Complex", "vector", "_Atomic", "variable-length array", ...

    // Typedef named mp_obj_t (or a typedef of one): a MicroPython object passed through unconverted.
    // Its canonical type is the plain pointer, so test this flag on the declared type.
    bool py_object = false;

    // Set for every type: the same type with all typedefs resolved (itself when none). Qualifiers merge.
    TypeId canonical;
};

// "long double", "unsigned int", ... for reports.
const char *prim_name(Prim p);

} // namespace mpbind::ir
