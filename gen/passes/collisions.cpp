// Collisions pass: detects Python names claimed twice (module attributes, class members) and skips the later one.
#include "collisions.h"

#include <unordered_map>

namespace mpbind::passes {

const std::vector<std::string> &runtime_names() {
    static const std::vector<std::string> names = {"__name__", "Blob", "C_Pointer"};
    return names;
}

namespace {

class Namespace {
public:
    // Claims `name` for `who`; on collision sets `b` Skipped naming the owner and returns false.
    bool claim(const std::string &name, const std::string &who, ir::Binding &b) {
        auto [it, fresh] = owners_.try_emplace(name, who);
        if (fresh) return true;
        b = {ir::Status::Skipped, "Python name '" + name + "' already used by " + it->second};
        return false;
    }
    void reserve(const std::string &name, const std::string &who) { owners_.try_emplace(name, who); }

private:
    std::unordered_map<std::string, std::string> owners_;
};

} // namespace

void collisions(ir::Module &m) {
    m.require("collisions", {ir::Stage::Grouped});
    Namespace ns;
    for (const std::string &n : runtime_names()) ns.reserve(n, "the runtime");
    for (ir::Function &f : m.functions)
        if (f.info.binding.bound() && f.flat) ns.claim(f.info.py_name, "function " + f.info.c_name, f.info.binding);
    for (ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        if (!r.parent.valid()) ns.claim(r.info.py_name, "class of " + r.c_spelling, r.info.binding);
        Namespace fields;
        for (ir::Field &fl : r.fields)
            if (fl.binding.bound() && !fl.anonymous) fields.claim(fl.py_name, "field " + fl.c_name, fl.binding);
    }
    for (ir::Variable &v : m.variables)
        if (v.info.binding.bound()) ns.claim(v.info.py_name, "variable " + v.info.c_name, v.info.binding);
    for (ir::ObjectClass &c : m.object_classes) {
        ir::Function &ctor = m.function(c.constructor);
        if (c.binding.bound() && !ns.claim(c.py_name, "class of constructor " + ctor.info.c_name, c.binding)) {
            // The constructor and methods stay reachable as module functions.
            std::vector<ir::FunctionId> fs = c.methods;
            fs.push_back(c.constructor);
            for (ir::FunctionId id : fs) {
                ir::Function &f = m.function(id);
                f.flat = true;
                ns.claim(f.info.py_name, "function " + f.info.c_name, f.info.binding);
            }
        }
    }
    for (ir::Typedef &t : m.typedefs)
        if (t.info.binding.bound() && !t.merged) ns.claim(t.info.py_name, "typedef " + t.info.c_name, t.info.binding);
    for (ir::Group &g : m.groups)
        if (g.binding.bound() && !ns.claim(g.py_name, "constant class " + g.py_name, g.binding)) {
            // The members stay reachable as module attributes.
            for (ir::GroupMember &gm : g.members) {
                if (gm.macro.valid()) m.macro(gm.macro).flat = true;
                else m.enum_(gm.enum_).constants[gm.constant].flat = true;
            }
        }
    for (ir::Enum &e : m.enums) {
        if (!e.info.binding.bound()) continue;
        for (ir::EnumConstant &k : e.constants) {
            if (!k.binding.bound() || !k.flat) continue;
            ir::Binding b;
            if (!ns.claim(k.py_name, "enum constant " + k.c_name, b)) {
                k.flat = false;
                if (!k.group.valid() || !m.group(k.group).binding.bound()) k.binding = b;
            }
        }
    }
    for (ir::Macro &mc : m.macros) {
        if (!mc.info.binding.bound() || !mc.flat) continue;
        ir::Binding b;
        if (!ns.claim(mc.py_name, "macro " + mc.info.c_name, b)) {
            mc.flat = false;
            if (!mc.group.valid() || !m.group(mc.group).binding.bound()) mc.info.binding = b;
        }
    }
    m.complete(ir::Stage::Collisions);
}

} // namespace mpbind::passes
