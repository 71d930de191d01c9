// Methods pass: <prefix><T>_<name>(T *self, ...) becomes a method of class T; <prefix><T>_create(...)
// returning T * its constructor. Constructors <prefix><w>_create(...) of other names returning T * (a base object
// type) make object classes <w> inheriting T's class, with methods <prefix><w>_<name>(T *self, ...). Methods are no
// module functions unless flat_methods; constructors of T's own class stay module functions.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

// Method names: Python keywords get the usual '_' except `del`, which becomes `delete`.
std::string method_identifier(const std::string &name);

void methods(ir::Module &m, const std::vector<std::string> &prefixes, bool flat_methods = false);

} // namespace mpbind::passes
