// Filter pass: bound headers only, then --block and --allow on C names (full match); a pattern that matches no
// name of the bound headers is an option error.
#include "filter.h"

#include "options.h"
#include "regex.h"

namespace mpbind::passes {

namespace {

struct Pattern {
    std::string text;
    std::regex re;
};

std::vector<Pattern> compile(const std::vector<std::string> &patterns, const char *flag) {
    std::vector<Pattern> out;
    for (const std::string &p : patterns) out.push_back({p, compile_regex(p, flag)});
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
        if (d.in_excluded_header) {
            d.binding = {ir::Status::Excluded, ir::excluded_header_reason};
        } else if (!d.in_bound_header) {
            d.binding = {ir::Status::Excluded, "declared in " + (d.loc.file.empty() ? "<builtin>" : d.loc.file) +
                                                   ", not a bound header"};
        } else if (const Pattern *b = match(block, name)) {
            d.binding = {ir::Status::Excluded, "blocked by --block '" + b->text + "'"};
        } else if (!allow.empty() && !also_allowed && !match(allow, name)) {
            d.binding = {ir::Status::Excluded, "not matched by any --allow"};
        }
    }
};

// The C names of the bound headers' declarations, as the patterns see them.
std::vector<std::string> bound_header_names(const ir::Module &m) {
    std::vector<std::string> names;
    auto add = [&](const ir::DeclInfo &d, const std::string &name) {
        if (d.in_bound_header && !name.empty()) names.push_back(name);
    };
    for (const ir::Function &f : m.functions) add(f.info, f.info.c_name);
    for (const ir::Typedef &t : m.typedefs) add(t.info, t.info.c_name);
    for (const ir::Variable &v : m.variables) add(v.info, v.info.c_name);
    for (const ir::Macro &mc : m.macros) add(mc.info, mc.info.c_name);
    for (const ir::Record &r : m.records)
        if (!r.parent.valid()) add(r.info, r.info.c_name.empty() ? r.c_spelling : r.info.c_name);
    for (const ir::Enum &e : m.enums) {
        add(e.info, e.info.c_name.empty() ? e.c_spelling : e.info.c_name);
        for (const ir::EnumConstant &k : e.constants) add(e.info, k.c_name);
    }
    return names;
}

// A pattern that matches no name is a typo until shown otherwise: --allow would bind nothing through it, --block
// would block nothing.
void check_used(const std::vector<Pattern> &patterns, const char *flag, const std::vector<std::string> &names) {
    for (const Pattern &p : patterns) {
        bool used = false;
        for (const std::string &n : names)
            if ((used = std::regex_match(n, p.re))) break;
        if (!used)
            throw OptionError(std::string(flag) + " '" + p.text + "' matches no declaration of the bound headers");
    }
}

} // namespace

void filter(ir::Module &m, const std::vector<std::string> &allow, const std::vector<std::string> &block) {
    m.require("filter", {ir::Stage::Parsed});
    Filter f{compile(allow, "--allow"), compile(block, "--block")};
    if (!allow.empty() || !block.empty()) {
        std::vector<std::string> names = bound_header_names(m);
        check_used(f.allow, "--allow", names);
        check_used(f.block, "--block", names);
    }
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
    m.complete(ir::Stage::Filtered);
}

} // namespace mpbind::passes
