// Internal: the token check that decides whether a macro body may be put into the probe parse at all.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace mpbind::clangw {

// Limits of a probe-able body: deeper nesting or longer bodies are no constants a library exports, and they
// stress clang's recursive parser (a stack overflow would take mpbind down with it).
constexpr size_t max_probe_tokens = 512;
constexpr size_t max_probe_depth = 32;

// "" when every token of `body` can appear in a C constant expression (literals, identifiers, the operators
// and brackets of expressions) with balanced brackets; else why not, e.g. "token '::' cannot appear in a C
// constant expression". Refused bodies are never parsed: clang-19 hangs on some of them (`(::)` in C).
std::string probe_refusal(const std::vector<std::string> &body);

// True when lexed token t is an identifier (or keyword): it starts like one.
bool starts_identifier(const std::string &t);

// The arguments of a call whose '(' is tokens[open], split at top-level commas; `end` is its closing ')'. False when
// the call does not close within the tokens.
bool call_arguments(const std::vector<std::string> &tokens, size_t open, std::vector<std::vector<std::string>> &args,
                    size_t &end);

} // namespace mpbind::clangw
