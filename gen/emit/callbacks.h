// callbacks.h: trampolines, the C functions with a callback's exact signature that call a Python callable, and the
// slots (runtime mpb_cbslot_t) that say where a struct user-data convention keeps that callable.
#pragma once
#include <map>
#include <string>

#include "context.h"

namespace mpbind::emit {

// Whether a trampoline can be written for callback type fn (a Function type): scalar, pointer and void values.
bool trampoline_supported(const ir::Module &m, ir::TypeId fn);

// Trampolines and slots written so far; each write appends to ctx.out the first time and returns a name.
class Trampolines {
public:
    // The void * user-data convention of a parameter: the closure arrives as argument cb.ctx_arg; the callable is
    // the closure's callables[slot] (callbacks sharing one user-data argument share one closure). Returns the
    // trampoline's name.
    std::string closure(Context &ctx, const ir::Callback &cb, size_t slot);
    // A struct user-data convention (StructField, StructFirstArg, VoidPtrArg of a field): writes the trampoline and
    // its mpb_cbslot_t; `owner` is the struct whose user field stores the callable (the field's struct, or the
    // registration function's first parameter's), invalid for none. Returns the slot's name.
    std::string slot(Context &ctx, const ir::Callback &cb, ir::RecordId owner);

private:
    std::string trampoline(Context &ctx, const ir::Callback &cb, const std::string &name, const std::string &find,
                           const std::string &ctx_value);
    std::map<std::string, std::string> names_;
};

} // namespace mpbind::emit
