// Filter pass: declarations outside the bound headers, or removed by --allow/--block, become Excluded.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

// Throws std::invalid_argument naming the pattern when a regex does not compile, and OptionError when a pattern
// matches no declaration of the bound headers.
void filter(ir::Module &m, const std::vector<std::string> &allow, const std::vector<std::string> &block);

} // namespace mpbind::passes
