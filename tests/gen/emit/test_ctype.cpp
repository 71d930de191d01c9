// test_ctype.cpp: C declarators written from IR types (function pointers, arrays, const, records).
#include <gtest/gtest.h>

#include "emit/ctype.h"
#include "ir_builder.h"

using namespace mpbind;

TEST(CDecl, Primitives) {
    test::IrBuilder b;
    EXPECT_EQ(emit::c_decl(b.m, b.int_()), "int");
    EXPECT_EQ(emit::c_decl(b.m, b.int_(), "x"), "int x");
}

TEST(CDecl, PointerToConstChar) {
    test::IrBuilder b;
    EXPECT_EQ(emit::c_decl(b.m, b.pointer(b.char_(true))), "const char *");
    EXPECT_EQ(emit::c_decl(b.m, b.pointer(b.char_(true)), "s"), "const char *s");
}

TEST(CDecl, FunctionPointerAndArray) {
    test::IrBuilder b;
    ir::TypeId fn = b.function(b.void_(), {b.int_(), b.pointer(b.void_())});
    EXPECT_EQ(emit::c_decl(b.m, b.pointer(fn)), "void (*)(int, void *)");
    EXPECT_EQ(emit::c_decl(b.m, b.pointer(fn), "cb"), "void (*cb)(int, void *)");
    EXPECT_EQ(emit::c_decl(b.m, b.array(b.int_(), 4), "a"), "int a[4]");
    EXPECT_EQ(emit::c_decl(b.m, b.function(b.int_(), {}), "f"), "int f(void)");
}

TEST(CDecl, FunctionReturningFunctionPointer) {
    test::IrBuilder b;
    ir::TypeId cb = b.pointer(b.function(b.void_(), {b.int_()}));
    EXPECT_EQ(emit::c_decl(b.m, b.function(cb, {b.double_()}), "get"), "void (*get(double))(int)");
}

TEST(CDecl, RecordUsesItsCSpelling) {
    test::IrBuilder b;
    ir::RecordId r = b.record("pt", 8, {});
    EXPECT_EQ(emit::c_decl(b.m, b.pointer(b.m.record(r).type), "p"), "struct pt *p");
}
