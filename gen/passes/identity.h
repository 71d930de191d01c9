// Identity pass: where the objects of a record type keep their Python wrapper (a user-data field, or user-data
// accessors), so one C object is one Python object, unless a callback convention keeps its callables there; and how
// an object's most specific class is found (<T>_get_class(T *) and the descriptor globals <prefix>_<w>_class).
#pragma once
#include "ir/module.h"

namespace mpbind::passes {

void identity(ir::Module &m);

} // namespace mpbind::passes
