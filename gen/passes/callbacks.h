// Callbacks pass: for each function-pointer field and parameter, how a trampoline finds the Python
// callable (the conventions in gen/ir/decls.h), or why none applies.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "ir/module.h"

namespace mpbind::passes {

struct CallbackOptions {
    std::vector<std::pair<std::string, std::string>> user_fields; // C record name -> user field (default user_data)
    std::string isr;                                              // regex on "<owner>.<slot>" marking ISR callbacks
    // --release FUNCTION=RULE: the release rule of FUNCTION's user-data closures (call, replace, keep,
    // destroy:PARAM), overriding what the header suggests.
    std::vector<std::pair<std::string, std::string>> releases;
    size_t slot_pool = 8; // --slot-pool N: trampolines per callback field whose owner has no user field
};

void callbacks(ir::Module &m, const CallbackOptions &opt);

} // namespace mpbind::passes
