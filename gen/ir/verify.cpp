// Invariant checks of the IR between phases (dangling ids, unresolved types, missing names).
#include "verify.h"

#include <string>
#include <type_traits>

namespace mpbind::ir {

namespace {

struct Checker {
    const Module &m;
    Phase phase;
    std::vector<std::string> errors;

    // `where` names the checked item; it is a callable (returning the name) or a string, and a callable runs only
    // when a check fails: the IR of a large header has tens of thousands of items to check and name.
    template <class W> static std::string text(const W &where) {
        if constexpr (std::is_invocable_v<const W &>) return where();
        else return std::string(where);
    }
    template <class W> void fail(const W &where, const std::string &what) { errors.push_back(text(where) + ": " + what); }

    template <class IdT, class V> bool in(IdT id, const V &v) { return id.valid() && id.index < v.size(); }

    template <class W> void type_ref(TypeId id, const W &where, const char *suffix = "") {
        if (!in(id, m.types)) fail(text(where) + suffix, "dangling type id " + std::to_string(id.index));
    }

    void type(uint32_t i) {
        const Type &t = m.types[i];
        auto where = [&] { return "type #" + std::to_string(i) + " '" + t.spelling + "'"; };
        type_ref(t.canonical, where, " canonical");
        switch (t.kind) {
        case TypeKind::Pointer:
        case TypeKind::Array: type_ref(t.inner, where, " inner"); break;
        case TypeKind::Typedef:
            type_ref(t.inner, where, " inner");
            if (!in(t.typedef_, m.typedefs)) fail(where, "dangling typedef id");
            break;
        case TypeKind::Record:
            if (!in(t.record, m.records)) fail(where, "dangling record id");
            break;
        case TypeKind::Enum:
            if (!in(t.enum_, m.enums)) fail(where, "dangling enum id");
            break;
        case TypeKind::Function:
            type_ref(t.ret, where, " return");
            for (TypeId p : t.params) type_ref(p, where, " parameter");
            break;
        default: break;
        }
        if (in(t.canonical, m.types) && m.types[t.canonical.index].kind == TypeKind::Typedef)
            fail(where, "canonical type is a typedef");
    }

    template <class W> void named(const DeclInfo &d, const W &where) {
        if (phase == Phase::Named && d.binding.bound() && d.py_name.empty()) fail(where, "bound without Python name");
        if (!d.binding.bound() && d.binding.reason.empty()) fail(where, "not bound but no reason");
    }

    void run() {
        for (uint32_t i = 0; i < m.types.size(); ++i) type(i);
        for (size_t i = 0; i < m.records.size(); ++i) {
            const Record &r = m.records[i];
            auto where = [&] { return "record '" + r.info.c_name + "'"; };
            named(r.info, where);
            type_ref(r.type, where);
            if (r.parent.valid() && !in(r.parent, m.records)) fail(where, "dangling parent");
            for (const Field &f : r.fields) type_ref(f.type, [&] { return where() + " field '" + f.c_name + "'"; });
            for (FunctionId f : r.methods)
                if (!in(f, m.functions)) fail(where, "dangling method");
            if (r.constructor.valid() && !in(r.constructor, m.functions)) fail(where, "dangling constructor");
        }
        for (const ObjectClass &c : m.object_classes) {
            auto where = [&] { return "object class '" + c.py_name + "'"; };
            if (!in(c.record, m.records)) fail(where, "dangling record");
            if (!in(c.constructor, m.functions)) fail(where, "dangling constructor");
            for (FunctionId f : c.methods)
                if (!in(f, m.functions)) fail(where, "dangling method");
        }
        for (const Enum &e : m.enums) {
            auto where = [&] { return "enum '" + e.info.c_name + "'"; };
            if (!e.anonymous) named(e.info, where); // anonymous enums are no Python object, their constants are
            type_ref(e.type, where);
            type_ref(e.underlying, where, " underlying");
            for (const EnumConstant &c : e.constants) {
                if (c.group.valid() && !in(c.group, m.groups)) fail(where, "constant '" + c.c_name + "' dangling group");
                if (phase == Phase::Named && e.info.binding.bound() && c.binding.bound() && c.flat && c.py_name.empty())
                    fail(where, "constant '" + c.c_name + "' without Python name");
            }
        }
        for (const Typedef &t : m.typedefs) {
            auto where = [&] { return "typedef '" + t.info.c_name + "'"; };
            named(t.info, where);
            type_ref(t.type, where);
            type_ref(t.target, where, " target");
        }
        for (const Function &f : m.functions) {
            auto where = [&] { return "function '" + f.info.c_name + "'"; };
            named(f.info, where);
            type_ref(f.type, where);
            type_ref(f.ret, where, " return");
            for (const Param &p : f.params) {
                type_ref(p.type, [&] { return where() + " parameter '" + p.c_name + "'"; });
                if (phase == Phase::Named && f.info.binding.bound() && p.py_name.empty())
                    fail(where, "parameter without Python name");
            }
            if (f.method_of.valid() && !in(f.method_of, m.records)) fail(where, "dangling method_of");
        }
        for (const Macro &mc : m.macros) {
            auto where = [&] { return "macro '" + mc.info.c_name + "'"; };
            named(mc.info, where);
            if (mc.group.valid() && !in(mc.group, m.groups)) fail(where, "dangling group");
        }
        for (const Variable &v : m.variables) type_ref(v.type, [&] { return "variable '" + v.info.c_name + "'"; });
        for (const Group &g : m.groups) {
            auto where = [&] { return "group '" + g.py_name + "'"; };
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
