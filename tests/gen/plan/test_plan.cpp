// test_plan.cpp: the emission plan of headers run through the real passes: callback conventions as typed variants
// with resolved offsets, member designators for the target compiler, symbols, include spellings, and the report
// model agreeing with what is emitted.
#include <gtest/gtest.h>

#include <filesystem>

#include "generate_fixture.h"
#include "pass_fixture.h"
#include "plan/symbols.h"

using namespace mpbind;
using test::generate;

namespace {

const plan::Callback &callback(const plan::Plan &p, const std::string &where) {
    for (const plan::Callback &cb : p.callbacks)
        if (cb.where == where) return cb;
    throw std::runtime_error("no callback " + where);
}

const plan::FieldRow &row(const plan::Plan &p, const std::string &cls, const std::string &field) {
    for (const plan::Class &c : p.classes)
        if (c.name == cls)
            for (const plan::FieldRow &r : c.rows)
                if (r.py_name == field) return r;
    throw std::runtime_error("no row " + cls + "." + field);
}

} // namespace

TEST(PlanCallbacks, StructArgumentConventionResolvesBothUserOffsets) {
    plan::Plan p = generate("struct drv { int w; void *user_data; void (*flush_cb)(struct drv *d, int n); };\n").plan;
    const plan::Callback &cb = callback(p, "field flush_cb of struct drv");
    const auto *c = std::get_if<plan::cb::StructArg>(&cb.convention);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->ctx_arg, 0u);
    EXPECT_EQ(c->ctx.offset.bytes, 8u);
    EXPECT_EQ(c->ctx.offset.record_c, "struct drv");
    EXPECT_EQ(c->ctx.offset.designator, "user_data");
    EXPECT_EQ(c->owner.kind, plan::UserRef::Kind::Field);
    EXPECT_EQ(c->owner.offset.bytes, 8u);
    ASSERT_NE(cb.slot_desc, plan::none);
    EXPECT_EQ(p.slots[cb.slot_desc].symbol, "mp_fx_drv_flush_cb_slot");
    EXPECT_EQ(p.trampolines[cb.trampoline].symbol, "mp_fx_drv_flush_cb_tramp");
}

// Slots whose trampolines would differ only in the slot share one body; another struct class, C type or context
// argument is another body.
TEST(PlanCallbacks, SlotsOfOneShapeShareATrampolineBody) {
    plan::Plan p = generate("struct drv { void *user_data; void (*a_cb)(struct drv *d, int n);\n"
                            "  void (*b_cb)(struct drv *d, int n); void (*c_cb)(struct drv *d, unsigned n);\n"
                            "  void (*d_cb)(struct drv *d, int n, struct drv *other); };\n"
                            "struct pane { void *user_data; void (*e_cb)(struct pane *p, int n); };\n")
                        .plan;
    auto tramp = [&](const char *where) { return &p.trampolines[callback(p, where).trampoline]; };
    const plan::Trampoline *a = tramp("field a_cb of struct drv"), *b = tramp("field b_cb of struct drv");
    EXPECT_NE(a, b) << "each slot keeps its own trampoline (its own C address)";
    EXPECT_EQ(a->body, static_cast<size_t>(a - p.trampolines.data()));
    EXPECT_EQ(b->body, a->body);
    EXPECT_EQ(tramp("field c_cb of struct drv")->body, plan::none);
    EXPECT_EQ(tramp("field d_cb of struct drv")->body, plan::none);
    EXPECT_EQ(tramp("field e_cb of struct pane")->body, plan::none);
}

TEST(PlanCallbacks, ClosureConventionIndexesEachCallbackSharingTheUserData) {
    plan::Plan p = generate("int reg(void *db, void *user, int (*cmp)(void *, int), void (*destroy)(void *));\n").plan;
    const auto *cmp = std::get_if<plan::cb::Closure>(&callback(p, "parameter cmp of reg").convention);
    const auto *destroy = std::get_if<plan::cb::Closure>(&callback(p, "parameter destroy of reg").convention);
    ASSERT_TRUE(cmp && destroy);
    EXPECT_EQ(cmp->user_param, 1u);
    EXPECT_EQ(cmp->index, 0u);
    EXPECT_EQ(destroy->index, 1u);
    ASSERT_EQ(p.wrappers.size(), 1u);
    ASSERT_EQ(p.wrappers[0].closures.size(), 1u);
    EXPECT_EQ(p.wrappers[0].closures[0].instance_param, std::optional<size_t>(0)) << "db identifies the registration";
}

