// Options of the IR passes (filled by the CLI, read by passes/pipeline.cpp).
#pragma once
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "ir/decls.h"

namespace mpbind::passes {

// An option that does not fit the headers (a pattern or prefix matching nothing, a type or field that does not
// exist): a usage error like a bad regex, since a mistyped option would otherwise change nothing, silently.
struct OptionError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// How enum constants become classes (see README.md "Constant groups").
enum class GroupRule {
    Prefix, // class = longest common '_' prefix of the members (GPIO_MODE_OUTPUT -> GPIO_MODE.OUTPUT)
    Name,   // class = the enum's own name (typedef or tag), members lose their common prefix
    Flat,   // no classes: every constant is a module attribute
};

struct Options {
    std::vector<std::string> prefixes;  // --prefix, stripped from C names (case-insensitive), first match wins
    std::vector<std::string> allow;     // --allow: bind only C names fully matching one of these (ECMAScript)
    std::vector<std::string> block;     // --block: never bind C names fully matching one of these
    GroupRule group_rule = GroupRule::Prefix;
    bool flat_constants = false;        // --flat-constants: grouped enum and macro constants also module attributes
    // Callbacks and methods.
    std::vector<std::pair<std::string, std::string>> user_fields; // --user-field TYPE=FIELD
    std::string isr;                    // --isr REGEX: callbacks (field/param "<owner>.<slot>") in ISR context
    std::vector<std::pair<std::string, std::string>> releases; // --release FUNCTION=RULE
    size_t slot_pool = 8;               // --slot-pool N
    bool methods = true;                // <prefix>_<T>_<name>(T *self, ...) -> method of T
    bool flat_methods = false;          // --flat-methods: methods and object constructors also module functions
    bool allow_deprecated = false;      // --allow-deprecated: bind deprecated declarations too
    bool used_structs_only = false;     // --used-structs-only: no structs that nothing bound uses
    ir::GcRoot gc_root;                 // --gc-root VAR=TYPE, --gc-hooks INIT,DEINIT
};

} // namespace mpbind::passes
