// Collisions pass: one Python name, one item. Later claimants of a module or class name are Skipped with a reason.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

// Names every generated module defines itself (runtime helpers); declarations may not take them.
const std::vector<std::string> &runtime_names();

// Order of precedence: runtime names, functions, record classes, typedef aliases, constant groups,
// flat enum constants, flat macros. Record fields collide within their record.
void collisions(ir::Module &m);

} // namespace mpbind::passes
