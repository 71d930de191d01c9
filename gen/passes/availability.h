// Availability pass: declarations marked deprecated or unavailable in C are not bound (see availability.cpp).
#pragma once
#include "ir/module.h"

namespace mpbind::passes {

// Unavailable declarations are always Skipped ("unavailable"): the module could not even compile.
// Deprecated ones are Skipped ("deprecated") unless `allow_deprecated`; the emitter then silences the warning.
void availability(ir::Module &m, bool allow_deprecated);

} // namespace mpbind::passes
