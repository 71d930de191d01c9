// What a pointer type points to.
#include "pointers.h"

namespace mpbind::passes {

bool is_void_pointer(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    return c.kind == ir::TypeKind::Pointer && m.canonical(c.inner).kind == ir::TypeKind::Void;
}

ir::RecordId pointee_record(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    if (c.kind != ir::TypeKind::Pointer) return {};
    const ir::Type &p = m.canonical(c.inner);
    return p.kind == ir::TypeKind::Record ? p.record : ir::RecordId{};
}

} // namespace mpbind::passes
