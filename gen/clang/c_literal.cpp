// One decoder of C escapes for every literal the generator reads, so that a macro's value does not depend on
// which path (plain literal, token evaluator, probe parse) decided it.
#include "c_literal.h"

namespace mpbind::clangw {

namespace {
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

void append_utf8(unsigned cp, std::string &out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
        return;
    }
    int extra = cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
    static const unsigned lead[] = {0, 0xc0, 0xe0, 0xf0};
    out += static_cast<char>(lead[extra] | (cp >> (6 * extra)));
    for (int k = extra - 1; k >= 0; --k) out += static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3f));
}

constexpr unsigned char_max = 0xff; // plain char is 8 bits on every target the generator accepts
} // namespace

std::optional<unsigned> decode_escape(std::string_view s, size_t &i, size_t end, std::string &why) {
    if (i >= end) {
        why = "a backslash ends the literal";
        return std::nullopt;
    }
    const char c = s[i];
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '\\': case '\'': case '"': case '?': return static_cast<unsigned char>(c);
    case 'x': {
        const size_t first = i + 1;
        unsigned v = 0;
        bool too_big = false;
        while (i + 1 < end && hex_digit(s[i + 1]) >= 0) {
            v = v * 16 + static_cast<unsigned>(hex_digit(s[++i]));
            if (v > char_max) too_big = true, v = char_max + 1; // stays out of range without overflowing
        }
        if (i + 1 == first) {
            why = "\\x without a hexadecimal digit";
            return std::nullopt;
        }
        if (too_big) {
            why = "hexadecimal escape \\x" + std::string(s.substr(first, i + 1 - first)) + " does not fit a char";
            return std::nullopt;
        }
        return v;
    }
    case 'u': case 'U': {
        // A universal character name: exactly 4 or 8 digits, a code point C allows there (C11 6.4.3).
        const size_t digits = c == 'u' ? 4 : 8;
        unsigned long v = 0;
        for (size_t n = 0; n < digits; ++n) {
            if (i + 1 >= end || hex_digit(s[i + 1]) < 0) {
                why = std::string("\\") + c + " needs " + std::to_string(digits) + " hexadecimal digits";
                return std::nullopt;
            }
            v = v * 16 + static_cast<unsigned>(hex_digit(s[++i]));
        }
        const bool allowed = v <= 0x10ffff && (v < 0xd800 || v > 0xdfff) &&
                             (v >= 0xa0 || v == '$' || v == '@' || v == '`');
        if (!allowed) {
            why = "universal character name \\" + std::string(s.substr(i - digits, digits + 1)) +
                  " names no character C allows";
            return std::nullopt;
        }
        return static_cast<unsigned>(v);
    }
    default:
        if (is_octal(c)) {
            const size_t first = i;
            unsigned v = static_cast<unsigned>(c - '0');
            for (int n = 1; n < 3 && i + 1 < end && is_octal(s[i + 1]); ++n)
                v = v * 8 + static_cast<unsigned>(s[++i] - '0');
            if (v > char_max) {
                why = "octal escape \\" + std::string(s.substr(first, i + 1 - first)) + " does not fit a char";
                return std::nullopt;
            }
            return v;
        }
        // Undefined in C; clang and GCC give ESC for the GNU extensions \e and \E and keep any other character
        // (with a warning): the value the module's compiler sees, and the one the probe parse reports.
        return c == 'e' || c == 'E' ? 0x1bu : static_cast<unsigned char>(c);
    }
}

bool append_string_literal(std::string_view tok, std::string &out, std::string &why) {
    why.clear();
    if (tok.size() < 2 || tok.front() != '"' || tok.back() != '"') return false; // prefixed (L, u8...) or malformed
    const size_t end = tok.size() - 1;
    for (size_t i = 1; i < end; ++i) {
        if (tok[i] != '\\') {
            out += tok[i];
            continue;
        }
        const bool ucn = tok[i + 1] == 'u' || tok[i + 1] == 'U';
        auto v = decode_escape(tok, ++i, end, why);
        if (!v) return false;
        if (ucn) append_utf8(*v, out); // the execution character set of clang and GCC
        else out += static_cast<char>(*v);
    }
    return true;
}

} // namespace mpbind::clangw
