// Support pass: marks as Skipped, with a user-facing reason, everything the emitter cannot render.
#pragma once
#include <optional>
#include <string>

#include "ir/module.h"

namespace mpbind::passes {

// Where a type is used; decides e.g. whether void or an array is acceptable.
enum class Use { Return, Param, Field };

// Why `t` cannot be bound at `use` (nullopt: bindable). `where` names the place for the message,
// e.g. "parameter 'x'", and is appended as " in <where>".
std::optional<std::string> unsupported(const ir::Module &m, ir::TypeId t, Use use, const std::string &where);

// Also binds records from other headers that bound declarations use by value (they must be resolvable).
void support(ir::Module &m);

} // namespace mpbind::passes
