// build.h: plan::build(): the emission plan of one module from an IR that has been through the passes.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"
#include "plan.h"

namespace mpbind::plan {

struct Options {
    std::string module_name;             // Python module name (`import NAME`)
    std::vector<std::string> clang_args; // their include directories decide how the C file names the headers
};

// Throws std::logic_error when a pass the plan needs has not run (ir::Module::require), and when the IR breaks a
// rule the passes guarantee (a bug: every bound item must find its place in the plan).
Plan build(const ir::Module &m, const Options &opt);

// How the generated C file includes `header`: relative to the include directory (-I, -isystem, -iquote,
// -idirafter, then /usr/local/include and /usr/include) that gives the shortest path, else as given.
std::string include_spelling(const std::string &header, const std::vector<std::string> &clang_args);

} // namespace mpbind::plan
