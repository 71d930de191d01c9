// regex.h: the regular expressions of the command line (--allow, --block, --isr, --include-headers), compiled once
// the same way everywhere, so that a bad one is the same usage error whichever option carries it.
#pragma once
#include <regex>
#include <stdexcept>
#include <string>

namespace mpbind::passes {

// ECMAScript syntax; throws std::invalid_argument "invalid <flag> regex '<pattern>': <why>".
inline std::regex compile_regex(const std::string &pattern, const char *flag) {
    try {
        return std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error &e) {
        throw std::invalid_argument(std::string("invalid ") + flag + " regex '" + pattern + "': " + e.what());
    }
}

} // namespace mpbind::passes
