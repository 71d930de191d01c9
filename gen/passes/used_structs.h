// Used-structs pass (--used-structs-only): leaves out the structs and unions nothing bound uses.
#pragma once
#include "ir/module.h"

namespace mpbind::passes {

// Excludes, with the reason, every bound struct or union that no bound function (parameter, result, callback
// signature), bound global variable or used struct's field reaches: a library's private structs (LVGL's widget
// internals) then cost neither a class nor field names. Needs support and variables (what is bound is decided).
void used_structs(ir::Module &m);

} // namespace mpbind::passes
