// Naming pass: Python names for every item: --prefix stripped, reserved words renamed (rules in README.md).
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

bool is_python_keyword(const std::string &name);
bool is_identifier(const std::string &name);

// `name` without the first matching prefix (case-insensitive) and, when the prefix does not end with one, the '_'
// after it (`--prefix geom` makes geom_add `add`); unchanged if none matches or if the rest would not be a valid
// identifier (empty or starting with a digit).
std::string strip_prefix(const std::string &name, const std::vector<std::string> &prefixes);

// True when `name` begins with `prefix`, letters compared without case (a --prefix matches LV_ and lv_).
bool starts_ignoring_case(const std::string &name, const std::string &prefix);

// A usable Python identifier: keywords get a trailing '_' (`class` -> `class_`), as does `NULL` (MicroPython's
// MP_QSTR_NULL is the null qstr), a leading digit a leading '_'.
std::string py_identifier(const std::string &name);

// The macro enumerator `k` of `e` exports, or "": the only enumerator of an anonymous enum no typedef names,
// initialised with one object-like macro alone and named for it (`enum { ENUM_X = X };`, often made by a
// function-like macro). It is named after the macro and never grouped. Enums of several members stay classes,
// whatever their initializers.
const std::string &macro_export(const ir::Enum &e, const ir::EnumConstant &k);

// Throws OptionError when a prefix strips no name of the bound headers.
void naming(ir::Module &m, const std::vector<std::string> &prefixes);

} // namespace mpbind::passes
