// Internal: enumerators that export a macro, `enum { ENUM_X = X };` (the initializer is one object-like macro
// name), written out or made by a function-like macro such as `#define EXPORT_INT(v) enum { ENUM_##v = v }`.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "macro_eval.h"

namespace mpbind::clangw {

// The object-like macro that enumerator `name` is initialised with alone, or "". `tokens`: the enumerator's own
// tokens (`NAME = X`), or, for an enumerator a macro made, the invocation (`EXPORT_INT ( X ) ...`), which is
// replaced once with the definition's parameters substituted and `##` pasted.
std::string exported_macro(const std::string &name, const std::vector<std::string> &tokens,
                           const std::unordered_map<std::string, MacroDef> &macros);

} // namespace mpbind::clangw