TEST(PlanCallbacks, FirstArgumentRegistrationKeepsInTheRootsWhenTheCallbackGetsAnotherStruct) {
    plan::Plan p = generate("typedef struct obj { void *user_data; } obj_t;\ntypedef struct ev { void *user_data; } ev_t;\n"
                            "void obj_on(obj_t *o, void (*cb)(ev_t *e));\nvoid obj_self(obj_t *o, void (*cb)(obj_t *o));\n")
                       .plan;
    const auto *other = std::get_if<plan::cb::FirstArg>(&callback(p, "parameter cb of obj_on").convention);
    const auto *same = std::get_if<plan::cb::FirstArg>(&callback(p, "parameter cb of obj_self").convention);
    ASSERT_TRUE(other && same);
    EXPECT_EQ(other->owner.kind, plan::UserRef::Kind::None);
    EXPECT_EQ(other->ctx.record_c, "struct ev");
    EXPECT_EQ(same->owner.kind, plan::UserRef::Kind::Field);
    EXPECT_EQ(same->owner.record_c, "struct obj");
}

TEST(PlanCallbacks, OwnUserFieldHandedToTheCallback) {
    passes::Options opt;
    opt.user_fields = {{"stream", "opaque"}};
    plan::Plan p = generate("struct stream { void *(*zalloc)(void *opaque, unsigned n); void *opaque; };\n", opt).plan;
    const plan::Callback &cb = callback(p, "field zalloc of struct stream");
    const auto *c = std::get_if<plan::cb::OwnUserData>(&cb.convention);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->owner.field, "opaque");
    EXPECT_EQ(c->owner.offset.bytes, 8u);
    EXPECT_EQ(p.slots[cb.slot_desc].ctx.kind, plan::UserRef::Kind::IsArg);
}

TEST(PlanCallbacks, WhatNoTrampolineCanCarryIsCAddressOnlyWithTheReason) {
    plan::Plan p = generate("typedef struct { int x; } pt_t;\nvoid make(pt_t (*f)(void *u), void *u);\n"
                            "void plain(void (*f)(int));\n")
                       .plan;
    const auto *ret = std::get_if<plan::cb::AddressOnly>(&callback(p, "parameter f of make").convention);
    ASSERT_NE(ret, nullptr);
    EXPECT_EQ(ret->reason, "no trampoline for a callback returning a struct by value");
    const auto *plain = std::get_if<plan::cb::AddressOnly>(&callback(p, "parameter f of plain").convention);
    ASSERT_NE(plain, nullptr);
    EXPECT_NE(plain->reason.find("no user_data convention"), std::string::npos);
    ASSERT_EQ(p.address_only.size(), 2u);
    EXPECT_EQ(p.address_only[0].what, "callback parameter f of make");
    EXPECT_TRUE(p.skipped.empty()) << "a slot that takes C addresses is bound, not skipped";
}

TEST(PlanCallbacks, UserFieldBeyondTheSlotsReachIsCAddressOnly) {
    plan::Plan p = generate("struct far { char pad[40000]; void *user_data; void (*cb)(struct far *f); };\n"
                            "void reg(struct far *f, void (*cb)(struct far *f));\n")
                       .plan;
    const auto *c = std::get_if<plan::cb::AddressOnly>(&callback(p, "parameter cb of reg").convention);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->reason, "user field 'user_data' of struct far lies at byte 40000 (a callback slot reaches 32767)");
    // A field still gets per-instance trampolines: nothing needs the far user field.
    const auto *pool = std::get_if<plan::cb::Pool>(&callback(p, "field cb of struct far").convention);
    ASSERT_NE(pool, nullptr);
    EXPECT_EQ(pool->size, 8u);
}

// A row's offset is the compiler's, offsetof(record_c, designator) - offsetof(record_c, base), with the bytes mpbind
// computed for its target beside it.
TEST(PlanLayout, RowsCarryTheirMemberDesignator) {
    plan::Plan p = generate("struct outer { int a; struct { int b; short c; } inner; union { int u; float f; }; };\n").plan;
    const plan::FieldRow &u = row(p, "outer", "u");
    EXPECT_EQ(u.offset.bytes, 12u);
    EXPECT_EQ(u.offset.record_c, "struct outer");
    EXPECT_EQ(u.offset.designator, "u") << "members of anonymous members are named directly";
    EXPECT_EQ(u.offset.base, "");
    const plan::FieldRow &c = row(p, "outer_inner", "c");
    EXPECT_EQ(c.offset.bytes, 4u) << "relative to the nested record's own start";
    EXPECT_EQ(c.offset.record_c, "struct outer");
    EXPECT_EQ(c.offset.designator, "inner.c");
    EXPECT_EQ(c.offset.base, "inner");
    EXPECT_EQ(c.offset.c, "(offsetof(struct outer, inner.c) - offsetof(struct outer, inner))");
    EXPECT_EQ(u.offset.c, "offsetof(struct outer, u)");
}

