// Unit tests of the clang front end: declarations and types of real headers translated into the IR.
#include <gtest/gtest.h>

#include "header_fixture.h"
#include "ir/verify.h"

using namespace mpbind;
using namespace mpbind::ir;
using test::find_named;
using test::load_text;

namespace {

const Function &fn(const clangw::LoadResult &r, const std::string &name) {
    const Function *f = find_named(r.module.functions, name);
    if (!f) throw std::runtime_error("no function " + name);
    return *f;
}

const Record &rec(const Module &m, const std::string &c_spelling) {
    for (const Record &r : m.records)
        if (r.c_spelling == c_spelling) return r;
    throw std::runtime_error("no record " + c_spelling);
}

const Macro &macro(const Module &m, const std::string &name) {
    const Macro *mc = find_named(m.macros, name);
    if (!mc) throw std::runtime_error("no macro " + name);
    return *mc;
}

TEST(Clang, IntegerWidthsAndTypedefChains) {
    auto r = load_text("#include <stdint.h>\n#include <stddef.h>\ntypedef unsigned char u8;\ntypedef u8 byte_t;\n"
                       "byte_t f(uint64_t a, int8_t b, size_t c, _Bool d, double e, float g, char h);\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    const Function &f = fn(r, "f");
    EXPECT_EQ(m.type(f.ret).kind, TypeKind::Typedef);
    EXPECT_EQ(m.type(f.ret).spelling, "byte_t");
    EXPECT_EQ(m.canonical(f.ret).prim, Prim::UChar);
    ASSERT_EQ(f.params.size(), 7u);
    EXPECT_EQ(f.params[0].c_name, "a");
    EXPECT_EQ(m.canonical(f.params[0].type).size, 8u);
    EXPECT_FALSE(m.canonical(f.params[0].type).is_signed);
    EXPECT_TRUE(m.canonical(f.params[1].type).is_signed);
    EXPECT_EQ(m.canonical(f.params[1].type).size, 1u);
    EXPECT_EQ(m.type(f.params[2].type).spelling, "size_t");
    EXPECT_EQ(m.canonical(f.params[3].type).kind, TypeKind::Bool);
    EXPECT_EQ(m.canonical(f.params[4].type).prim, Prim::Double);
    EXPECT_EQ(m.canonical(f.params[5].type).prim, Prim::Float);
    EXPECT_EQ(m.canonical(f.params[6].type).prim, Prim::Char);
    EXPECT_TRUE(verify(m, Phase::Parsed).empty());
}

TEST(Clang, PointersKeepConstAndCanonicalForm) {
    auto r = load_text("typedef struct node node_t;\nstruct node { node_t *next; };\n"
                       "const char *name(const node_t *n);\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    const Function &f = fn(r, "name");
    const Type &ret = m.type(f.ret);
    ASSERT_EQ(ret.kind, TypeKind::Pointer);
    EXPECT_TRUE(m.type(ret.inner).is_const);
    EXPECT_EQ(m.type(ret.inner).prim, Prim::Char);
    const Type &p = m.type(f.params[0].type);
    ASSERT_EQ(p.kind, TypeKind::Pointer);
    EXPECT_EQ(m.type(p.inner).kind, TypeKind::Typedef);
    const Type &pc = m.canonical(f.params[0].type);
    ASSERT_EQ(m.type(pc.inner).kind, TypeKind::Record);
    EXPECT_TRUE(m.type(pc.inner).is_const);
    EXPECT_EQ(m.record(m.type(pc.inner).record).c_spelling, "struct node");
}

TEST(Clang, StructFieldsOffsetsBitfieldsAnonymousMembers) {
    auto r = load_text("typedef struct {\n int a;\n union { int b; float c; };\n struct { short x; } pos;\n"
                       " unsigned flag : 3;\n unsigned mode : 2;\n const int k;\n char name[8];\n} thing_t;\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    const Record &t = rec(m, "thing_t");
    EXPECT_TRUE(t.complete);
    EXPECT_TRUE(t.anonymous);
    EXPECT_EQ(t.info.c_name, "");
    ASSERT_EQ(t.fields.size(), 7u);
    EXPECT_EQ(t.fields[0].offset_bits, 0u);
    EXPECT_TRUE(t.fields[1].anonymous);
    EXPECT_EQ(t.fields[1].offset_bits, 32u);
    const Record &u = m.record(m.canonical(t.fields[1].type).record);
    EXPECT_TRUE(u.is_union);
    EXPECT_EQ(u.parent.index, static_cast<uint32_t>(&t - m.records.data()));
    ASSERT_EQ(u.fields.size(), 2u);
    EXPECT_EQ(u.fields[1].c_name, "c");
    EXPECT_EQ(t.fields[2].c_name, "pos");
    EXPECT_FALSE(t.fields[2].anonymous);
    EXPECT_EQ(t.fields[3].bit_width.value_or(0), 3u);
    EXPECT_EQ(t.fields[4].bit_width.value_or(0), 2u);
    EXPECT_EQ(t.fields[4].offset_bits, t.fields[3].offset_bits + 3);
    EXPECT_TRUE(t.fields[5].is_const);
    const Type &arr = m.canonical(t.fields[6].type);
    ASSERT_EQ(arr.kind, TypeKind::Array);
    EXPECT_EQ(arr.array_len.value_or(0), 8u);
    EXPECT_EQ(t.size, 24u); // x86-64: a 0, union 4, pos 8, bitfields share 10..12, k 12, name 16..24
}

TEST(Clang, ArrayParametersDecayToPointers) {
    auto r = load_text("void f(int a[4], const char s[]);\n");
    ASSERT_TRUE(r.ok);
    const Function &f = fn(r, "f");
    EXPECT_EQ(r.module.canonical(f.params[0].type).kind, TypeKind::Pointer);
    EXPECT_EQ(r.module.canonical(f.params[1].type).kind, TypeKind::Pointer);
}

TEST(Clang, EnumsNamedAndAnonymous) {
    auto r = load_text("typedef enum { MODE_IN, MODE_OUT = 5 } mode_t_;\nenum color { RED = -2, GREEN };\n"
                       "enum { BIG = 0x80000000u };\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    ASSERT_EQ(m.enums.size(), 3u);
    EXPECT_EQ(m.enums[0].c_spelling, "mode_t_");
    EXPECT_TRUE(m.enums[0].anonymous);
    EXPECT_EQ(m.enums[0].constants[1].value, 5);
    EXPECT_EQ(m.enums[1].c_spelling, "enum color");
    EXPECT_EQ(m.enums[1].info.c_name, "color");
    EXPECT_EQ(m.enums[1].constants[0].value, -2);
    EXPECT_TRUE(m.enums[1].is_signed);
    EXPECT_TRUE(m.enums[2].anonymous);
    EXPECT_EQ(m.enums[2].c_spelling, "");
    EXPECT_FALSE(m.enums[2].is_signed);
    EXPECT_EQ(m.enums[2].constants[0].uvalue, 0x80000000u);
}

TEST(Clang, FunctionPointerTypesFullyRepresented) {
    auto r = load_text("typedef int (*cmp_t)(const void *a, const void *b);\n"
                       "void sort(void *base, cmp_t cmp, void (*done)(void *ud, int n), void *ud);\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    const Function &f = fn(r, "sort");
    const Type &cmp = m.canonical(f.params[1].type);
    ASSERT_EQ(cmp.kind, TypeKind::Pointer);
    const Type &cmp_fn = m.canonical(cmp.inner);
    ASSERT_EQ(cmp_fn.kind, TypeKind::Function);
    EXPECT_EQ(m.canonical(cmp_fn.ret).prim, Prim::Int);
    EXPECT_EQ(cmp_fn.params.size(), 2u);
    const Type &done_fn = m.canonical(m.canonical(f.params[2].type).inner);
    ASSERT_EQ(done_fn.kind, TypeKind::Function);
    EXPECT_EQ(m.canonical(done_fn.ret).kind, TypeKind::Void);
    EXPECT_EQ(done_fn.params.size(), 2u);
}

TEST(Clang, StaticInlineVariadicAndKAndR) {
    auto r = load_text("static inline int add(int a, int b) { return a + b; }\nint pr(const char *f, ...);\n"
                       "int old();\nint plain(void);\n");
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(fn(r, "add").is_inline);
    EXPECT_FALSE(fn(r, "plain").is_inline);
    EXPECT_TRUE(fn(r, "pr").variadic);
    EXPECT_TRUE(fn(r, "old").no_prototype);
    EXPECT_FALSE(fn(r, "plain").no_prototype);
    EXPECT_TRUE(fn(r, "plain").params.empty());
}

TEST(Clang, IncompleteStructIsOpaque) {
    auto r = load_text("struct handle;\nstruct handle *open_it(void);\n");
    ASSERT_TRUE(r.ok);
    const Record &h = rec(r.module, "struct handle");
    EXPECT_FALSE(h.complete);
    EXPECT_TRUE(h.fields.empty());
}

TEST(Clang, UnsupportedTypesAreRepresented) {
    auto r = load_text("long double ld(void);\n_Complex double cx(void);\n");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.module.canonical(fn(r, "ld").ret).prim, Prim::LongDouble);
    EXPECT_EQ(r.module.canonical(fn(r, "cx").ret).kind, TypeKind::Unsupported);
    EXPECT_EQ(r.module.canonical(fn(r, "cx").ret).unsupported_what, "_Complex");
}

TEST(Clang, MacroValues) {
    auto r = load_text("#define BIT3 (1 << 3)\n#define BOTH (BIT3 | OTHER)\n#define OTHER 0x10\n#define NEG (-5)\n"
                       "#define HUGE_U 0xFFFFFFFFFFFFFFFFull\n#define RATIO (1.5 * 2)\n#define NAME \"ab\" \"c\"\n"
                       "#define ESC \"t\\x41\\n\"\n#define EMPTY\n#define FN(x) ((x) + 1)\n#define NOTCONST foo_bar\n"
                       "#define TYPE unsigned int\n#define SZ sizeof(int)\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    EXPECT_EQ(macro(m, "BIT3").int_value, 8);
    EXPECT_EQ(macro(m, "BOTH").int_value, 0x18);
    EXPECT_EQ(macro(m, "NEG").int_value, -5);
    EXPECT_TRUE(macro(m, "HUGE_U").is_unsigned);
    EXPECT_EQ(macro(m, "HUGE_U").uint_value, UINT64_MAX);
    EXPECT_EQ(macro(m, "RATIO").kind, MacroKind::Float);
    EXPECT_DOUBLE_EQ(macro(m, "RATIO").float_value, 3.0);
    EXPECT_EQ(macro(m, "NAME").kind, MacroKind::String);
    EXPECT_EQ(macro(m, "NAME").string_value, "abc");
    EXPECT_EQ(macro(m, "ESC").string_value, "tA\n");
    EXPECT_EQ(macro(m, "SZ").int_value, static_cast<int64_t>(sizeof(int)));
    EXPECT_EQ(macro(m, "EMPTY").info.binding.reason, "empty macro");
    EXPECT_EQ(macro(m, "FN").info.binding.reason, "function-like macro");
    EXPECT_EQ(macro(m, "NOTCONST").info.binding.status, Status::Excluded);
    EXPECT_EQ(macro(m, "TYPE").info.binding.status, Status::Excluded);
    for (const char *bound : {"BIT3", "BOTH", "OTHER", "NEG", "HUGE_U", "RATIO", "NAME", "ESC", "SZ"})
        EXPECT_TRUE(macro(m, bound).info.binding.bound()) << bound;
}

// LVGL's lv_conf.h defines its month names twice (identically; C allows it) and headers #undef and redefine:
// the definition in force at the end is bound, the earlier one is excluded, naming where it was redefined.
TEST(Clang, RedefinedMacroBindsTheLastDefinition) {
    auto r = load_text("#define APRIL \"April\"\n#define LIMIT 1\n#define APRIL \"April\"\n#undef LIMIT\n"
                       "#define LIMIT 2\n#define ONCE 3\n");
    ASSERT_TRUE(r.ok);
    auto all = [&](const std::string &name) {
        std::vector<const Macro *> out;
        for (const Macro &mc : r.module.macros)
            if (mc.info.c_name == name) out.push_back(&mc);
        return out;
    };
    for (const char *name : {"APRIL", "LIMIT"}) {
        auto defs = all(name);
        ASSERT_EQ(defs.size(), 2u) << name;
        EXPECT_EQ(defs[0]->info.binding.status, Status::Excluded) << name;
        EXPECT_TRUE(defs[1]->info.binding.bound()) << name;
    }
    EXPECT_EQ(all("APRIL")[0]->info.binding.reason, "redefined at fixture.h:3");
    EXPECT_EQ(all("APRIL")[1]->string_value, "April");
    EXPECT_EQ(all("LIMIT")[0]->info.binding.reason, "redefined at fixture.h:5");
    EXPECT_EQ(all("LIMIT")[1]->int_value, 2);
    EXPECT_TRUE(macro(r.module, "ONCE").info.binding.bound());
}

TEST(Clang, OnlyBoundHeadersUnlessIncluded) {
    test::TempHeader h("#include \"dep.h\"\nvoid use(struct dep d);\n#define MINE 1\n", "main.h");
    h.add("dep.h", "struct dep { int x; };\nvoid dep_fn(void);\n#define DEP_MACRO 2\n");
    clangw::LoadOptions o;
    o.headers = {h.path()};
    auto r = clangw::load(o);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(find_named(r.module.functions, "dep_fn"), nullptr);
    EXPECT_EQ(find_named(r.module.macros, "DEP_MACRO"), nullptr);
    EXPECT_NE(find_named(r.module.macros, "MINE"), nullptr);
    // The by-value type from the other header is still resolvable, marked as not from a bound header.
    const Record &dep = rec(r.module, "struct dep");
    EXPECT_FALSE(dep.info.in_bound_header);
    EXPECT_EQ(dep.fields.size(), 1u);
    EXPECT_EQ(dep.info.loc.file, "dep.h");

    o.include_headers = "dep\\.h$";
    auto r2 = clangw::load(o);
    ASSERT_TRUE(r2.ok);
    EXPECT_NE(find_named(r2.module.functions, "dep_fn"), nullptr);
    EXPECT_NE(find_named(r2.module.macros, "DEP_MACRO"), nullptr);
}

TEST(Clang, SyntaxErrorGivesLocatedDiagnostic) {
    auto r = load_text("int ok(void);\nint broken(int x;\n");
    EXPECT_FALSE(r.ok);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_NE(r.diagnostics[0].find("fixture.h:2:"), std::string::npos) << r.diagnostics[0];
    EXPECT_NE(r.diagnostics[0].find("error:"), std::string::npos);
}

TEST(Clang, MissingHeaderIsAClearError) {
    clangw::LoadOptions o;
    o.headers = {"/nonexistent/nope.h"};
    auto r = clangw::load(o);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_NE(r.diagnostics[0].find("/nonexistent/nope.h: error: cannot open header"), std::string::npos);
}

TEST(Clang, ClangArgumentsArePassed) {
    auto r = load_text("#ifdef WANT\nint wanted(void);\n#endif\n", {"-DWANT=1"});
    ASSERT_TRUE(r.ok);
    EXPECT_NE(find_named(r.module.functions, "wanted"), nullptr);
}

TEST(Clang, SourceLocations) {
    auto r = load_text("\n\nint third(void);\n");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(fn(r, "third").info.loc.file, "fixture.h");
    EXPECT_EQ(fn(r, "third").info.loc.line, 3u);
    EXPECT_TRUE(fn(r, "third").info.in_bound_header);
}

} // namespace

namespace {

TEST(Clang, StringMacrosBuiltByThePreprocessor) {
    auto r = load_text("#define STR_(x) #x\n#define STR(x) STR_(x)\n#define VERSION_STRING STR(1.16.0)\n"
                       "#define NULL_PTR ((void *)0)\n#define WIDE L\"w\"\n");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(macro(r.module, "VERSION_STRING").kind, MacroKind::String);
    EXPECT_EQ(macro(r.module, "VERSION_STRING").string_value, "1.16.0");
    EXPECT_EQ(macro(r.module, "NULL_PTR").info.binding.status, Status::Excluded);
    EXPECT_EQ(macro(r.module, "WIDE").info.binding.status, Status::Excluded);
}

} // namespace

namespace {

TEST(Clang, ForwardDeclarationInBoundHeaderBindsTheStruct) {
    test::TempHeader h("#include \"priv.h\"\ntypedef struct obj obj_t;\nvoid obj_move(obj_t *o);\n", "pub.h");
    h.add("priv.h", "struct obj { int x; };\nstruct hidden { int y; };\n");
    clangw::LoadOptions o;
    o.headers = {h.path()};
    auto r = clangw::load(o);
    ASSERT_TRUE(r.ok);
    const Record &obj = rec(r.module, "struct obj");
    EXPECT_TRUE(obj.info.in_bound_header);
    EXPECT_TRUE(obj.complete);
    EXPECT_EQ(obj.info.loc.file, "priv.h"); // the definition's location
    for (const Record &x : r.module.records) EXPECT_NE(x.c_spelling, "struct hidden"); // never referenced
}

} // namespace

namespace {

TEST(Clang, RedeclaredFunctionOnce) {
    auto r = load_text("int twice(int a);\nint twice(int b);\n");
    ASSERT_TRUE(r.ok);
    size_t n = 0;
    for (const Function &f : r.module.functions) n += f.info.c_name == "twice" ? 1 : 0;
    EXPECT_EQ(n, 1u);
    EXPECT_EQ(fn(r, "twice").params[0].c_name, "a");
}

TEST(Clang, UnavailableFunctionSkipped) {
    auto r = load_text("void gone(void) __attribute__((unavailable(\"removed\")));\n");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(fn(r, "gone").info.binding.reason, "marked unavailable");
}

} // namespace

namespace {

TEST(Clang, AnonymousUnionsOfSameShapeStayDistinct) {
    auto r = load_text("typedef struct {\n union { int mosi; int data0; };\n union { int miso; int data1; };\n"
                       "} bus_t;\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    const Record &bus = rec(m, "bus_t");
    ASSERT_EQ(bus.fields.size(), 2u);
    const Record &u0 = m.record(m.canonical(bus.fields[0].type).record);
    const Record &u1 = m.record(m.canonical(bus.fields[1].type).record);
    EXPECT_NE(&u0, &u1);
    EXPECT_EQ(u0.fields[0].c_name, "mosi");
    EXPECT_EQ(u1.fields[0].c_name, "miso");
    EXPECT_EQ(bus.fields[1].offset_bits, 32u);
}

TEST(Clang, MpObjTIsMarkedAsPythonObject) {
    auto r = load_text("typedef void *mp_obj_t;\ntypedef mp_obj_t my_obj_t;\n"
                       "mp_obj_t f(mp_obj_t a, my_obj_t b, const mp_obj_t c, void *d);\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    const Function &f = fn(r, "f");
    EXPECT_TRUE(m.type(f.ret).py_object);
    EXPECT_TRUE(m.type(f.params[0].type).py_object);
    EXPECT_TRUE(m.type(f.params[1].type).py_object);
    EXPECT_TRUE(m.type(f.params[2].type).py_object);
    EXPECT_FALSE(m.type(f.params[3].type).py_object);
    EXPECT_EQ(m.canonical(f.params[0].type).kind, TypeKind::Pointer); // the canonical form is the plain pointer
}

} // namespace

namespace {

TEST(Clang, HeaderPathThatCannotBeIncludedIsRejected) {
    clangw::LoadOptions o;
    o.headers = {"we\"ird.h"};
    auto r = clangw::load(o);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_NE(r.diagnostics[0].find("contains a quote or newline"), std::string::npos);
}

} // namespace

#include "clang/macro_tokens.h"

namespace {

// Bodies that are no C expression never reach the probe parse (clang-19 hangs on `(::)` in C).
TEST(MacroTokens, OnlyConstantExpressionTokensAreProbed) {
    using clangw::probe_refusal;
    EXPECT_EQ(probe_refusal({"(", "1", "<<", "3", ")"}), "");
    EXPECT_EQ(probe_refusal({"(", "unsigned", ")", "-", "1", "?", "'a'", ":", "0x1p-3"}), "");
    EXPECT_EQ(probe_refusal({"sizeof", "(", "struct", "s", ")", "*", "L\"w\"", "[", "0", "]"}), "");
    EXPECT_EQ(probe_refusal({"::"}), "token '::' cannot appear in a C constant expression");
    EXPECT_EQ(probe_refusal({"a", ":", ":", "b"}), "token '::' cannot appear in a C constant expression");
    for (const char *bad : {"{", "}", ";", "=", "+=", "#", "##", "...", "@", "$", "\\"})
        EXPECT_NE(probe_refusal({"(", "1", bad, ")"}), "") << bad;
    EXPECT_EQ(probe_refusal({"(", "1", "]"}), "unbalanced brackets");
    EXPECT_EQ(probe_refusal({"(", "1"}), "unbalanced brackets");
    std::vector<std::string> deep(clangw::max_probe_depth + 1, "(");
    deep.push_back("1");
    deep.insert(deep.end(), clangw::max_probe_depth + 1, ")");
    EXPECT_NE(probe_refusal(deep).find("nested deeper"), std::string::npos);
    std::vector<std::string> long_body(clangw::max_probe_tokens + 1, "1");
    EXPECT_NE(probe_refusal(long_body).find("too long"), std::string::npos);
}

TEST(Clang, MacroProbeSkipsNonExpressionsAndTheirUsers) {
    // Without the token check this parse never returns (the test then times out).
    auto r = load_text("#define SCOPE ::\n#define USES SCOPE\n#define USES_USES (USES + 1)\n#define ASSIGN x = 1\n"
                       "#define OK (1 + 2)\n#define TERN (OK > 2 ? 'a' : 0)\nint f(void);\n");
    ASSERT_TRUE(r.ok);
    const Module &m = r.module;
    EXPECT_EQ(macro(m, "SCOPE").info.binding.status, Status::Excluded);
    EXPECT_NE(macro(m, "SCOPE").info.binding.reason.find("token '::'"), std::string::npos);
    EXPECT_NE(macro(m, "USES").info.binding.reason.find("uses macro SCOPE"), std::string::npos);
    EXPECT_NE(macro(m, "USES_USES").info.binding.reason.find("uses macro USES"), std::string::npos);
    EXPECT_NE(macro(m, "ASSIGN").info.binding.reason.find("token '='"), std::string::npos);
    EXPECT_EQ(macro(m, "OK").int_value, 3);
    EXPECT_EQ(macro(m, "TERN").int_value, 'a');
}

TEST(Clang, ManyMacrosAreProbedInBatches) {
    std::string text;
    const int n = 4500; // more than two probe batches
    for (int i = 0; i < n; ++i) text += "#define M" + std::to_string(i) + " (" + std::to_string(i) + " * 2)\n";
    auto r = load_text(text);
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.module.macros.size(), static_cast<size_t>(n));
    for (int i : {0, 1999, 2000, 2001, 4499}) {
        const Macro &mc = macro(r.module, "M" + std::to_string(i));
        EXPECT_TRUE(mc.info.binding.bound()) << i;
        EXPECT_EQ(mc.int_value, 2 * i);
    }
}

TEST(Clang, AvailabilityIsRecorded) {
    auto r = load_text("__attribute__((deprecated)) int old_api(int x);\nint new_api(int x);\n"
                       "struct __attribute__((deprecated(\"use t2\"))) t1 { int a; };\n"
                       "typedef int gone_t __attribute__((unavailable));\n");
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(fn(r, "old_api").info.deprecated);
    EXPECT_FALSE(fn(r, "new_api").info.deprecated);
    EXPECT_TRUE(rec(r.module, "struct t1").info.deprecated);
    EXPECT_TRUE(find_named(r.module.typedefs, "gone_t")->info.unavailable);
}

} // namespace

namespace {

// Without -std, headers are parsed as strict C99, as the module is compiled; an explicit -std wins.
TEST(Clang, DefaultStandardIsStrictC99) {
    const std::string text = "#if __STDC_VERSION__ == 199901L && defined(__STRICT_ANSI__)\nint strict_c99(void);\n"
                             "#else\nint other_mode(void);\n#endif\n";
    auto r = load_text(text);
    ASSERT_TRUE(r.ok);
    EXPECT_NE(find_named(r.module.functions, "strict_c99"), nullptr);
    auto gnu = load_text(text, {"-std=gnu11"});
    ASSERT_TRUE(gnu.ok);
    EXPECT_NE(find_named(gnu.module.functions, "other_mode"), nullptr);
}

} // namespace

namespace {

// Global variables are represented with their storage class and constness (the variables pass decides).
TEST(Clang, VariablesRecordExternAndConst) {
    auto r = load_text("struct font { int h; };\nextern const struct font font_12;\nextern int counter;\n"
                       "extern const char *const version;\nextern const char *name;\nint tentative;\n");
    ASSERT_TRUE(r.ok);
    const auto *font = find_named(r.module.variables, "font_12");
    ASSERT_NE(font, nullptr);
    EXPECT_TRUE(font->is_extern);
    EXPECT_TRUE(font->is_const);
    EXPECT_EQ(r.module.canonical(font->type).kind, TypeKind::Record);
    EXPECT_FALSE(find_named(r.module.variables, "counter")->is_const);
    EXPECT_TRUE(find_named(r.module.variables, "version")->is_const);
    EXPECT_FALSE(find_named(r.module.variables, "name")->is_const); // the pointer itself can change
    EXPECT_FALSE(find_named(r.module.variables, "tentative")->is_extern);
    EXPECT_TRUE(font->info.binding.bound());
}

} // namespace

namespace {

// `::` through another header: a bound macro that only names a `::` macro of an included header is refused too.
TEST(Clang, MacroProbeRefusesScopeTokensFromOtherHeaders) {
    test::TempHeader h("#include \"dep.h\"\n#define MINE OTHER_SCOPE\n#define VIA_FN WRAP(1)\n#define FINE DEP_ONE\n",
                       "main.h");
    h.add("dep.h", "#define DEP_SCOPE ::\n#define OTHER_SCOPE DEP_SCOPE\n#define WRAP(x) x DEP_SCOPE\n"
                   "#define DEP_ONE 1\n");
    clangw::LoadOptions o;
    o.headers = {h.path()};
    auto r = clangw::load(o); // without the check this never returns
    ASSERT_TRUE(r.ok);
    EXPECT_NE(macro(r.module, "MINE").info.binding.reason.find("uses macro OTHER_SCOPE, which expands to '::'"),
              std::string::npos);
    EXPECT_NE(macro(r.module, "VIA_FN").info.binding.reason.find("uses macro WRAP"), std::string::npos);
    EXPECT_EQ(macro(r.module, "FINE").int_value, 1);
}

} // namespace

namespace {

// A long chain of macros ending in a refused one is refused whole, in linear time.
TEST(Clang, LongMacroChainsAreRefusedWhole) {
    std::string text = "#define C0 ::\n";
    const int n = 3000;
    for (int i = 1; i < n; ++i) text += "#define C" + std::to_string(i) + " (C" + std::to_string(i - 1) + ")\n";
    auto r = load_text(text);
    ASSERT_TRUE(r.ok);
    const std::string &last = macro(r.module, "C" + std::to_string(n - 1)).info.binding.reason;
    EXPECT_NE(last.find("uses macro C" + std::to_string(n - 2)), std::string::npos) << last;
    for (const Macro &mc : r.module.macros) EXPECT_EQ(mc.info.binding.status, Status::Excluded) << mc.info.c_name;
}

} // namespace
