// Methods pass: <prefix><T>_<name>(T *self, ...) becomes a method of class T; <prefix><T>_create(...)
// returning T * its constructor. The flat functions stay.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

// Method names: Python keywords get the usual '_' except `del`, which becomes `delete`.
std::string method_identifier(const std::string &name);

void methods(ir::Module &m, const std::vector<std::string> &prefixes);

} // namespace mpbind::passes