// Bit positions are mpbind's: a bit-field row keeps the byte it computed, and the class checks the layout it was
// computed in; the other rows check the width their type code assumes.
TEST(PlanLayout, BitfieldsKeepTheirBytesAndAreCheckedWithTheLayout) {
    plan::Plan p = generate("struct flags { char tag; unsigned ready : 1; unsigned mode : 3; long stamp; };\n").plan;
    EXPECT_EQ(row(p, "flags", "mode").offset.c, "1");
    const plan::Class *cls = nullptr;
    for (const plan::Class &c : p.classes)
        if (c.name == "flags") cls = &c;
    ASSERT_NE(cls, nullptr);
    EXPECT_EQ(cls->size_c, "sizeof(struct flags)");
    ASSERT_EQ(cls->checks.size(), 3u);
    EXPECT_EQ(cls->checks[0].condition, "sizeof(((struct flags *)0)->tag) == 1");
    EXPECT_EQ(cls->checks[1].what, "struct flags.stamp (long) is 8 bytes");
    EXPECT_EQ(cls->checks[2].condition,
              "sizeof(struct flags) == 16 && offsetof(struct flags, tag) == 0 && offsetof(struct flags, stamp) == 8");
}

// The module's own checks: the scalar types crossing wrappers and trampolines by value, each once.
TEST(PlanLayout, TargetChecksNameEachScalarTypeOnce) {
    plan::Plan p = generate("short f(short a, unsigned long b);\nshort g(short a);\n", {}, "arm-linux-gnueabihf").plan;
    EXPECT_EQ(p.target, "arm-linux-gnueabihf");
    ASSERT_EQ(p.target_checks.size(), 2u);
    EXPECT_EQ(p.target_checks[0].condition, "sizeof(short) == 2");
    EXPECT_EQ(p.target_checks[1].what, "unsigned long is 4 bytes");
}

TEST(PlanSymbols, FamiliesNeverOverlap) {
    plan::Symbols s("m");
    EXPECT_EQ(s.family("foo", {"", "_obj"}), "mp_m_foo");
    EXPECT_EQ(s.family("foo_obj", {""}), "mp_m_foo_obj_2");
    EXPECT_EQ(s.family("foo", {"_type"}), "mp_m_foo");
    EXPECT_EQ(s.family("foo", {"_obj"}), "mp_m_foo_2");
    plan::Symbols module("x");
    EXPECT_EQ(module.family("module", {"", "_globals"}), "mp_x_module") << "its own prefix, not mp_module_x";
}

TEST(PlanHeaders, IncludedAsFoundThroughTheIncludePath) {
    test::TempHeader h("int f(void);\n", "geom.h");
    std::string sub = h.add("sub_geom.h", "int g(void);\n");
    EXPECT_EQ(plan::include_spelling(h.path(), {"-I" + h.dir()}), "geom.h");
    EXPECT_EQ(plan::include_spelling(h.path(), {"-I", h.dir()}), "geom.h");
    EXPECT_EQ(plan::include_spelling(h.path(), {"-isystem" + h.dir() + "/.."}),
              std::filesystem::path(h.dir()).filename().string() + "/geom.h");
    EXPECT_EQ(plan::include_spelling("/usr/include/stdio.h", {}), "stdio.h");
    EXPECT_EQ(plan::include_spelling(h.path(), {"-I/nonexistent"}), h.path()) << "no include directory holds it";
}

// What --json and --strict say is what is emitted: every bound function has a function object, every skip is
// absent from the C file.
TEST(PlanReport, DeclarationsAgreeWithTheEmittedModule) {
    test::Generated g = generate("int ok(int a);\nint var(int n, ...);\nstruct s { int x; long double y; };\n"
                                 "#define INF_F (1.0 / 0.0)\n#define SMALL 3\n");
    size_t bound_functions = 0;
    for (const plan::Decl &d : g.plan.decls)
        if (d.kind == plan::Decl::Kind::Function && d.status == ir::Status::Bound) ++bound_functions;
    EXPECT_EQ(bound_functions, g.plan.functions.size());
    ASSERT_EQ(g.plan.skipped.size(), 3u);
    EXPECT_EQ(g.plan.skipped[0].what, "function var");
    EXPECT_EQ(g.plan.skipped[1].what, "field struct s.y");
    EXPECT_EQ(g.plan.skipped[2].what, "macro INF_F");
    for (const char *absent : {"MP_QSTR_var)", "MP_QSTR_y,", "MP_QSTR_INF_F)"})
        EXPECT_EQ(g.c.find(absent), std::string::npos) << absent;
}

TEST(PlanOrder, ThePlanNeedsThePasses) {
    ir::Module m = test::parsed("int f(void);\n");
    EXPECT_THROW(plan::build(m, plan::Options{"m", {}}), std::logic_error);
}
