// Used-structs pass: marks the records reachable from bound functions and variables, through pointers, arrays,
// typedefs, function-pointer signatures and the fields of reached records; excludes the other bound records.
#include "used_structs.h"

#include <vector>

namespace mpbind::passes {

namespace {

class Reach {
public:
    explicit Reach(const ir::Module &m) : m_(m), used_(m.records.size(), false) {}

    void type(ir::TypeId t) {
        while (t.valid()) {
            const ir::Type &ty = m_.type(t);
            switch (ty.kind) {
            case ir::TypeKind::Pointer:
            case ir::TypeKind::Array:
            case ir::TypeKind::Typedef: t = ty.inner; continue;
            case ir::TypeKind::Record: record(ty.record); return;
            case ir::TypeKind::Function:
                for (ir::TypeId p : ty.params) type(p);
                t = ty.ret;
                continue;
            default: return;
            }
        }
    }

    // Every record reached so far, and what their fields reach in turn.
    const std::vector<bool> &closure() {
        while (!todo_.empty()) {
            ir::RecordId r = todo_.back();
            todo_.pop_back();
            for (const ir::Field &f : m_.records[r.index].fields) type(f.type);
        }
        return used_;
    }

private:
    void record(ir::RecordId r) {
        if (!r.valid() || used_[r.index]) return;
        used_[r.index] = true;
        todo_.push_back(r);
    }

    const ir::Module &m_;
    std::vector<bool> used_;
    std::vector<ir::RecordId> todo_;
};

} // namespace

void used_structs(ir::Module &m) {
    m.require("used_structs", {ir::Stage::Supported, ir::Stage::Variables});
    Reach reach(m);
    for (const ir::Function &f : m.functions) {
        if (!f.info.binding.bound()) continue;
        reach.type(f.ret);
        for (const ir::Param &p : f.params) reach.type(p.type);
    }
    for (const ir::Variable &v : m.variables)
        if (v.info.binding.bound()) reach.type(v.type);
    const std::vector<bool> &used = reach.closure();
    for (size_t k = 0; k < m.records.size(); ++k) {
        ir::DeclInfo &info = m.records[k].info;
        if (info.binding.bound() && !used[k])
            info.binding = {ir::Status::Excluded,
                            "used by no bound function, global variable or used struct (--used-structs-only)"};
    }
}

} // namespace mpbind::passes
