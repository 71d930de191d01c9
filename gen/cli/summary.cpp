// The stderr summary of a run: what was bound, then the skipped declarations grouped by reason.
#include <map>
#include <regex>
#include <vector>

#include "report.h"

namespace mpbind::cli {

using plan::Decl;

namespace {

// The first eight names, then how many more.
std::string first_names(const std::vector<std::string> &names) {
    std::string s;
    for (size_t i = 0; i < names.size() && i < 8; ++i) s += (i ? ", " : "") + names[i];
    if (names.size() > 8) s += ", ... (" + std::to_string(names.size() - 8) + " more)";
    return s;
}

} // namespace

std::string summary(const plan::Plan &p) {
    size_t functions = 0, methods = 0, structs = 0, enums = 0, constants = 0, macros = 0, variables = 0, callbacks = 0;
    for (const Decl &d : p.decls) {
        if (d.status != ir::Status::Bound) continue;
        switch (d.kind) {
        case Decl::Kind::Function:
            ++functions;
            methods += d.is_method ? 1 : 0;
            break;
        case Decl::Kind::Struct:
        case Decl::Kind::Union: ++structs; break;
        case Decl::Kind::Enum:
            ++enums;
            for (const plan::ReportConstant &k : d.constants) constants += k.status == ir::Status::Bound ? 1 : 0;
            break;
        case Decl::Kind::Macro: ++macros; break;
        case Decl::Kind::Variable: ++variables; break;
        default: break;
        }
    }
    std::vector<std::string> kept; // registrations whose closures are never released: no rule is known
    for (const plan::Callback &cb : p.callbacks) {
        callbacks += cb.python() ? 1 : 0;
        const auto *c = std::get_if<plan::cb::Closure>(&cb.convention);
        if (c && c->index == 0 && c->release == ir::Release::Keep && !c->released_by_call) kept.push_back(cb.where);
    }
    std::string s = "mpbind: module '" + p.module + "': bound " + std::to_string(functions) + " functions (" +
                    std::to_string(methods) + " also methods), " + std::to_string(structs) + " structs/unions, " +
                    std::to_string(enums) + " enums (" + std::to_string(constants) + " constants), " +
                    std::to_string(macros) + " macro constants, " + std::to_string(variables) +
                    " global variables; callbacks: " + std::to_string(callbacks) +
                    " with a user-data convention, " +
                    (p.closure_targets
                         ? std::to_string(p.closure_targets) + " replacing or removing a registration's callable, "
                         : std::string()) +
                    std::to_string(p.address_only.size()) + " C address only; " +
                    std::to_string(p.skipped.size()) + " skipped, " + std::to_string(p.excluded) + " excluded" +
                    (p.excluded_by_header
                         ? " (" + std::to_string(p.excluded_by_header) + " in --exclude-headers headers)"
                         : std::string()) +
                    "\n";
    // Group by reason with parameter and field names folded: "... parameter 'x'" and "... parameter 'y'" are one
    // reason. Other quoted names stay: in "Python name 'x' already used by ..." the name is the message.
    static const std::regex place("(parameter|field) '[^']*'");
    std::map<std::string, std::vector<std::string>> by_reason;
    for (const plan::Skip &k : p.skipped) by_reason[std::regex_replace(k.reason, place, "$1 '...'")].push_back(k.what);
    for (const auto &[reason, whats] : by_reason) {
        s += "  skipped " + std::to_string(whats.size()) + ": " + reason + ": ";
        s += first_names(whats) + "\n";
    }
    // A function declared but defined nowhere in the build breaks the link once bound: --block is how it is left
    // out, and the summary names what was left out that way.
    std::vector<std::string> blocked;
    for (const Decl &d : p.decls)
        if (d.status == ir::Status::Excluded && d.reason.rfind("blocked by --block", 0) == 0) blocked.push_back(d.c_name);
    if (!blocked.empty()) {
        s += "  blocked " + std::to_string(blocked.size()) + " (--block): ";
        s += first_names(blocked) + "\n";
    }
    if (p.gc_root.enabled())
        s += "  GC root: " + p.gc_root.var + " holds a " + p.gc_root.type + " in the GC heap; the module defines " +
             p.gc_root.var + ", " + p.gc_root.init + "() and " + p.gc_root.deinit + "()\n";
    if (!kept.empty()) {
        s += "  closures kept " + std::to_string(kept.size()) + " (one per registration, never released: no release "
             "rule known; --release FUNCTION=call|replace|destroy:PARAM names one): ";
        s += first_names(kept) + "\n";
    }
    return s;
}

} // namespace mpbind::cli
