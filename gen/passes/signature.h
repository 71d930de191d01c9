// Signature pass: a key per function equal exactly when two functions have the same C signature.
#pragma once
#include <string>

#include "ir/module.h"

namespace mpbind::passes {

// Built from canonical (typedef-free, interned) type ids, e.g. "5(3,3)".
std::string signature_key(const ir::Module &m, const ir::Function &f);

void signatures(ir::Module &m);

} // namespace mpbind::passes
