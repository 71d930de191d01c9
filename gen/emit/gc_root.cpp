// gc_root.cpp: the GC-heap variable and its hooks (--gc-root, --gc-hooks), external symbols the library calls.
#include "context.h"

namespace mpbind::emit {

void emit_gc_root(const plan::Plan &p, std::string &out) {
    const ir::GcRoot &g = p.gc_root;
    if (!g.enabled()) return;
    // The runtime's roots hold the block under the variable's address: one rule on every MicroPython version,
    // where v1.9.2 has no MP_REGISTER_ROOT_POINTER for a module to add its own.
    out += "// The library's state in the GC heap: " + g.var + " points to a zeroed " + comment_text(g.type) +
           " that " + g.init + "() allocates (once) and the\n// runtime's roots keep reachable; " + g.deinit +
           "() lets the GC take it back.\n";
    out += "void *" + g.var + ";\n\n";
    out += "void " + g.init + "(void) {\n    " + g.var + " = mpb_gc_block(&" + g.var + ", sizeof(" + g.type + "));\n}\n\n";
    out += "void " + g.deinit + "(void) {\n    mpb_release(&" + g.var + ");\n    " + g.var + " = NULL;\n}\n\n";
}

} // namespace mpbind::emit
