// Class-constants pass: a constant class whose name starts with a record class's stem also becomes
// an attribute of that class (LV_OBJ_FLAG_HIDDEN: module class OBJ_FLAG, and obj_t.FLAG.HIDDEN).
#pragma once
#include "ir/module.h"

namespace mpbind::passes {

void class_constants(ir::Module &m);

} // namespace mpbind::passes
