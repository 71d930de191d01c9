// The token evaluator of macro values (macro_eval.h): C's constant expressions over integer, character, floating
// and string literals, enum constants, casts to arithmetic types and the unary, binary and conditional operators,
// with C's integer promotions and usual arithmetic conversions, so that a value and its signedness are what
// clang_Cursor_Evaluate gives on the probe variable. Anything else is Undecided (the probe decides), except what
// is certainly no constant: a syntax error, a function, a call, or an object's address.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "macro_eval.h"

#include "c_literal.h"

namespace mpbind::clangw {

namespace {

struct Undecided {};  // thrown: the probe must decide
struct SyntaxError {}; // thrown: clang would reject the expression

struct Value {
    enum Kind { Int, Float, Double, String, Function, Address, Pointer, NonConstant } kind = Int;
    uint64_t bits = 0; // Int: normalised to the type (sign- or zero-extended)
    IntType type;
    double f = 0;      // Float (already rounded to float) and Double
    std::string s;
    bool arithmetic() const { return kind == Int || kind == Float || kind == Double; }
};

constexpr IntType int_type{32, true, 4};

uint64_t normalise(uint64_t v, const IntType &t) {
    if (t.bits >= 64) return v;
    uint64_t mask = (uint64_t{1} << t.bits) - 1;
    v &= mask;
    if (t.is_signed && (v >> (t.bits - 1)) & 1) v |= ~mask;
    return v;
}

Value make_int(uint64_t v, IntType t) {
    Value r;
    r.kind = Value::Int;
    r.type = t;
    r.bits = normalise(v, t);
    return r;
}

Value make_bool_int(bool b) { return make_int(b ? 1 : 0, int_type); }

int64_t as_signed(const Value &v) { return static_cast<int64_t>(v.bits); }

bool is_negative(const Value &v) { return v.type.is_signed && as_signed(v) < 0; }

IntType promoted(IntType t) { return t.rank < 4 ? int_type : t; }

IntType common_int(IntType a, IntType b) {
    a = promoted(a);
    b = promoted(b);
    if (a.is_signed == b.is_signed) return a.rank >= b.rank ? a : b;
    const IntType &u = a.is_signed ? b : a, &s = a.is_signed ? a : b;
    if (u.rank >= s.rank) return u;
    if (s.bits > u.bits) return s;
    return IntType{s.bits, false, s.rank};
}

double int_to_double(const Value &v) {
    return v.type.is_signed ? static_cast<double>(as_signed(v)) : static_cast<double>(v.bits);
}
float int_to_float(const Value &v) {
    return v.type.is_signed ? static_cast<float>(as_signed(v)) : static_cast<float>(v.bits);
}

Value to_float_kind(const Value &v, Value::Kind k) {
    Value r;
    r.kind = k;
    if (v.kind == Value::Int) r.f = k == Value::Float ? int_to_float(v) : int_to_double(v);
    else r.f = k == Value::Float ? static_cast<float>(v.f) : v.f;
    return r;
}

Value float_result(Value::Kind k, double x) {
    if (!std::isfinite(x)) throw Undecided{}; // clang notes NaN/infinity results: not modelled
    Value r;
    r.kind = k;
    r.f = k == Value::Float ? static_cast<float>(x) : x;
    return r;
}

Value cast_int(const Value &v, IntType t, bool to_bool) {
    if (v.kind == Value::Int) {
        if (to_bool) return make_int(v.bits != 0, t);
        return make_int(v.bits, t);
    }
    if (v.kind == Value::Float || v.kind == Value::Double) {
        if (to_bool) return make_int(v.f != 0, t);
        double x = std::trunc(v.f);
        double lo = t.is_signed ? -std::ldexp(1.0, static_cast<int>(t.bits) - 1) : 0;
        double hi = std::ldexp(1.0, static_cast<int>(t.bits) - (t.is_signed ? 1 : 0));
        if (!(x >= lo && x < hi)) throw Undecided{}; // out of range: undefined
        return make_int(t.is_signed ? static_cast<uint64_t>(static_cast<int64_t>(x)) : static_cast<uint64_t>(x), t);
    }
    throw Undecided{};
}

bool truth(const Value &v) {
    if (v.kind == Value::Int) return v.bits != 0;
    if (v.kind == Value::Float || v.kind == Value::Double) return v.f != 0;
    throw Undecided{};
}

// Names the compiler knows without a declaration (__builtin_*, keywords of extensions): never "undeclared".
bool reserved(const std::string &t) {
    if (t.size() >= 2 && t[0] == '_' && (t[1] == '_' || std::isupper(static_cast<unsigned char>(t[1])))) return true;
    static const char *keywords[] = {"typeof", "asm", "inline", "restrict", "defined", "alignof", "static_assert",
                                     "true", "false", "nullptr", "bool", "constexpr", "typeof_unqual"};
    for (const char *k : keywords)
        if (t == k) return true;
    return false;
}

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }

// ---- literals ----

Value integer_literal(const std::string &tok, unsigned long_bits) {
    size_t i = 0;
    int base = 10;
    if (tok.size() > 1 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')) base = 16, i = 2;
    else if (tok.size() > 1 && tok[0] == '0' && (tok[1] == 'b' || tok[1] == 'B')) base = 2, i = 2;
    else if (tok[0] == '0') base = 8;
    size_t digits_start = i;
    uint64_t v = 0;
    for (; i < tok.size(); ++i) {
        int d;
        char c = tok[i];
        if (c >= '0' && c <= '9') d = c - '0';
        else if (base == 16 && std::isxdigit(static_cast<unsigned char>(c))) d = std::tolower(c) - 'a' + 10;
        else break;
        if (d >= base) throw SyntaxError{}; // 09, 0b2
        if (v > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base))
            throw Undecided{};
        v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    }
    if (i == digits_start && base != 8) throw SyntaxError{};
    std::string suffix = tok.substr(i);
    bool u = false;
    int longs = 0;
    for (size_t k = 0; k < suffix.size();) {
        char c = suffix[k];
        if ((c == 'u' || c == 'U') && !u) u = true, ++k;
        else if ((c == 'l' || c == 'L') && longs == 0) {
            if (k + 1 < suffix.size() && suffix[k + 1] == c) longs = 2, k += 2;
            else longs = 1, ++k;
        } else throw Undecided{}; // digit separators, imaginary, bit-precise, mixed-case LL: the probe decides
    }
    const IntType types[] = {{32, true, 4}, {32, false, 4}, {long_bits, true, 5}, {long_bits, false, 5},
                             {64, true, 6}, {64, false, 6}};
    for (const IntType &t : types) {
        if (t.rank - 4 < longs) continue;
        if (u && t.is_signed) continue;
        if (!u && !t.is_signed && base == 10) continue; // decimal: signed types only
        uint64_t max = t.is_signed ? (uint64_t{1} << (t.bits - 1)) - 1
                                   : (t.bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << t.bits) - 1);
        if (v <= max) return make_int(v, t);
    }
    throw Undecided{};
}

