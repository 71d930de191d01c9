// Internal: values of object-like macros computed from their tokens, the way clang's constant folder would, so
// that the probe parse (macros.cpp) is only needed for what this cannot decide (sizeof, builtins, ...).
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mpbind::clangw {

// One macro definition in force after the headers (the last one of its name).
struct MacroDef {
    bool function_like = false;
    bool variadic = false;
    std::vector<std::string> params; // function-like only
    std::vector<std::string> body;   // tokens after the name (and the parameter list)
};

// An integer type of the target as C's conversions need it.
struct IntType {
    unsigned bits = 32;
    bool is_signed = true;
    int rank = 4; // _Bool 1, char 2, short 3, int 4, long 5, long long 6
};

// A type a cast may name: integer (incl. _Bool and enums, by their integer type) or floating.
struct CastType {
    enum Kind { Int, Float, Double } kind = Int;
    IntType int_type;
    bool is_bool = false;
};

// What the evaluator may know of the headers: every name it cannot place makes it undecided, never wrong.
struct EvalScope {
    std::unordered_map<std::string, MacroDef> macros;
    std::unordered_set<std::string> undefined_somewhere; // #undef'd after (or apart from) their last definition
    std::unordered_map<std::string, int64_t> enum_constants;    // of type int (C99: every enumerator)
    std::unordered_map<std::string, CastType> arithmetic_typedefs; // typedef names of integer/floating types
    std::unordered_set<std::string> other_typedefs;             // typedef names of any other type
    std::unordered_set<std::string> functions;
    std::unordered_set<std::string> variables;
    // Whether the sets above name every file-scope identifier of the headers: an identifier outside them is
    // then undeclared (an error), else it is unknown.
    bool complete_names = false;
    unsigned long_bits = 64;
    bool usable = true; // false on targets whose int is not 32 bits: everything goes to the probe
};

struct MacroVerdict {
    enum Kind { Int, Float, String, NotConstant, Undecided } kind = Undecided;
    bool is_unsigned = false;
    uint64_t bits = 0; // Int: the value sign- or zero-extended to 64 bits
    double float_value = 0;
    std::string string_value;
};

// The value clang's probe would give the object-like macro `name` (which must be in scope.macros).
MacroVerdict evaluate_macro(const EvalScope &scope, const std::string &name);

// Macro expansion of `tokens` (C's rescanning rules with the macros being expanded disabled); false when the
// expansion needs what is not modelled (#, ##, variadic macros, a call completed by the following tokens).
bool expand_macros(const EvalScope &scope, const std::vector<std::string> &tokens, std::vector<std::string> &out);

} // namespace mpbind::clangw
