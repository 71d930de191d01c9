// Invariant checks run between phases: every id in range, every type resolvable, names set where required.
#pragma once
#include <string>
#include <vector>

#include "module.h"

namespace mpbind::ir {

enum class Phase {
    Parsed,  // after the clang translation: ids valid, canonical types set
    Named,   // after all passes: every Bound item also has a py_name, groups reference existing constants
};

// Returns one message per broken invariant (empty: all good).
std::vector<std::string> verify(const Module &m, Phase phase);

} // namespace mpbind::ir
