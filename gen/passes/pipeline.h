// All IR passes in their fixed order: filter, availability, support, naming, methods, callbacks, grouping,
// collisions, class constants. Each pass checks that the ones it relies on ran (ir::Module::require).
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"
#include "options.h"

namespace mpbind::passes {

// Throws std::invalid_argument for bad options (a regex that does not compile, OptionError for one that does not
// fit the headers).
// Returns IR invariant violations found afterwards (empty: the IR is ready for the emitter).
std::vector<std::string> run_all(ir::Module &m, const Options &opt);

} // namespace mpbind::passes
