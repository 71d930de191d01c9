// Unit tests of the IR arena: interning, canonical types, and the invariant checker.
#include <gtest/gtest.h>

#include "ir/module.h"
#include "ir/verify.h"

using namespace mpbind::ir;

namespace {

TypeId int_type(Module &m) {
    Type t;
    t.kind = TypeKind::Int;
    t.prim = Prim::Int;
    t.is_signed = true;
    t.spelling = "int";
    return m.intern(t);
}

TEST(Ir, InterningGivesOneIdPerStructure) {
    Module m;
    TypeId a = int_type(m);
    TypeId b = int_type(m);
    EXPECT_EQ(a, b);
    Type p;
    p.kind = TypeKind::Pointer;
    p.inner = a;
    TypeId pa = m.intern(p);
    EXPECT_NE(pa, a);
    EXPECT_EQ(m.intern(p), pa);
    p.is_const = true; // a qualifier makes a different type
    EXPECT_NE(m.intern(p), pa);
}

// Every field of a type's structure tells it apart, the parameters of a function type included (their number
// too), and the marks a declaration gives (mp_obj_t, an unsupported type's description).
TEST(Ir, InterningTellsEveryFieldApart) {
    Module m;
    TypeId i = int_type(m);
    Type f;
    f.kind = TypeKind::Function;
    f.ret = i;
    f.params = {i};
    TypeId one = m.intern(f);
    f.params = {i, i};
    TypeId two = m.intern(f);
    f.variadic = true;
    TypeId var = m.intern(f);
    EXPECT_NE(one, two);
    EXPECT_NE(two, var);
    f.params = {};
    f.variadic = false;
    EXPECT_NE(m.intern(f), one) << "no parameters is not one";
    Type a;
    a.kind = TypeKind::Array;
    a.inner = i;
    TypeId incomplete = m.intern(a);
    a.array_len = 0;
    TypeId empty = m.intern(a);
    EXPECT_NE(empty, incomplete) << "T[0] is not T[]";
    a.array_len = uint64_t{1} << 40; // a length beyond 32 bits
    EXPECT_NE(m.intern(a), empty);
    EXPECT_NE(m.intern(a), incomplete);
    Type p;
    p.kind = TypeKind::Pointer;
    p.inner = i;
    TypeId plain = m.intern(p);
    p.py_object = true;
    EXPECT_NE(m.intern(p), plain);
    Type u;
    u.kind = TypeKind::Unsupported;
    u.unsupported_what = "long double";
    TypeId ld = m.intern(u);
    u.unsupported_what = "__int128";
    EXPECT_NE(m.intern(u), ld);
    EXPECT_EQ(m.intern(u), m.intern(u));
}

TEST(Ir, CanonicalDefaultsToSelf) {
    Module m;
    TypeId a = int_type(m);
    EXPECT_EQ(m.canonical_id(a), a);
}

TEST(Ir, TypedIdsStartInvalid) {
    RecordId r;
    EXPECT_FALSE(r.valid());
    EXPECT_TRUE(RecordId{0}.valid());
}

TEST(Ir, VerifyAcceptsConsistentModule) {
    Module m;
    TypeId i = int_type(m);
    Function f;
    f.info.c_name = "f";
    f.info.py_name = "f";
    f.ret = i;
    Type ft;
    ft.kind = TypeKind::Function;
    ft.ret = i;
    f.type = m.intern(ft);
    m.add(f);
    EXPECT_TRUE(verify(m, Phase::Named).empty());
}

TEST(Ir, VerifyReportsDanglingIds) {
    Module m;
    TypeId i = int_type(m);
    Type p;
    p.kind = TypeKind::Pointer;
    p.inner = TypeId{42}; // nothing there
    m.intern(p);
    Function f;
    f.info.c_name = "f";
    f.ret = i;
    f.type = i;
    f.params.push_back({"x", "x", TypeId{}, std::nullopt});
    m.add(f);
    auto errors = verify(m, Phase::Parsed);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_NE(errors[0].find("dangling type id 42"), std::string::npos);
    EXPECT_NE(errors[1].find("parameter 'x'"), std::string::npos);
}

TEST(Ir, VerifyNamedPhaseWantsPythonNames) {
    Module m;
    TypeId i = int_type(m);
    Function f;
    f.info.c_name = "f";
    f.ret = i;
    f.type = i;
    m.add(f);
    EXPECT_TRUE(verify(m, Phase::Parsed).empty());
    auto errors = verify(m, Phase::Named);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("without Python name"), std::string::npos);
}

TEST(Ir, VerifyWantsReasonForUnbound) {
    Module m;
    Macro mc;
    mc.info.c_name = "X";
    mc.info.binding.status = Status::Skipped;
    m.add(mc);
    auto errors = verify(m, Phase::Parsed);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("no reason"), std::string::npos);
}

TEST(Ir, VerifyChecksGroupMembers) {
    Module m;
    Group g;
    g.py_name = "G";
    g.members.push_back({"A", EnumId{3}, 0, {}});
    m.add(g);
    auto errors = verify(m, Phase::Named);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("dangling enum member 'A'"), std::string::npos);
}

TEST(Ir, PrimNames) {
    EXPECT_STREQ(prim_name(Prim::LongDouble), "long double");
    EXPECT_STREQ(prim_name(Prim::ULongLong), "unsigned long long");
}

} // namespace