bool is_float_literal(const std::string &tok) {
    bool hex = tok.size() > 1 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X');
    if (tok.find('.') != std::string::npos) return true;
    if (hex) return tok.find_first_of("pP") != std::string::npos;
    return tok.find_first_of("eE") != std::string::npos;
}

Value float_literal(const std::string &tok) {
    std::string body = tok;
    Value::Kind k = Value::Double;
    char last = body.back();
    if (last == 'f' || last == 'F') {
        bool hex = body.size() > 1 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
        if (!hex || body.find_first_of("pP") != std::string::npos) k = Value::Float, body.pop_back();
    }
    char *end = nullptr;
    Value r;
    r.kind = k;
    r.f = k == Value::Float ? static_cast<double>(std::strtof(body.c_str(), &end)) : std::strtod(body.c_str(), &end);
    if (end != body.c_str() + body.size() || !std::isfinite(r.f)) throw Undecided{}; // L suffix, decimal floats...
    return r;
}

// An escape the shared decoder refuses (c_literal.h) is left to the probe, which refuses it with the reason.
unsigned escape(const std::string &s, size_t &i, size_t end) {
    std::string why;
    if (auto v = decode_escape(s, i, end, why)) return *v;
    throw Undecided{};
}

Value char_literal(const std::string &tok) {
    if (tok.size() < 3 || tok[0] != '\'' || tok.back() != '\'') throw Undecided{}; // L'x', u'x', U'x', u8'x'
    size_t i = 1, end = tok.size() - 1;
    unsigned v = static_cast<unsigned char>(tok[i]);
    if (tok[i] == '\\') v = escape(tok, ++i, end);
    if (i + 1 != end) throw Undecided{}; // multi-character constant: implementation-defined
    if (v >= 0x80) throw Undecided{};    // depends on char's signedness
    return make_int(v, int_type);
}

