// Internal: evaluation of object-like macros by a probe parse (one typed variable per macro).
#pragma once
#include <clang-c/Index.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "macro_eval.h"
#include "translate.h"

namespace mpbind::clangw {

// `prelude`: the source that includes the bound headers; `args`: the clang arguments of the main parse;
// `scope_macros`: macros of any header expanding to `::` (Translator::scope_token_macros), never probed.
// Fills each candidate's value, or marks it Excluded with the reason it is not a constant.
// `scope`: what the token evaluator knows (eval_scope); only the candidates it cannot decide are probed.
void evaluate_macros(ir::Module &m, const std::vector<Translator::MacroCandidate> &candidates, CXIndex index,
                     const std::string &prelude, const std::vector<const char *> &args,
                     const std::unordered_set<std::string> &scope_macros, const EvalScope &scope);

// The token evaluator's view of the translated module: its macros, enum constants, typedefs, functions and
// variables, and the target's integer sizes.
EvalScope eval_scope(const ir::Module &m, const Translator &tr);

// The value of a body made only of plain string literals (concatenated), e.g. `"a" "b"` or `("x")`. nullopt with
// `why` empty when the body is something else; with the reason when an escape is refused (c_literal.h).
std::optional<std::string> string_value(const std::vector<std::string> &body, std::string &why);

} // namespace mpbind::clangw
