// Grouping pass: classes of constants. Enums by their members' common prefix (or name); macros by the longest
// '_' prefix they share with at least one other macro. A grouped constant is a module attribute too only with
// --flat-constants (one name per constant keeps the module's qstrs and globals table small).
#include "grouping.h"

#include <unordered_map>
#include <unordered_set>

#include "naming.h"

namespace mpbind::passes {

std::string common_prefix(const std::vector<std::string> &names) {
    if (names.empty()) return "";
    std::string p = names[0];
    if (names.size() == 1) {
        size_t cut = p.rfind('_');
        return cut == std::string::npos ? "" : p.substr(0, cut + 1);
    }
    for (const std::string &n : names) {
        size_t i = 0;
        while (i < p.size() && i < n.size() && p[i] == n[i]) ++i;
        p.resize(i);
    }
    // Cut back to a '_' boundary, leaving every member a non-empty rest.
    for (;;) {
        size_t cut = p.rfind('_');
        if (cut == std::string::npos) return "";
        p.resize(cut + 1);
        bool all_rest = true;
        for (const std::string &n : names) all_rest = all_rest && n.size() > p.size();
        if (all_rest) return p;
        p.pop_back();
    }
}

std::string member_name(const std::string &rest) { return py_identifier(rest); }

namespace {

class Groups {
public:
    explicit Groups(ir::Module &m) : m_(m) {}

    // The group named after C prefix `c_prefix` ("GPIO_MODE_"), created on demand; none if no valid name.
    ir::GroupId get(const std::string &c_prefix, const std::vector<std::string> &prefixes) {
        std::string base = c_prefix.substr(0, c_prefix.size() - 1);
        std::string name = py_identifier(strip_prefix(base, prefixes));
        return named(name, c_prefix);
    }

    ir::GroupId named(const std::string &name, const std::string &c_prefix) {
        if (!is_identifier(name) || is_python_keyword(name)) return {};
        auto [it, fresh] = by_name_.try_emplace(name);
        if (fresh) {
            ir::Group g;
            g.py_name = name;
            g.c_prefix = c_prefix;
            it->second = m_.add(std::move(g));
        }
        return it->second;
    }

