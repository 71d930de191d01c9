// test_ctype.cpp: C declarators written from IR types parsed from headers (function pointers, arrays, const, records).
#include <gtest/gtest.h>

#include "pass_fixture.h"
#include "plan/ctype.h"

using namespace mpbind;

namespace {

// The type the typedef `name` of `text` aliases.
struct Typedefs {
    ir::Module m;
    explicit Typedefs(const std::string &text) : m(test::parsed(text)) {}
    ir::TypeId operator[](const std::string &name) const {
        for (const ir::Typedef &t : m.typedefs)
            if (t.info.c_name == name) return t.target;
        throw std::runtime_error("no typedef " + name);
    }
};

} // namespace

TEST(CDecl, Primitives) {
    Typedefs t("typedef int i_t;\n");
    EXPECT_EQ(plan::c_decl(t.m, t["i_t"]), "int");
    EXPECT_EQ(plan::c_decl(t.m, t["i_t"], "x"), "int x");
}

TEST(CDecl, PointerToConstChar) {
    Typedefs t("typedef const char *s_t;\n");
    EXPECT_EQ(plan::c_decl(t.m, t["s_t"]), "const char *");
    EXPECT_EQ(plan::c_decl(t.m, t["s_t"], "s"), "const char *s");
}

TEST(CDecl, FunctionPointerAndArray) {
    Typedefs t("typedef void (*cb_t)(int, void *);\ntypedef int a_t[4];\n");
    EXPECT_EQ(plan::c_decl(t.m, t["cb_t"]), "void (*)(int, void *)");
    EXPECT_EQ(plan::c_decl(t.m, t["cb_t"], "cb"), "void (*cb)(int, void *)");
    EXPECT_EQ(plan::c_decl(t.m, t["a_t"], "a"), "int a[4]");
}

TEST(CDecl, FunctionReturningFunctionPointer) {
    ir::Module m = test::parsed("void (*get(double d))(int);\n");
    EXPECT_EQ(plan::c_decl(m, test::function(m, "get").type, "get"), "void (*get(double))(int)");
}

TEST(CDecl, RecordUsesItsCSpelling) {
    Typedefs t("struct pt { int x; };\ntypedef struct pt *p_t;\ntypedef struct { int y; } anon_t;\ntypedef anon_t *q_t;\n");
    EXPECT_EQ(plan::c_decl(t.m, t["p_t"], "p"), "struct pt *p");
    EXPECT_EQ(plan::c_decl(t.m, t["q_t"], "q"), "anon_t *q");
}
