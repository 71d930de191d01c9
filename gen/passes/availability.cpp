// Availability pass: a generated module that names a deprecated declaration fails -Werror, one that names an
// unavailable declaration fails always; so such declarations are skipped before the other passes see them.
#include "availability.h"

namespace mpbind::passes {

namespace {

void check(ir::DeclInfo &d, bool allow_deprecated) {
    if (!d.binding.bound()) return;
    if (d.unavailable) d.binding = {ir::Status::Skipped, "marked unavailable"};
    else if (d.deprecated && !allow_deprecated) d.binding = {ir::Status::Skipped, "deprecated"};
}

} // namespace

void availability(ir::Module &m, bool allow_deprecated) {
    m.require("availability", {ir::Stage::Filtered});
    for (ir::Function &f : m.functions) check(f.info, allow_deprecated);
    for (ir::Record &r : m.records) check(r.info, allow_deprecated);
    for (ir::Typedef &t : m.typedefs) check(t.info, allow_deprecated);
    for (ir::Variable &v : m.variables) check(v.info, allow_deprecated);
    m.complete(ir::Stage::Available);
}

} // namespace mpbind::passes