void append_literal(const std::string &tok, std::string &out) {
    std::string why;
    if (!append_string_literal(tok, out, why)) throw Undecided{}; // prefixed (L, u8...) or a refused escape
}

// ---- the expression parser ----

class Parser {
public:
    Parser(const EvalScope &scope, const std::vector<std::string> &toks) : scope_(scope), t_(toks) {}

    Value parse() {
        Value v = conditional();
        if (pos_ != t_.size()) {
            if (peek() == ",") throw Undecided{}; // comma expressions fold by other rules
            throw SyntaxError{};
        }
        return v;
    }

private:
    const std::string &peek(size_t ahead = 0) const {
        static const std::string none;
        return pos_ + ahead < t_.size() ? t_[pos_ + ahead] : none;
    }
    bool accept(const char *op) {
        if (peek() != op) return false;
        ++pos_;
        return true;
    }
    void expect(const char *op) {
        if (!accept(op)) throw SyntaxError{};
    }

    Value conditional() {
        Value c = binary(0);
        if (!accept("?")) return c;
        Value a = conditional(); // C's grammar has an expression here; a comma would be Undecided below
        expect(":");
        Value b = conditional();
        if (!c.arithmetic() || !a.arithmetic() || !b.arithmetic()) throw Undecided{};
        Value chosen = truth(c) ? a : b;
        return convert(chosen, a, b);
    }

    // The result type of `a op b` under the usual arithmetic conversions, applied to `v`.
    static Value convert(const Value &v, const Value &a, const Value &b) {
        if (a.kind == Value::Double || b.kind == Value::Double) return to_float_kind(v, Value::Double);
        if (a.kind == Value::Float || b.kind == Value::Float) return to_float_kind(v, Value::Float);
        return make_int(v.bits, common_int(a.type, b.type));
    }

    static int precedence(const std::string &op) {
        static const std::pair<const char *, int> table[] = {
            {"||", 1}, {"&&", 2}, {"|", 3}, {"^", 4}, {"&", 5}, {"==", 6}, {"!=", 6}, {"<", 7}, {">", 7},
            {"<=", 7}, {">=", 7}, {"<<", 8}, {">>", 8}, {"+", 9}, {"-", 9}, {"*", 10}, {"/", 10}, {"%", 10}};
        for (const auto &[name, p] : table)
            if (op == name) return p;
        return 0;
    }

    Value binary(int min_prec) {
        Value lhs = unary();
        for (;;) {
            std::string op = peek();
            int p = precedence(op);
            if (p == 0 || p <= min_prec) return lhs;
            ++pos_;
            Value rhs = binary(p);
            lhs = apply(op, lhs, rhs);
        }
    }

