// The whole mpbind run behind main(): options, parse, passes, reports, outputs; returns the exit code.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace mpbind::cli {

// `args` excludes the program name. Diagnostics and the summary go to `err`, --help/--version to `out`.
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace mpbind::cli
