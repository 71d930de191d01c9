// emit.h: the C emitter's entry point: one MicroPython C module printed from an emission plan.
#pragma once
#include <string>

#include "plan/plan.h"

namespace mpbind::emit {

// The C source of the module. Decides nothing: every name, conversion and table row comes from the plan.
std::string module_c(const plan::Plan &p);

} // namespace mpbind::emit