    static Value apply(const std::string &op, const Value &a, const Value &b) {
        if (a.kind == Value::NonConstant || b.kind == Value::NonConstant) {
            if (op == "&&" || op == "||") throw Undecided{}; // may short-circuit past the call
            Value r;
            r.kind = Value::NonConstant;
            return r;
        }
        if (!a.arithmetic() || !b.arithmetic()) throw Undecided{};
        if (op == "&&" || op == "||") return make_bool_int(op == "&&" ? truth(a) && truth(b) : truth(a) || truth(b));
        bool floating = a.kind != Value::Int || b.kind != Value::Int;
        if (floating) return apply_float(op, a, b);
        if (op == "<<" || op == ">>") return shift(op, a, b);
        IntType t = common_int(a.type, b.type);
        Value x = make_int(a.bits, t), y = make_int(b.bits, t);
        uint64_t u = x.bits, w = y.bits;
        int64_t s = as_signed(x), z = as_signed(y);
        if (op == "+") return make_int(u + w, t);
        if (op == "-") return make_int(u - w, t);
        if (op == "*") return make_int(u * w, t);
        if (op == "/" || op == "%") {
            if (w == 0) throw SyntaxError{}; // division by zero: clang's folding fails
            if (t.is_signed) {
                if (z == -1 && s == static_cast<int64_t>(normalise(uint64_t{1} << (t.bits - 1), t))) throw Undecided{};
                return make_int(static_cast<uint64_t>(op == "/" ? s / z : s % z), t);
            }
            return make_int(op == "/" ? u / w : u % w, t);
        }
        if (op == "&") return make_int(u & w, t);
        if (op == "|") return make_int(u | w, t);
        if (op == "^") return make_int(u ^ w, t);
        bool lt = t.is_signed ? s < z : u < w, eq = u == w;
        if (op == "==") return make_bool_int(eq);
        if (op == "!=") return make_bool_int(!eq);
        if (op == "<") return make_bool_int(lt);
        if (op == ">") return make_bool_int(!lt && !eq);
        if (op == "<=") return make_bool_int(lt || eq);
        return make_bool_int(!lt); // >=
    }

    static Value apply_float(const std::string &op, const Value &a, const Value &b) {
        if (op == "%" || op == "<<" || op == ">>" || op == "&" || op == "|" || op == "^") throw SyntaxError{};
        Value::Kind k = (a.kind == Value::Double || b.kind == Value::Double) ? Value::Double : Value::Float;
        double x = to_float_kind(a, k).f, y = to_float_kind(b, k).f;
        if (op == "==") return make_bool_int(x == y);
        if (op == "!=") return make_bool_int(x != y);
        if (op == "<") return make_bool_int(x < y);
        if (op == ">") return make_bool_int(x > y);
        if (op == "<=") return make_bool_int(x <= y);
        if (op == ">=") return make_bool_int(x >= y);
        if (k == Value::Float) {
            float fx = static_cast<float>(x), fy = static_cast<float>(y);
            if (op == "+") return float_result(k, static_cast<double>(fx + fy));
            if (op == "-") return float_result(k, static_cast<double>(fx - fy));
            if (op == "*") return float_result(k, static_cast<double>(fx * fy));
            return float_result(k, static_cast<double>(fx / fy));
        }
        if (op == "+") return float_result(k, x + y);
        if (op == "-") return float_result(k, x - y);
        if (op == "*") return float_result(k, x * y);
        return float_result(k, x / y);
    }

    // Shifts keep the promoted left type; counts out of range or negative are undefined (clang then shifts by a
    // clamped or opposite count): left to the probe. A signed left shift that drops bits wraps, as clang folds it.
    static Value shift(const std::string &op, const Value &a, const Value &b) {
        IntType t = promoted(a.type);
        Value x = make_int(a.bits, t);
        Value n = make_int(b.bits, promoted(b.type));
        if (is_negative(n) || n.bits >= t.bits) throw Undecided{};
        unsigned c = static_cast<unsigned>(n.bits);
        if (op == "<<") {
            if (is_negative(x)) throw Undecided{};
            return make_int(x.bits << c, t);
        }
        if (t.is_signed) return make_int(static_cast<uint64_t>(as_signed(x) >> c), t);
        return make_int(x.bits >> c, t);
    }

    Value unary() {
        const std::string &t = peek();
        if (t == "-" || t == "+" || t == "~" || t == "!") {
            std::string op = t;
            ++pos_;
            Value v = unary();
            if (v.kind == Value::NonConstant) return v;
            if (!v.arithmetic()) throw Undecided{};
            if (op == "!") return make_bool_int(!truth(v));
            if (v.kind != Value::Int) {
                if (op == "~") throw SyntaxError{};
                if (op == "-") v.f = -v.f;
                return v;
            }
            IntType pt = promoted(v.type);
            Value p = make_int(v.bits, pt);
            if (op == "-") return make_int(0 - p.bits, pt);
            if (op == "~") return make_int(~p.bits, pt);
            return p;
        }
        if (t == "&") {
            ++pos_;
            const std::string &name = peek();
            if (scope_.variables.count(name) && peek(1) != "(" && peek(1) != "[" && peek(1) != "." && peek(1) != "->") {
                ++pos_;
                Value r;
                r.kind = Value::Address;
                return r;
            }
            throw Undecided{};
        }
        if (t == "sizeof" || t == "_Alignof" || t == "__alignof__" || t == "++" || t == "--" || t == "*")
            throw Undecided{};
        if (t == "(" && starts_type_name(peek(1))) return cast();
        return postfix(primary());
    }

