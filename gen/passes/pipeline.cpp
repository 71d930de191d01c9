// Runs the IR passes in order and checks the invariants the emitter relies on.
#include "pipeline.h"

#include "availability.h"
#include "callbacks.h"
#include "class_constants.h"
#include "collisions.h"
#include "filter.h"
#include "gc_root.h"
#include "grouping.h"
#include "identity.h"
#include "ir/verify.h"
#include "methods.h"
#include "naming.h"
#include "support.h"
#include "used_structs.h"
#include "variables.h"

namespace mpbind::passes {

std::vector<std::string> run_all(ir::Module &m, const Options &opt) {
    filter(m, opt.allow, opt.block);
    gc_root(m, opt.gc_root);
    availability(m, opt.allow_deprecated);
    support(m);
    variables(m);
    if (opt.used_structs_only) used_structs(m);
    naming(m, opt.prefixes);
    if (opt.methods) methods(m, opt.prefixes, opt.flat_methods);
    callbacks(m, CallbackOptions{opt.user_fields, opt.isr, opt.releases, opt.slot_pool});
    grouping(m, opt.group_rule, opt.flat_constants, opt.prefixes);
    collisions(m);
    if (opt.methods) class_constants(m);
    identity(m);
    return ir::verify(m, ir::Phase::Named);
}

} // namespace mpbind::passes
