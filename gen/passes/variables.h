// Variables pass: which global variables become module attributes, and why the others cannot.
#pragma once
#include <optional>
#include <string>

#include "ir/module.h"

namespace mpbind::passes {

// Why global variable v cannot be a module attribute (nullopt: it can). The one place that decides it: a check
// that also needs the link (a variable declared but defined nowhere) belongs here.
std::optional<std::string> variable_unbindable(const ir::Module &m, const ir::Variable &v);

// Skips, with the reason, every bound variable variable_unbindable refuses.
void variables(ir::Module &m);

} // namespace mpbind::passes