    // Whether `tok` begins a type name (a cast when after '(').
    bool starts_type_name(const std::string &tok) const {
        static const char *keywords[] = {"void", "char", "short", "int", "long", "signed", "unsigned", "float",
                                         "double", "_Bool", "const", "volatile", "struct", "union", "enum",
                                         "_Complex", "__typeof__", "typeof", "__signed", "__signed__",
                                         "__unsigned", "restrict", "__const", "__volatile__"};
        for (const char *k : keywords)
            if (tok == k) return true;
        return scope_.arithmetic_typedefs.count(tok) || scope_.other_typedefs.count(tok);
    }

    Value cast() {
        expect("(");
        CastType target;
        bool pointer = false;
        if (scope_.arithmetic_typedefs.count(peek()) && peek(1) == ")") {
            target = scope_.arithmetic_typedefs.at(peek());
            ++pos_;
        } else {
            target = keyword_type(pointer);
        }
        expect(")");
        Value v = unary();
        if (pointer) {
            if (v.kind != Value::Int) throw Undecided{}; // (char *)"x" is a string to the probe
            Value r;
            r.kind = Value::Pointer;
            return r;
        }
        if (v.kind == Value::NonConstant) return v;
        if (!v.arithmetic()) throw Undecided{};
        if (target.kind != CastType::Int)
            return to_float_kind(v, target.kind == CastType::Float ? Value::Float : Value::Double);
        return cast_int(v, target.int_type, target.is_bool);
    }

    // A type name of keywords (`unsigned long`, `const signed char`, `void *`); others are Undecided.
    CastType keyword_type(bool &pointer) {
        int longs = 0, shorts = 0, chars = 0, ints = 0, bools = 0, floats = 0, doubles = 0, voids = 0;
        bool is_unsigned = false, is_signed = false;
        for (;; ++pos_) {
            const std::string &k = peek();
            if (k == "long") ++longs;
            else if (k == "short") ++shorts;
            else if (k == "char") ++chars;
            else if (k == "int") ++ints;
            else if (k == "_Bool") ++bools;
            else if (k == "float") ++floats;
            else if (k == "double") ++doubles;
            else if (k == "void") ++voids;
            else if (k == "unsigned") is_unsigned = true;
            else if (k == "signed") is_signed = true;
            else if (k == "const" || k == "volatile") continue;
            else break;
        }
        while (accept("*")) pointer = true;
        if (peek() != ")") throw Undecided{};
        if (pointer) return {};
        if (voids || (is_signed && is_unsigned) || ints > 1) throw Undecided{};
        CastType c;
        if (floats || doubles) {
            if (floats + doubles != 1 || longs || shorts || chars || ints || bools || is_signed || is_unsigned)
                throw Undecided{};
            c.kind = floats ? CastType::Float : CastType::Double;
            return c;
        }
        if (bools) {
            if (bools != 1 || longs || shorts || chars || ints || is_signed || is_unsigned) throw Undecided{};
            c.int_type = {8, false, 1};
            c.is_bool = true;
            return c;
        }
        if (chars) {
            if (chars != 1 || longs || shorts || ints || !(is_signed || is_unsigned)) throw Undecided{}; // plain char
            c.int_type = {8, is_signed, 2};
        } else if (shorts) {
            if (shorts != 1 || longs) throw Undecided{};
            c.int_type = {16, !is_unsigned, 3};
        } else if (longs == 1) {
            c.int_type = {scope_.long_bits, !is_unsigned, 5};
        } else if (longs == 2) {
            c.int_type = {64, !is_unsigned, 6};
        } else if (longs == 0 && (ints || is_signed || is_unsigned)) {
            c.int_type = {32, !is_unsigned, 4};
        } else {
            throw Undecided{};
        }
        return c;
    }

