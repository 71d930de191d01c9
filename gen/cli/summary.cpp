// The stderr summary of a run and the list of skipped declarations (the --strict violations).
#include <map>
#include <regex>

#include "report.h"
#include "report_common.h"

namespace mpbind::cli {

using namespace detail;
using ir::Status;

std::vector<Skip> skipped(const ir::Module &m) {
    std::vector<Skip> out;
    auto add = [&](const ir::DeclInfo &d, const std::string &what, const ir::Binding &b) {
        if (shown(d) && b.status == Status::Skipped) out.push_back({what, b.reason, d.loc});
    };
    for (const ir::Function &f : m.functions) add(f.info, "function " + f.info.c_name, f.info.binding);
    for (const ir::Record &r : m.records) {
        add(r.info, record_label(r), r.info.binding);
        if (!r.info.binding.bound()) continue;
        for (const ir::Field &fl : r.fields)
            add(r.info, "field " + record_label(r) + "." + fl.c_name, fl.binding);
    }
    for (const ir::Enum &e : m.enums)
        for (const ir::EnumConstant &k : e.constants) add(e.info, "enum constant " + k.c_name, k.binding);
    for (const ir::Typedef &t : m.typedefs) add(t.info, "typedef " + t.info.c_name, t.info.binding);
    for (const ir::Macro &mc : m.macros) add(mc.info, "macro " + mc.info.c_name, mc.info.binding);
    for (const ir::Variable &v : m.variables) add(v.info, "variable " + v.info.c_name, v.info.binding);
    for (const ir::Group &g : m.groups)
        if (g.binding.status == Status::Skipped) out.push_back({"constant class " + g.py_name, g.binding.reason, {}});
    return out;
}

std::string summary(const ir::Module &m, const std::string &module_name) {
    size_t functions = 0, methods = 0, structs = 0, enums = 0, constants = 0, macros = 0, excluded = 0;
    size_t callbacks = 0, callbacks_raw = 0;
    for (const ir::Function &f : m.functions) {
        if (f.info.binding.bound()) {
            ++functions;
            methods += f.method_of.valid() ? 1 : 0;
            for (const ir::Param &p : f.params)
                if (p.callback) (p.callback->convention == ir::CallbackConvention::None ? callbacks_raw : callbacks)++;
        } else if (f.info.binding.status == Status::Excluded && f.info.in_bound_header) {
            ++excluded;
        }
    }
    for (const ir::Record &r : m.records) {
        if (!r.info.binding.bound() || r.parent.valid()) continue;
        ++structs;
        for (const ir::Field &fl : r.fields)
            if (fl.callback) (fl.callback->convention == ir::CallbackConvention::None ? callbacks_raw : callbacks)++;
    }
    for (const ir::Enum &e : m.enums) {
        if (!e.info.binding.bound()) continue;
        ++enums;
        for (const ir::EnumConstant &k : e.constants) constants += k.binding.bound() ? 1 : 0;
    }
    for (const ir::Macro &mc : m.macros) {
        if (mc.info.binding.bound()) ++macros;
        else if (mc.info.in_bound_header && mc.info.binding.status == Status::Excluded) ++excluded;
    }
    std::vector<Skip> skips = skipped(m);
    std::string s = "mpbind: module '" + module_name + "': bound " + std::to_string(functions) + " functions (" +
                    std::to_string(methods) + " also methods), " + std::to_string(structs) + " structs/unions, " +
                    std::to_string(enums) + " enums (" + std::to_string(constants) + " constants), " +
                    std::to_string(macros) + " macro constants; callbacks: " + std::to_string(callbacks) +
                    " with a user-data convention, " + std::to_string(callbacks_raw) + " C address only; " +
                    std::to_string(skips.size()) + " skipped, " + std::to_string(excluded) + " excluded\n";
    // Group by reason with parameter and field names folded: "... parameter 'x'" and "... parameter 'y'" are one
    // reason. Other quoted names stay: in "Python name 'x' already used by ..." the name is the message.
    static const std::regex place("(parameter|field) '[^']*'");
    std::map<std::string, std::vector<std::string>> by_reason;
    for (const Skip &k : skips) by_reason[std::regex_replace(k.reason, place, "$1 '...'")].push_back(k.what);
    for (const auto &[reason, whats] : by_reason) {
        s += "  skipped " + std::to_string(whats.size()) + ": " + reason + ": ";
        for (size_t i = 0; i < whats.size() && i < 8; ++i) s += (i ? ", " : "") + whats[i];
        if (whats.size() > 8) s += ", ... (" + std::to_string(whats.size() - 8) + " more)";
        s += "\n";
    }
    return s;
}

} // namespace mpbind::cli
