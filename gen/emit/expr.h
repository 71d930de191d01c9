// expr.h: internal to gen/emit: the C expressions converting one value between Python and C, by its type code.
#pragma once
#include <string>

#include "plan/plan.h"

namespace mpbind::emit {

// Parameter i of a wrapper from Python object `obj` (struct-pointer classes come from mpb_fun_class(self, i)); an array
// parameter reads its argument from the wrapper's `args`.
std::string from_py(const plan::Param &p, const std::string &obj, size_t i);
// C statements returning C value `val` as a Python object (a struct pointer's class is mpb_fun_class(self, n_args)).
std::string to_py_return(const plan::Param &ret, const std::string &val, size_t n_args);
// Argument i of a trampoline as a Python object. In interrupt context nothing may allocate: a struct is shown
// through a static view re-pointed at each call (`views` gets its definition).
std::string trampoline_arg(const plan::TrampolineValue &v, size_t i, bool isr, std::string &views);
// A trampoline's C result from the callable's result `obj` (errors name no function).
std::string trampoline_result(const plan::TrampolineValue &v, const std::string &obj);

} // namespace mpbind::emit
