// Command-line options of mpbind, declared once in a table (flag, argument, default, help) in options.cpp.
#pragma once
#include <string>
#include <vector>

#include "passes/options.h"

namespace mpbind::cli {

// Exit codes (also printed by --help).
enum Exit : int {
    exit_ok = 0,
    exit_input = 1,    // a header is missing or has errors (clang diagnostics on stderr)
    exit_usage = 2,    // bad command line
    exit_strict = 3,   // --strict and something was skipped
    exit_output = 4,   // an output file could not be written
    exit_internal = 5, // an IR invariant was broken: a bug in mpbind
};

struct CliOptions {
    std::string module_name;              // -M
    std::string output;                   // -o (generated C)
    std::string json;                     // --json
    std::string pyi;                      // --pyi (the stub)
    bool strict = false;
    bool quiet = false;                   // no summary
    bool macros = true;
    unsigned timeout_seconds = 120;       // --timeout: watchdog on the clang parses, 0 = none
    std::string include_headers;          // --include-headers REGEX
    std::vector<std::string> exclude_headers; // --exclude-headers REGEX (repeatable)
    std::string target;                   // --target TRIPLE ("" = the host)
    std::vector<std::string> headers;
    std::vector<std::string> clang_args;  // after --
    passes::Options passes;
    bool help = false;
    bool version = false;
};

struct ParseResult {
    CliOptions opt;
    std::string error; // non-empty: usage error
};

ParseResult parse_args(const std::vector<std::string> &args);

std::string help_text();

} // namespace mpbind::cli
