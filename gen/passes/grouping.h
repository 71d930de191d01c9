// Grouping pass: enum constants and macros sharing a prefix become members of a class (GPIO_MODE.OUTPUT).
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"
#include "options.h"

namespace mpbind::passes {

// Longest common prefix of `names` ending at a '_' (included), "" if none. For one name: up to its last '_'.
std::string common_prefix(const std::vector<std::string> &names);

// A class member name for `rest` (what follows the group prefix): a leading digit gets a '_' (GPIO_NUM._0),
// keywords a trailing '_'.
std::string member_name(const std::string &rest);

void grouping(ir::Module &m, GroupRule rule, bool flat_constants, const std::vector<std::string> &prefixes);

} // namespace mpbind::passes
