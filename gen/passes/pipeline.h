// All IR passes in their fixed order: filter, support, naming, methods, callbacks, grouping, collisions,
// class constants, signatures.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"
#include "options.h"

namespace mpbind::passes {

// Throws std::invalid_argument for bad options (e.g. a regex that does not compile).
// Returns IR invariant violations found afterwards (empty: the IR is ready for the emitter).
std::vector<std::string> run_all(ir::Module &m, const Options &opt);

} // namespace mpbind::passes
