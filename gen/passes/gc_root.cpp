// GC-root pass: the type sizing the block must be complete, the headers' own declarations of the variable and the
// hooks must match what the module defines (else the generated C would not compile), and they are not bound.
#include "gc_root.h"

#include "options.h"

namespace mpbind::passes {

namespace {

const char *const defined_here = "defined by the module (--gc-root)";

// The size of `spelling` is known: a typedef or a record of the headers with a definition.
bool complete_type(const ir::Module &m, const std::string &spelling) {
    for (const ir::Typedef &t : m.typedefs)
        if (t.info.c_name == spelling) return m.canonical(t.type).size > 0;
    for (const ir::Record &r : m.records) {
        std::string tagged = r.info.c_name.empty() ? "" : (r.is_union ? "union " : "struct ") + r.info.c_name;
        if (r.c_spelling == spelling || (!tagged.empty() && tagged == spelling)) return r.complete;
    }
    return false;
}

bool is_void(const ir::Module &m, ir::TypeId t) { return m.canonical(t).kind == ir::TypeKind::Void; }

} // namespace

void gc_root(ir::Module &m, const ir::GcRoot &root) {
    m.require("gc_root", {ir::Stage::Filtered});
    if (!root.enabled()) return;
    if (!complete_type(m, root.type))
        throw OptionError("--gc-root " + root.var + "=" + root.type + ": '" + root.type +
                          "' is not a complete type of the headers (its size is unknown)");
    for (ir::Variable &v : m.variables) {
        if (v.info.c_name != root.var) continue;
        const ir::Type &t = m.canonical(v.type);
        if (t.kind != ir::TypeKind::Pointer || !is_void(m, t.inner) || m.type(t.inner).is_const)
            throw OptionError("--gc-root: the headers declare '" + root.var + "' as '" + m.type(v.type).spelling +
                              "' (" + v.info.loc.file + ":" + std::to_string(v.info.loc.line) +
                              "); the module defines it as 'void *'");
        v.info.binding = {ir::Status::Excluded, defined_here};
    }
    for (ir::Function &f : m.functions) {
        if (f.info.c_name != root.init && f.info.c_name != root.deinit) continue;
        if (!is_void(m, f.ret) || !f.params.empty() || (f.variadic && !f.no_prototype))
            throw OptionError("--gc-hooks: the headers declare '" + f.info.c_name + "' with another signature (" +
                              f.info.loc.file + ":" + std::to_string(f.info.loc.line) +
                              "); the module defines it as 'void " + f.info.c_name + "(void)'");
        f.info.binding = {ir::Status::Excluded, defined_here};
    }
    m.gc_root = root;
}

} // namespace mpbind::passes
