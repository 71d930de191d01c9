// Reports on a finished IR: skipped declarations, the stderr summary, and the --json document.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::cli {

struct Skip {
    std::string what;   // "function foo", "field bar.x", ...
    std::string reason;
    ir::Location loc;
};

// Every Skipped item the user asked for (the --strict violations).
std::vector<Skip> skipped(const ir::Module &m);

// Counts of what was bound, and the skips grouped by reason (quoted names folded so like reasons group).
std::string summary(const ir::Module &m, const std::string &module_name);

// Stable JSON: every declaration of the bound headers and the generated Python API (see gen/cli/README.md).
std::string json(const ir::Module &m, const std::string &module_name);

} // namespace mpbind::cli
