// What a pointer type points to, as the passes that recognise API shapes ask it.
#pragma once
#include "ir/module.h"

namespace mpbind::passes {

// True for `void *` (qualifiers and typedefs aside).
bool is_void_pointer(const ir::Module &m, ir::TypeId t);
// The record a pointer type points to, if any.
ir::RecordId pointee_record(const ir::Module &m, ir::TypeId t);

} // namespace mpbind::passes
