// Internal: C escape sequences and plain string literals decoded as a C compiler does for `char` (C11 6.4.4.4,
// 6.4.5), shared by the token evaluator (macro_eval.cpp) and the macro values read from literals (macros.cpp).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mpbind::clangw {

// The value of the escape sequence whose first character (after the backslash) is s[i]; `end` is one past the last
// character it may use. On success i ends on the escape's last character. C's rules: the simple escapes; octal
// takes 1 to 3 digits; `\x` takes every hexadecimal digit that follows; `\u` 4 and `\U` 8 digits give a code point.
// An unknown escape (undefined in C) gives what clang and GCC give: ESC for `\e`/`\E`, else the character itself.
// Refused (nullopt, the reason in `why`), as clang refuses them: an octal or hexadecimal value that does not fit an
// unsigned char, `\x` without a digit, a universal character name that is short or names a code point C forbids
// there (below U+00A0 except $ @ `, surrogates, above U+10FFFF), a backslash with nothing after it.
std::optional<unsigned> decode_escape(std::string_view s, size_t &i, size_t end, std::string &why);

// Appends the characters of one plain string literal token (`"a\tb"`) to `out` (universal character names in
// UTF-8, the execution character set of clang and GCC). False with `why` empty when the
// token is no plain string literal (prefixed `L"x"`, `u8"x"`, unterminated); false with the reason when one of its
// escapes is refused (decode_escape).
bool append_string_literal(std::string_view tok, std::string &out, std::string &why);

} // namespace mpbind::clangw
