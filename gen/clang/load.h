// Public entry of the clang front end: parse headers with libclang and translate them into an IR Module.
#pragma once
#include <string>
#include <vector>

#include "ir/module.h"

namespace mpbind::clangw {

struct LoadOptions {
    std::vector<std::string> headers;     // bound headers, as given on the command line
    std::vector<std::string> clang_args;  // -I, -D, -std, ... passed to clang unchanged (-std=c99 without -std)
    std::string include_headers;          // ECMAScript regex: further headers whose declarations are bound
    std::vector<std::string> exclude_headers; // ECMAScript regexes: headers whose declarations are never bound
    std::string target;                   // target triple (cc -dumpmachine) whose layout to compute; "" = host
    bool macros = true;                   // evaluate object-like macros (second, probe parse)
};

struct LoadResult {
    bool ok = false;                      // false: errors (diagnostics say why), module is incomplete
    bool include_headers_matched = false; // --include-headers matched a header the bound headers include
    std::vector<std::string> exclude_headers_unmatched; // --exclude-headers patterns that match no header
    std::vector<std::string> diagnostics; // "file:line:col: severity: message", errors and warnings
    ir::Module module;                    // verify(module, Phase::Parsed) holds when ok
};

// The C standard headers are parsed in when clang_args name none: the one modules are compiled with.
inline constexpr const char *default_std = "-std=c99";

LoadResult load(const LoadOptions &opt);

} // namespace mpbind::clangw
