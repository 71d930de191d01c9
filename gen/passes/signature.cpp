// Signature pass: canonical signature keys, so the emitter can share one wrapper per C signature.
#include "signature.h"

namespace mpbind::passes {

std::string signature_key(const ir::Module &m, const ir::Function &f) {
    std::string k = std::to_string(m.canonical_id(f.ret).index) + "(";
    for (size_t i = 0; i < f.params.size(); ++i) {
        if (i) k += ',';
        k += std::to_string(m.canonical_id(f.params[i].type).index);
    }
    return k + ")";
}

void signatures(ir::Module &m) {
    for (ir::Function &f : m.functions) f.signature_key = signature_key(m, f);
}

} // namespace mpbind::passes
