// emit.h: the emitters' entry points: one MicroPython C module, and its .pyi stub, printed from an emission plan.
#pragma once
#include <string>

#include "plan/plan.h"

namespace mpbind::emit {

// The C source of the module. Decides nothing: every name, conversion and table row comes from the plan.
std::string module_c(const plan::Plan &p);

// The module's stub for Python tools (type checkers, editors): every module attribute, class member and parameter.
std::string module_pyi(const plan::Plan &p);

} // namespace mpbind::emit
