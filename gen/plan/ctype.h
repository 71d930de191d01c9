// ctype.h: C spellings of IR types, as declarators ("int (*name)(int)"), for casts and typedefs in emitted code.
#pragma once
#include <string>

#include "ir/module.h"

namespace mpbind::plan {

// The declaration of `inner` with type t ("" for an abstract type name, as in a cast).
std::string c_decl(const ir::Module &m, ir::TypeId t, const std::string &inner = "");

} // namespace mpbind::plan
