// callbacks.h: trampolines, the C functions with a callback's exact signature that call a Python callable.
#pragma once
#include <map>
#include <string>

#include "context.h"

namespace mpbind::emit {

// Whether a trampoline can be written for callback type fn (a Function type): scalar, pointer and void values.
bool trampoline_supported(const ir::Module &m, ir::TypeId fn);

// Trampolines written so far, by signature; write() adds one to ctx.out the first time and returns its name.
class Trampolines {
public:
    // For the void * user-data convention: the closure arrives as argument ctx_arg; the callable to call is the
    // closure's callables[slot] (callbacks sharing one user-data argument share one closure).
    std::string write(Context &ctx, ir::TypeId fn, int ctx_arg, size_t slot);

private:
    std::map<std::string, std::string> names_;
};

} // namespace mpbind::emit
