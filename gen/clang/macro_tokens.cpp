// The token check of macro bodies before the probe parse: only what a C constant expression can contain.
#include "macro_tokens.h"

#include <array>
#include <cctype>
#include <string_view>

namespace mpbind::clangw {

namespace {

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_identifier(std::string_view t) {
    if (t.empty() || !ident_start(t[0])) return false;
    for (char c : t)
        if (!ident_char(c)) return false;
    return true;
}

// A preprocessing number: a digit (or '.' and a digit), then digits, letters, '_', '.', and signs after e/E/p/P.
bool is_number(std::string_view t) {
    size_t i = 0;
    if (t.size() >= 2 && t[0] == '.') i = 1;
    if (i >= t.size() || !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    for (size_t k = 1; k < t.size(); ++k) {
        char c = t[k], prev = t[k - 1];
        bool sign = (c == '+' || c == '-') && (prev == 'e' || prev == 'E' || prev == 'p' || prev == 'P');
        if (!(ident_char(c) || c == '.' || c == '\'' || sign)) return false;
    }
    return true;
}

// A character or string literal, with an optional encoding prefix (L, u, U, u8).
bool is_literal(std::string_view t) {
    size_t p = 0;
    if (t.rfind("u8", 0) == 0) p = 2;
    else if (!t.empty() && (t[0] == 'L' || t[0] == 'u' || t[0] == 'U')) p = 1;
    if (t.size() < p + 2) return false;
    char q = t[p];
    return (q == '"' || q == '\'') && t.back() == q;
}

// The punctuators of C constant expressions (casts, sizeof/_Alignof, member access, the conditional).
constexpr std::array<std::string_view, 33> expression_punctuators = {
    "(", ")", "[", "]", ".", "->", "++", "--", "&", "*", "+", "-", "~", "!", "/", "%", "<<",
    ">>", "<", ">", "<=", ">=", "==", "!=", "^", "|", "&&", "||", "?", ":", ",", "<:", ":>"};

bool is_expression_punctuator(std::string_view t) {
    for (std::string_view p : expression_punctuators)
        if (t == p) return true;
    return false;
}

char opening(std::string_view t) {
    if (t == "(") return '(';
    if (t == "[" || t == "<:") return '[';
    return 0;
}

char closing(std::string_view t) {
    if (t == ")") return '(';
    if (t == "]" || t == ":>") return '[';
    return 0;
}

} // namespace

std::string probe_refusal(const std::vector<std::string> &body) {
    if (body.size() > max_probe_tokens)
        return "body of " + std::to_string(body.size()) + " tokens is too long for a constant";
    std::string stack;
    for (size_t i = 0; i < body.size(); ++i) {
        const std::string &t = body[i];
        // `::` may come as two ':' tokens in C modes; no expression has two colons in a row.
        if (t == ":" && i > 0 && body[i - 1] == ":") return "token '::' cannot appear in a C constant expression";
        if (!is_identifier(t) && !is_number(t) && !is_literal(t) && !is_expression_punctuator(t))
            return "token '" + t + "' cannot appear in a C constant expression";
        if (char o = opening(t)) {
            stack.push_back(o);
            if (stack.size() > max_probe_depth) return "brackets nested deeper than " + std::to_string(max_probe_depth);
        } else if (char c = closing(t)) {
            if (stack.empty() || stack.back() != c) return "unbalanced brackets";
            stack.pop_back();
        }
    }
    if (!stack.empty()) return "unbalanced brackets";
    return "";
}

bool starts_identifier(const std::string &t) { return !t.empty() && ident_start(t[0]); }

bool call_arguments(const std::vector<std::string> &tokens, size_t open, std::vector<std::vector<std::string>> &args,
                    size_t &end) {
    args.assign(1, {});
    int depth = 0;
    for (size_t k = open + 1; k < tokens.size(); ++k) {
        const std::string &t = tokens[k];
        if (t == "(") ++depth;
        if (t == ")") {
            if (depth == 0) {
                end = k;
                return true;
            }
            --depth;
        }
        if (t == "," && depth == 0) args.emplace_back();
        else args.back().push_back(t);
    }
    return false;
}

} // namespace mpbind::clangw