    Value primary() {
        if (pos_ >= t_.size()) throw SyntaxError{};
        const std::string &t = t_[pos_];
        if (t == "(") {
            ++pos_;
            Value v = conditional();
            if (peek() == ",") throw Undecided{};
            expect(")");
            return v;
        }
        if (std::isdigit(static_cast<unsigned char>(t[0])) || (t[0] == '.' && t.size() > 1)) {
            ++pos_;
            return is_float_literal(t) ? float_literal(t) : integer_literal(t, scope_.long_bits);
        }
        if (t[0] == '\'') {
            ++pos_;
            return char_literal(t);
        }
        if (t.find('"') != std::string::npos) {
            Value v;
            v.kind = Value::String;
            while (pos_ < t_.size() && t_[pos_].find('"') != std::string::npos) append_literal(t_[pos_++], v.s);
            return v;
        }
        if (ident_start(t[0])) {
            ++pos_;
            if (auto it = scope_.enum_constants.find(t); it != scope_.enum_constants.end())
                return make_int(static_cast<uint64_t>(it->second), int_type);
            if (scope_.functions.count(t)) {
                Value v;
                v.kind = Value::Function;
                return v;
            }
            // A type name where an expression must be (casts were taken before).
            if (scope_.arithmetic_typedefs.count(t) || scope_.other_typedefs.count(t)) throw SyntaxError{};
            if (scope_.variables.count(t) || !scope_.complete_names || reserved(t)) throw Undecided{};
            throw SyntaxError{}; // undeclared (a function-like macro's name without arguments, a disabled API)
        }
        // Punctuation where an operand must be: `<stdint.h>`, `{ ... }`.
        static const char *never_operand[] = {"<", ">", "<=", ">=", "/", "%", "|", "||", "&&", "^", "?", ":",
                                              "=", "==", "!=", ")", "]", ",", ";", "{", "}", ">>", "<<"};
        for (const char *p : never_operand)
            if (t == p) throw SyntaxError{};
        throw Undecided{};
    }

    Value postfix(Value v) {
        const std::string &t = peek();
        if (t == "(") {
            if (v.kind != Value::Function) throw Undecided{};
            skip_call_arguments();
            Value r;
            r.kind = Value::NonConstant; // a call of a C function: never folded
            return postfix(r);
        }
        if (t == "[" || t == "." || t == "->" || t == "++" || t == "--") throw Undecided{};
        return v;
    }

    // The argument list of a call (its values do not matter: the call is no constant); syntax is still checked.
    void skip_call_arguments() {
        expect("(");
        if (accept(")")) return;
        for (;;) {
            Value ignored = conditional();
            (void)ignored;
            if (accept(")")) return;
            expect(",");
        }
    }

    const EvalScope &scope_;
    const std::vector<std::string> &t_;
    size_t pos_ = 0;
};

} // namespace

MacroVerdict evaluate_macro(const EvalScope &scope, const std::string &name) {
    MacroVerdict out;
    if (!scope.usable) return out;
    std::vector<std::string> tokens;
    if (!expand_macros(scope, {name}, tokens)) return out;
    try {
        Value v = Parser(scope, tokens).parse();
        switch (v.kind) {
        case Value::Int:
            out.kind = MacroVerdict::Int;
            out.is_unsigned = !v.type.is_signed;
            out.bits = v.bits;
            break;
        case Value::Float:
        case Value::Double:
            out.kind = MacroVerdict::Float;
            out.float_value = v.f;
            break;
        case Value::String:
            out.kind = MacroVerdict::String;
            out.string_value = std::move(v.s);
            break;
        default: out.kind = MacroVerdict::NotConstant; // a function, a call, an address, a pointer
        }
    } catch (const Undecided &) {
        out.kind = MacroVerdict::Undecided;
    } catch (const SyntaxError &) {
        out.kind = MacroVerdict::NotConstant;
    }
    return out;
}

} // namespace mpbind::clangw
