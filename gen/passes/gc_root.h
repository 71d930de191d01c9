// GC-root pass (--gc-root, --gc-hooks): checks the option against the headers and keeps the declarations the
// module will define out of the binding.
#pragma once
#include "ir/module.h"

namespace mpbind::passes {

// Records `root` in m.gc_root when enabled. Throws OptionError when its type is not a complete type of the headers,
// or when the headers declare the variable with another type than `void *` or a hook with another signature than
// `void NAME(void)` (K&R `void NAME()` included). Declarations named like the variable or a hook become Excluded:
// the module defines them.
void gc_root(ir::Module &m, const ir::GcRoot &root);

} // namespace mpbind::passes
