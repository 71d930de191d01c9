// emit.h: the emitter's entry point: one MicroPython C module from a fully passed IR module.
#pragma once
#include <string>

#include "ir/module.h"

namespace mpbind::emit {

struct Options {
    std::string module_name; // Python module name: defines mp_module_<module_name>
};

// The C source of the module. Writes only Bound items; the IR must have passed every pass.
std::string module_c(const mpbind::ir::Module &m, const Options &opt);

} // namespace mpbind::emit
