// Reports of a finished plan: the stderr summary and the --json document (the skips are Plan::skipped).
#pragma once
#include <string>

#include "plan/plan.h"

namespace mpbind::cli {

// Counts of what was bound, and the skips grouped by reason (quoted names folded so like reasons group).
std::string summary(const plan::Plan &p);

// Stable JSON: every declaration of the bound headers and the generated Python API (see gen/cli/README.md).
std::string json(const plan::Plan &p);

} // namespace mpbind::cli
