// Naming pass: Python names for every item: --prefix stripped, reserved words renamed (rules in README.md).
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

bool is_python_keyword(const std::string &name);
bool is_identifier(const std::string &name);

// `name` without the first matching prefix (case-insensitive); unchanged if none matches or if the rest
// would not be a valid identifier (empty or starting with a digit).
std::string strip_prefix(const std::string &name, const std::vector<std::string> &prefixes);

// A usable Python identifier: keywords get a trailing '_' (`class` -> `class_`), a leading digit a leading '_'.
std::string py_identifier(const std::string &name);

void naming(ir::Module &m, const std::vector<std::string> &prefixes);

} // namespace mpbind::passes
