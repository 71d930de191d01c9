// Internal helpers shared by the summary and the JSON report (status names, locations, labels).
#pragma once
#include <regex>
#include <string>

#include "ir/module.h"

namespace mpbind::cli::detail {

inline bool shown(const ir::DeclInfo &d) { return d.in_bound_header || d.binding.bound(); }

inline const char *status_name(ir::Status s) {
    switch (s) {
    case ir::Status::Bound: return "bound";
    case ir::Status::Excluded: return "excluded";
    case ir::Status::Skipped: return "skipped";
    }
    return "?";
}

inline std::string loc_text(const ir::Location &l) { return l.file.empty() ? "" : l.file + ":" + std::to_string(l.line); }

inline std::string record_label(const ir::Record &r) { return r.c_spelling.empty() ? r.info.py_name : r.c_spelling; }

// A type's C spelling without clang's "(anonymous at /path/file.h:3:5)" locations (output must be stable).
inline std::string type_text(const ir::Module &m, ir::TypeId t) {
    static const std::regex where("\\((anonymous|unnamed) at [^)]*\\)");
    const std::string &s = m.type(t).spelling;
    if (s.find(" at ") == std::string::npos) return s;
    return std::regex_replace(s, where, "(anonymous)");
}

} // namespace mpbind::cli::detail
