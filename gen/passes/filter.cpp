// Filter pass: bound headers only, then --block and --allow on C names (full match).
#include "filter.h"

#include <regex>
#include <stdexcept>

namespace mpbind::passes {

namespace {

struct Pattern {
    std::string text;
    std::regex re;
};

std::vector<Pattern> compile(const std::vector<std::string> &patterns, const char *flag) {
    std::vector<Pattern> out;
    for (const std::string &p : patterns) {
        try {
            out.push_back({p, std::regex(p, std::regex::ECMAScript | std::regex::optimize)});
        } catch (const std::regex_error &e) {
            throw std::invalid_argument(std::string("invalid ") + flag + " regex '" + p + "': " + e.what());
        }
    }
    return out;
}

const Pattern *match(const std::vector<Pattern> &ps, const std::string &name) {
    if (name.empty()) return nullptr;
    for (const Pattern &p : ps)
        if (std::regex_match(name, p.re)) return &p;
    return nullptr;
}

struct Filter {
    std::vector<Pattern> allow, block;

    // Applies the rules to one declaration named `name`; `also_allowed`: allowed through another name.
    void apply(ir::DeclInfo &d, const std::string &name, bool also_allowed = false) {
        if (!d.in_bound_header) {
            d.binding = {ir::Status::Excluded, "declared in " + (d.loc.file.empty() ? "<builtin>" : d.loc.file) +
                                                   ", not a bound header"};
        } else if (const Pattern *b = match(block, name)) {
            d.binding = {ir::Status::Excluded, "blocked by --block '" + b->text + "'"};
        } else if (!allow.empty() && !also_allowed && !match(allow, name)) {
            d.binding = {ir::Status::Excluded, "not matched by any --allow"};
        }
    }
};

} // namespace

void filter(ir::Module &m, const std::vector<std::string> &allow, const std::vector<std::string> &block) {
    Filter f{compile(allow, "--allow"), compile(block, "--block")};
    for (ir::Function &fn : m.functions) f.apply(fn.info, fn.info.c_name);
    for (ir::Typedef &t : m.typedefs) f.apply(t.info, t.info.c_name);
    for (ir::Variable &v : m.variables) f.apply(v.info, v.info.c_name);
    for (ir::Macro &mc : m.macros)
        if (mc.info.binding.bound()) f.apply(mc.info, mc.info.c_name);
    // Records: nested anonymous ones follow their parent (handled after the named ones).
    for (ir::Record &r : m.records)
        if (!r.parent.valid()) f.apply(r.info, r.info.c_name.empty() ? r.c_spelling : r.info.c_name);
    for (ir::Record &r : m.records) {
        if (!r.parent.valid()) continue;
        ir::RecordId top = r.parent;
        while (m.record(top).parent.valid()) top = m.record(top).parent;
        r.info.binding = m.record(top).info.binding;
    }
    // Enums: a constant is kept unless its enum or itself is excluded; the enum goes when no constant stays.
    for (ir::Enum &e : m.enums) {
        std::string name = e.info.c_name.empty() ? e.c_spelling : e.info.c_name;
        ir::DeclInfo whole = e.info;
        f.apply(whole, name, /*also_allowed=*/true); // bound header and --block on the enum's name
        const bool enum_allowed = f.allow.empty() || match(f.allow, name);
        bool any = false;
        for (ir::EnumConstant &k : e.constants) {
            if (!whole.binding.bound()) {
                k.binding = whole.binding;
                continue;
            }
            ir::DeclInfo one = e.info;
            f.apply(one, k.c_name, enum_allowed);
            k.binding = one.binding;
            any = any || k.binding.bound();
        }
        e.info.binding = whole.binding;
        if (e.info.binding.bound() && !any)
            e.info.binding = {ir::Status::Excluded, e.constants.empty() ? "enum without constants"
                                                                         : "no constant left after --allow/--block"};
    }
}

} // namespace mpbind::passes