    // Adds a member unless the class already has one of that name.
    bool add(ir::GroupId g, ir::GroupMember member) {
        if (!members_[g.index].insert(member.name).second) return false;
        m_.group(g).members.push_back(std::move(member));
        return true;
    }

private:
    ir::Module &m_;
    std::unordered_map<std::string, ir::GroupId> by_name_;
    std::unordered_map<uint32_t, std::unordered_set<std::string>> members_;
};

void group_enum(ir::Module &m, Groups &groups, ir::EnumId eid, GroupRule rule, bool flat_constants,
                const std::vector<std::string> &prefixes) {
    ir::Enum &e = m.enum_(eid);
    std::vector<std::string> names;
    for (const ir::EnumConstant &k : e.constants)
        if (k.binding.bound() && macro_export(e, k).empty()) names.push_back(k.c_name);
    std::string lcp = common_prefix(names);
    ir::GroupId g;
    if (rule == GroupRule::Name && !e.info.py_name.empty()) g = groups.named(e.info.py_name, lcp);
    else if (!lcp.empty()) g = groups.get(lcp, prefixes);
    else if (!e.info.py_name.empty()) g = groups.named(e.info.py_name, "");
    if (!g.valid()) return;
    for (uint32_t i = 0; i < e.constants.size(); ++i) {
        ir::EnumConstant &k = m.enum_(eid).constants[i];
        if (!k.binding.bound() || !macro_export(e, k).empty()) continue;
        std::string member = lcp.empty() ? k.py_name : member_name(k.c_name.substr(lcp.size()));
        if (!groups.add(g, ir::GroupMember{member, eid, i, {}})) continue; // stays a flat attribute
        k.group = g;
        k.member_name = member;
        k.flat = flat_constants;
    }
}

// The only enumerator of an anonymous enum initialised with one macro alone (`enum { ENUM_X = X };`) exports it:
// the header makes the macro a constant of its own, bound once and always a module attribute under the macro's
// name (`lv.DPI_DEF`), besides its class when it shares a prefix (`lv.COORD.MAX`, `lv.COORD_MAX`). The macro itself
// when it is bound (the enumerator is then left out), else the enumerator (named after the macro by naming, never
// grouped). Returns the exported macros' names, also those whose export is in a header not bound (--exclude-headers).
std::unordered_set<std::string> bind_exports_once(ir::Module &m) {
    std::unordered_set<std::string> bound_macros, exported;
    for (const ir::Macro &mc : m.macros)
        if (mc.info.binding.bound()) bound_macros.insert(mc.info.c_name);
    std::unordered_map<std::string, std::string> bound_by; // macro -> the enumerator binding it
    for (ir::Enum &e : m.enums)
        for (ir::EnumConstant &k : e.constants) {
            const std::string &macro = macro_export(e, k);
            if (macro.empty()) continue;
            exported.insert(macro);
            if (!e.info.binding.bound() || !k.binding.bound()) continue;
            if (bound_macros.count(macro))
                k.binding = {ir::Status::Excluded, "exports macro " + macro + ", bound under its own name"};
            else if (auto [it, fresh] = bound_by.try_emplace(macro, k.c_name); !fresh)
                k.binding = {ir::Status::Excluded, "exports macro " + macro + ", bound as " + it->second};
        }
    return exported;
}

// Whether `p` ("LV_") is one of the --prefix prefixes ("lv_" or "lv"): a library's prefix names no class.
bool library_prefix(const std::string &p, const std::vector<std::string> &prefixes) {
    for (const std::string &x : prefixes)
        if (!x.empty() && (p.size() == x.size() || (p.size() == x.size() + 1 && p.back() == '_')) &&
            starts_ignoring_case(p, x))
            return true;
    return false;
}

// A macro joins the class of the longest '_' prefix it shares with at least one other macro, a --prefix excluded
// (with --prefix cs_, CS_MASK and CS_SHIFT stay module attributes rather than a class CS).
void group_macros(ir::Module &m, Groups &groups, bool flat_constants, const std::vector<std::string> &prefixes,
                  const std::unordered_set<std::string> &exported) {
    auto candidates = [&](const std::string &name) {
        std::vector<std::string> out; // '_' prefixes, longest first, not made of underscores only
        for (size_t i = name.size() - 1; i-- > 0;)
            if (name[i] == '_' && name.find_first_not_of('_') < i && !library_prefix(name.substr(0, i + 1), prefixes))
                out.push_back(name.substr(0, i + 1));
        return out;
    };
    std::unordered_map<std::string, int> count;
    for (const ir::Macro &mc : m.macros)
        if (mc.info.binding.bound())
            for (const std::string &p : candidates(mc.info.c_name)) ++count[p];
    for (uint32_t i = 0; i < m.macros.size(); ++i) {
        ir::Macro &mc = m.macros[i];
        if (!mc.info.binding.bound()) continue;
        for (const std::string &p : candidates(mc.info.c_name)) {
            if (count[p] < 2) continue;
            ir::GroupId g = groups.get(p, prefixes);
            if (!g.valid()) continue;
            std::string member = member_name(mc.info.c_name.substr(p.size()));
            if (groups.add(g, ir::GroupMember{member, {}, 0, ir::MacroId{i}})) {
                mc.group = g;
                mc.member_name = member;
                mc.flat = flat_constants || exported.count(mc.info.c_name); // the header made it a name
            }
            break;
        }
    }
}

} // namespace

void grouping(ir::Module &m, GroupRule rule, bool flat_constants, const std::vector<std::string> &prefixes) {
    m.require("grouping", {ir::Stage::Named});
    m.complete(ir::Stage::Grouped);
    std::unordered_set<std::string> exported = bind_exports_once(m);
    if (rule == GroupRule::Flat) return;
    Groups groups(m);
    for (uint32_t i = 0; i < m.enums.size(); ++i)
        if (m.enums[i].info.binding.bound()) group_enum(m, groups, ir::EnumId{i}, rule, flat_constants, prefixes);
    group_macros(m, groups, flat_constants, prefixes, exported);
}

} // namespace mpbind::passes
