// Invariant checks of the IR between phases (dangling ids, unresolved types, missing names).
#include "verify.h"

#include <string>

namespace mpbind::ir {

namespace {

struct Checker {
    const Module &m;
    Phase phase;
    std::vector<std::string> errors;

    void fail(const std::string &where, const std::string &what) { errors.push_back(where + ": " + what); }

    template <class IdT, class V> bool in(IdT id, const V &v) { return id.valid() && id.index < v.size(); }

    void type_ref(TypeId id, const std::string &where) {
        if (!in(id, m.types)) fail(where, "dangling type id " + std::to_string(id.index));
    }

    void type(uint32_t i) {
        const Type &t = m.types[i];
        std::string where = "type #" + std::to_string(i) + " '" + t.spelling + "'";
        type_ref(t.canonical, where + " canonical");
        switch (t.kind) {
        case TypeKind::Pointer:
        case TypeKind::Array: type_ref(t.inner, where + " inner"); break;
        case TypeKind::Typedef:
            type_ref(t.inner, where + " inner");
            if (!in(t.typedef_, m.typedefs)) fail(where, "dangling typedef id");
            break;
        case TypeKind::Record:
            if (!in(t.record, m.records)) fail(where, "dangling record id");
            break;
        case TypeKind::Enum:
            if (!in(t.enum_, m.enums)) fail(where, "dangling enum id");
            break;
        case TypeKind::Function:
            type_ref(t.ret, where + " return");
            for (TypeId p : t.params) type_ref(p, where + " parameter");
            break;
        default: break;
        }
        if (in(t.canonical, m.types) && m.types[t.canonical.index].kind == TypeKind::Typedef)
            fail(where, "canonical type is a typedef");
    }

    void named(const DeclInfo &d, const std::string &where) {
        if (phase == Phase::Named && d.binding.bound() && d.py_name.empty()) fail(where, "bound without Python name");
        if (!d.binding.bound() && d.binding.reason.empty()) fail(where, "not bound but no reason");
    }

    void run() {
        for (uint32_t i = 0; i < m.types.size(); ++i) type(i);
        for (size_t i = 0; i < m.records.size(); ++i) {
            const Record &r = m.records[i];
            std::string where = "record '" + r.info.c_name + "'";
            named(r.info, where);
            type_ref(r.type, where);
            if (r.parent.valid() && !in(r.parent, m.records)) fail(where, "dangling parent");
            for (const Field &f : r.fields) type_ref(f.type, where + " field '" + f.c_name + "'");
            for (FunctionId f : r.methods)
                if (!in(f, m.functions)) fail(where, "dangling method");
            if (r.constructor.valid() && !in(r.constructor, m.functions)) fail(where, "dangling constructor");
        }
        for (const ObjectClass &c : m.object_classes) {
            std::string where = "object class '" + c.py_name + "'";
            if (!in(c.record, m.records)) fail(where, "dangling record");
            if (!in(c.constructor, m.functions)) fail(where, "dangling constructor");
            for (FunctionId f : c.methods)
                if (!in(f, m.functions)) fail(where, "dangling method");
        }
        for (const Enum &e : m.enums) {
            std::string where = "enum '" + e.info.c_name + "'";
            if (!e.anonymous) named(e.info, where); // anonymous enums are no Python object, their constants are
            type_ref(e.type, where);
            type_ref(e.underlying, where + " underlying");
            for (const EnumConstant &c : e.constants) {
                if (c.group.valid() && !in(c.group, m.groups)) fail(where, "constant '" + c.c_name + "' dangling group");
                if (phase == Phase::Named && e.info.binding.bound() && c.binding.bound() && c.flat && c.py_name.empty())
                    fail(where, "constant '" + c.c_name + "' without Python name");
            }
        }
        for (const Typedef &t : m.typedefs) {
            named(t.info, "typedef '" + t.info.c_name + "'");
            type_ref(t.type, "typedef '" + t.info.c_name + "'");
            type_ref(t.target, "typedef '" + t.info.c_name + "' target");
        }
        for (const Function &f : m.functions) {
            std::string where = "function '" + f.info.c_name + "'";
            named(f.info, where);
            type_ref(f.type, where);
            type_ref(f.ret, where + " return");
            for (const Param &p : f.params) {
                type_ref(p.type, where + " parameter '" + p.c_name + "'");
                if (phase == Phase::Named && f.info.binding.bound() && p.py_name.empty())
                    fail(where, "parameter without Python name");
            }
            if (f.method_of.valid() && !in(f.method_of, m.records)) fail(where, "dangling method_of");
        }
        for (const Macro &mc : m.macros) {
            named(mc.info, "macro '" + mc.info.c_name + "'");
            if (mc.group.valid() && !in(mc.group, m.groups)) fail("macro '" + mc.info.c_name + "'", "dangling group");
        }
        for (const Variable &v : m.variables) type_ref(v.type, "variable '" + v.info.c_name + "'");
        for (const Group &g : m.groups) {
            std::string where = "group '" + g.py_name + "'";
            if (g.owner.valid() && !in(g.owner, m.records)) fail(where, "dangling owner");
            for (const GroupMember &gm : g.members) {
                if (gm.macro.valid()) {
                    if (!in(gm.macro, m.macros)) fail(where, "dangling macro member");
                } else if (!in(gm.enum_, m.enums) || gm.constant >= m.enums[gm.enum_.index].constants.size()) {
                    fail(where, "dangling enum member '" + gm.name + "'");
                }
            }
        }
    }
};

} // namespace

std::vector<std::string> verify(const Module &m, Phase phase) {
    Checker c{m, phase, {}};
    c.run();
    return c.errors;
}

} // namespace mpbind::ir
