// Internal: clang diagnostics of a translation unit formatted as "file:line:col: severity: message".
#pragma once
#include <clang-c/Index.h>

#include <string>
#include <vector>

namespace mpbind::clangw {

// Appends warnings and errors to `out`; returns true when at least one is an error.
bool collect_diagnostics(CXTranslationUnit tu, std::vector<std::string> &out);

} // namespace mpbind::clangw
