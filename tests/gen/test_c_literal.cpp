// The one decoder of C escapes and string literals (gen/clang/c_literal.h): C's rules edge by edge, and the same
// value or the same refusal whichever path decides a macro (plain literal, token evaluator, probe parse).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "clang/c_literal.h"
#include "header_fixture.h"

using namespace mpbind;
using namespace mpbind::ir;

namespace {

// The bytes of a literal token, or "refused: <why>" / "not plain".
std::string decode(const std::string &tok) {
    std::string out, why;
    if (clangw::append_string_literal(tok, out, why)) return out;
    return why.empty() ? "not plain" : "refused: " + why;
}

TEST(CLiteral, SimpleEscapes) {
    EXPECT_EQ(decode(R"("\n\t\r\a\b\f\v")"), "\n\t\r\a\b\f\v");
    EXPECT_EQ(decode(R"("\\\'\"\?")"), "\\'\"?");
    EXPECT_EQ(decode(R"("plain")"), "plain");
    EXPECT_EQ(decode(R"("")"), "");
}

TEST(CLiteral, OctalTakesOneToThreeDigits) {
    EXPECT_EQ(decode(R"("\0")"), std::string(1, '\0'));
    EXPECT_EQ(decode(R"("\7x")"), "\7x");
    EXPECT_EQ(decode(R"("\18")"), "\1" "8");     // 8 is no octal digit
    EXPECT_EQ(decode(R"("\101")"), "A");
    EXPECT_EQ(decode(R"("\1012")"), "A2");       // the fourth digit is a character of its own
    EXPECT_EQ(decode(R"("\377")"), "\xff");
    EXPECT_EQ(decode(R"("\400")"), "refused: octal escape \\400 does not fit a char");
    EXPECT_EQ(decode(R"("\777")"), "refused: octal escape \\777 does not fit a char");
}

TEST(CLiteral, HexTakesEveryDigit) {
    EXPECT_EQ(decode(R"("\x41")"), "A");
    EXPECT_EQ(decode(R"("\x4")"), "\x04");
    EXPECT_EQ(decode(R"("\x0041")"), "A");       // leading zeros: still one character
    EXPECT_EQ(decode(R"("\x41g")"), "Ag");       // g ends the escape
    EXPECT_EQ(decode(R"("\xfF")"), "\xff");
    EXPECT_EQ(decode(R"("\x414")"), "refused: hexadecimal escape \\x414 does not fit a char"); // not "A4"
    EXPECT_EQ(decode(R"("\x100")"), "refused: hexadecimal escape \\x100 does not fit a char");
    // Far more digits than any integer holds: refused, no overflow back into range.
    EXPECT_EQ(decode(R"("\x10000000000000000000041")"),
              "refused: hexadecimal escape \\x10000000000000000000041 does not fit a char");
    EXPECT_EQ(decode(R"("\xg")"), "refused: \\x without a hexadecimal digit");
    EXPECT_EQ(decode(R"("\x")"), "refused: \\x without a hexadecimal digit");
}

TEST(CLiteral, UnknownEscapesGiveWhatClangAndGccGive) {
    EXPECT_EQ(decode(R"("\q")"), "q");        // undefined in C; both compilers keep the character (and warn)
    EXPECT_EQ(decode(R"("\e\E")"), "\x1b\x1b"); // the GNU extension both compilers implement
}

TEST(CLiteral, UniversalCharacterNamesInUtf8) {
    EXPECT_EQ(decode(R"("\u00e9")"), "\xc3\xa9");
    EXPECT_EQ(decode(R"("\u20AC1")"), "\xe2\x82\xac" "1"); // exactly four digits
    EXPECT_EQ(decode(R"("\U0001F600")"), "\xf0\x9f\x98\x80");
    EXPECT_EQ(decode(R"("\u0024")"), "$");     // one of the three allowed below U+00A0
    EXPECT_EQ(decode(R"("\u0041")"), "refused: universal character name \\u0041 names no character C allows");
    EXPECT_EQ(decode(R"("\ud800")"), "refused: universal character name \\ud800 names no character C allows");
    EXPECT_EQ(decode(R"("\U00110000")"), "refused: universal character name \\U00110000 names no character C allows");
    EXPECT_EQ(decode(R"("\u00e")"), "refused: \\u needs 4 hexadecimal digits");
}

TEST(CLiteral, OnlyPlainLiteralsAreDecoded) {
    EXPECT_EQ(decode(R"(L"x")"), "not plain");
    EXPECT_EQ(decode(R"(u8"x")"), "not plain");
    EXPECT_EQ(decode(R"("x)"), "not plain");
    EXPECT_EQ(decode(R"(")"), "not plain");
    EXPECT_EQ(decode(R"("\")"), "refused: a backslash ends the literal");
}

TEST(CLiteral, EscapeInsideACharacterRange) {
    // decode_escape stops at `end`: the closing quote of a character constant is never taken as a digit.
    std::string tok = R"('\x4')", why;
    size_t i = 2;
    auto v = clangw::decode_escape(tok, i, tok.size() - 1, why);
    ASSERT_TRUE(v);
    EXPECT_EQ(*v, 4u);
    EXPECT_EQ(i, 3u);
}

// Each edge once as a plain literal (decoded directly), once through another macro (the token evaluator, or the
// probe parse when MPBIND_MACRO_PROBE=all): value and reason must not depend on the path.
const char *header = R"(
#define S_HEX_ZEROS "\x0041"
#define S_HEX_WIDE "\x414"
#define S_OCT_FOUR "\1012"
#define S_OCT_WIDE "\400"
#define S_UNKNOWN "\q\e"
#define S_UCN "\u00e9"
#define S_SIMPLE "a\tb\\\"\?"
#define C_HEX_ZEROS '\x0041'
#define C_OCT '\101'
#define V_HEX_ZEROS (S_HEX_ZEROS)
#define V_OCT_FOUR (S_OCT_FOUR)
#define V_UNKNOWN (S_UNKNOWN)
#define V_UCN (S_UCN)
#define V_HEX_WIDE (S_HEX_WIDE)
#define V_SIMPLE (S_SIMPLE)
#define V_CAT S_SIMPLE "\x0042"
)";

std::map<std::string, Macro> load_macros(const char *mode) {
    if (mode) setenv("MPBIND_MACRO_PROBE", mode, 1);
    else unsetenv("MPBIND_MACRO_PROBE");
    test::TempHeader h(header);
    clangw::LoadOptions o;
    o.headers = {h.path()};
    o.target = "x86_64-linux-gnu";
    clangw::LoadResult r = clangw::load(o);
    unsetenv("MPBIND_MACRO_PROBE");
    EXPECT_TRUE(r.ok);
    std::map<std::string, Macro> out;
    for (const Macro &m : r.module.macros) out.emplace(m.info.c_name, m);
    return out;
}

TEST(CLiteral, MacroValuesAgreeOnEveryPath) {
    for (const char *mode : {"all", "none"}) {
        SCOPED_TRACE(std::string("MPBIND_MACRO_PROBE=") + mode);
        std::map<std::string, Macro> m = load_macros(mode);
        ASSERT_EQ(m.size(), 16u);
        EXPECT_EQ(m["S_HEX_ZEROS"].string_value, "A");
        EXPECT_EQ(m["V_HEX_ZEROS"].string_value, "A");
        EXPECT_EQ(m["S_OCT_FOUR"].string_value, "A2");
        EXPECT_EQ(m["V_OCT_FOUR"].string_value, "A2");
        EXPECT_EQ(m["S_SIMPLE"].string_value, "a\tb\\\"?");
        EXPECT_EQ(m["V_SIMPLE"].string_value, "a\tb\\\"?");
        EXPECT_EQ(m["V_CAT"].string_value, "a\tb\\\"?B");
        EXPECT_EQ(m["C_HEX_ZEROS"].int_value, 0x41);
        EXPECT_EQ(m["C_OCT"].int_value, 0x41);
        // Refused plain literals are excluded with the decoder's reason, probe or not.
        EXPECT_EQ(m["S_HEX_WIDE"].info.binding.status, Status::Excluded);
        EXPECT_EQ(m["S_HEX_WIDE"].info.binding.reason,
                  "string literal not decoded: hexadecimal escape \\x414 does not fit a char");
        EXPECT_EQ(m["S_OCT_WIDE"].info.binding.reason,
                  "string literal not decoded: octal escape \\400 does not fit a char");
        EXPECT_EQ(m["S_UNKNOWN"].string_value, "q\x1b");
        EXPECT_EQ(m["V_UNKNOWN"].string_value, "q\x1b");
        EXPECT_EQ(m["S_UCN"].string_value, "\xc3\xa9");
        // clang refuses the wide escape too (an error in the probe parse), through another macro.
        EXPECT_EQ(m["V_HEX_WIDE"].info.binding.status, Status::Excluded);
    }
    // The default path (the evaluator, then the probe for the rest) gives the same values.
    std::map<std::string, Macro> d = load_macros(nullptr);
    EXPECT_EQ(d["V_UCN"].string_value, "\xc3\xa9");
    EXPECT_EQ(d["V_OCT_FOUR"].string_value, "A2");
}

} // namespace
