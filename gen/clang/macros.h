// Internal: evaluation of object-like macros by a probe parse (one typed variable per macro).
#pragma once
#include <clang-c/Index.h>

#include <optional>
#include <string>
#include <vector>

#include "translate.h"

namespace mpbind::clangw {

// `prelude`: the source that includes the bound headers; `args`: the clang arguments of the main parse.
// Fills each candidate's value, or marks it Excluded with the reason it is not a constant.
void evaluate_macros(ir::Module &m, const std::vector<Translator::MacroCandidate> &candidates, CXIndex index,
                     const std::string &prelude, const std::vector<const char *> &args);

// The value of a body made only of plain string literals (concatenated), e.g. `"a" "b"` or `("x")`.
std::optional<std::string> string_value(const std::vector<std::string> &body);

// Whether a macro body can be probed safely (balanced brackets, no braces, semicolons or '#').
bool probe_safe(const std::vector<std::string> &body);

} // namespace mpbind::clangw
