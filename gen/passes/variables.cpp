// Variables pass: global variables as module attributes. A struct or union variable is reached by reference (an
// instance viewing the variable itself), a scalar (number, enum, pointer, string) through the module's attribute
// slot, read-only when the variable is const. Only `extern` declarations name one object of the whole program.
#include "variables.h"

#include "support.h"

namespace mpbind::passes {

using ir::TypeKind;

std::optional<std::string> variable_unbindable(const ir::Module &m, const ir::Variable &v) {
    if (!v.is_extern)
        return "defined in the header (static or a tentative definition): the module would hold a copy of its own";
    const ir::Type &c = m.canonical(v.type);
    switch (c.kind) {
    case TypeKind::Array: return "array variable (not supported)";
    case TypeKind::Record: {
        // By reference: an incomplete (opaque) struct has an address too, but its class must exist.
        const ir::Record &r = m.record(c.record);
        if (!r.info.binding.bound())
            return "its type " + (r.c_spelling.empty() ? std::string("(anonymous)") : r.c_spelling) +
                   " is not bound (" + r.info.binding.reason + ")";
        return std::nullopt;
    }
    case TypeKind::Pointer:
        if (m.canonical(c.inner).kind == TypeKind::Function) return "function pointer variable (not supported)";
        return std::nullopt;
    default: return unsupported(m, v.type, Use::Field, "variable '" + v.info.c_name + "'");
    }
}

void variables(ir::Module &m) {
    m.require("variables", {ir::Stage::Supported});
    for (ir::Variable &v : m.variables) {
        if (!v.info.binding.bound()) continue;
        if (auto why = variable_unbindable(m, v)) v.info.binding = {ir::Status::Skipped, *why};
    }
    m.complete(ir::Stage::Variables);
}

} // namespace mpbind::passes
