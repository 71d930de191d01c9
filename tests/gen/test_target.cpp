// Unit tests of target handling in the clang front end: layouts computed for the triple a firmware is built for.
#include <gtest/gtest.h>

#include "header_fixture.h"

using namespace mpbind;
using namespace mpbind::ir;

namespace {

// The builtin type macros keep the header free of the target's C library.
const char *const mixed_header = "typedef __INT64_TYPE__ i64;\ntypedef __SIZE_TYPE__ size_t;\n"
                                 "struct mixed { char c; void *p; i64 big; char tag; int bits : 5; long l; size_t n; };\n"
                                 "void take(int a[4]);\n";

clangw::LoadResult load_for(const std::string &target, const std::string &text = mixed_header) {
    test::TempHeader h(text);
    clangw::LoadOptions o;
    o.headers = {h.path()};
    o.target = target;
    return clangw::load(o);
}

const Record &mixed(const Module &m) {
    for (const Record &r : m.records)
        if (r.c_spelling == "struct mixed") return r;
    throw std::runtime_error("no struct mixed");
}

std::vector<uint64_t> offsets(const Record &r) {
    std::vector<uint64_t> out;
    for (const Field &f : r.fields) out.push_back(f.offset_bits);
    return out;
}

TEST(Target, LayoutsAreTheTargetsNotTheHosts) {
    auto x64 = load_for("x86_64-linux-gnu");
    auto arm = load_for("arm-linux-gnueabihf");
    ASSERT_TRUE(x64.ok && arm.ok);
    // x86-64: p 8, big 16, tag 24, bits in the int at 24 (bit 200), l 32, n 40, size 48.
    EXPECT_EQ(offsets(mixed(x64.module)), (std::vector<uint64_t>{0, 64, 128, 192, 200, 256, 320}));
    EXPECT_EQ(mixed(x64.module).size, 48u);
    // armhf: 4-byte pointers, long and size_t, but int64_t still aligned to 8 (ARM EABI; i386 would say 4).
    EXPECT_EQ(offsets(mixed(arm.module)), (std::vector<uint64_t>{0, 32, 64, 128, 136, 160, 192}));
    EXPECT_EQ(mixed(arm.module).size, 32u);
    EXPECT_EQ(x64.module.target.pointer_bytes, 8u);
    EXPECT_EQ(arm.module.target.pointer_bytes, 4u);
    EXPECT_EQ(arm.module.target.triple, "arm-linux-gnueabihf");
    EXPECT_EQ(arm.module.target.clang_triple.rfind("arm", 0), 0u) << arm.module.target.clang_triple;
}

TEST(Target, DecayedArrayParametersTakeTheTargetsPointerSize) {
    auto arm = load_for("arm-linux-gnueabihf");
    ASSERT_TRUE(arm.ok);
    const Function *take = test::find_named(arm.module.functions, "take");
    ASSERT_NE(take, nullptr);
    EXPECT_EQ(arm.module.canonical(take->params[0].type).kind, TypeKind::Pointer);
    EXPECT_EQ(arm.module.canonical(take->params[0].type).size, 4u);
}

// clang 19 has no Xtensa target: a stand-in with its C layout (ILP32, 8-byte int64 alignment, unsigned char, 16-bit
// wchar_t) is parsed for, and the module still names the triple asked for.
TEST(Target, XtensaIsParsedWithAStandInOfTheSameLayout) {
    auto xt = load_for("xtensa-lx106-elf", std::string(mixed_header) + "typedef __WCHAR_TYPE__ wchar_t;\n"
                                                                      "struct chars { char c; wchar_t w; };\n");
    ASSERT_TRUE(xt.ok) << (xt.diagnostics.empty() ? "" : xt.diagnostics[0]);
    EXPECT_EQ(xt.module.target.triple, "xtensa-lx106-elf");
    EXPECT_EQ(xt.module.target.clang_triple.rfind("armv7", 0), 0u) << xt.module.target.clang_triple;
    EXPECT_EQ(xt.module.target.pointer_bytes, 4u);
    EXPECT_EQ(mixed(xt.module).size, 32u);
    for (const Record &r : xt.module.records) {
        if (r.c_spelling != "struct chars") continue;
        EXPECT_EQ(r.size, 4u) << "wchar_t has 16 bits on Xtensa";
        EXPECT_FALSE(xt.module.canonical(r.fields[0].type).is_signed) << "char is unsigned on Xtensa";
    }
}

TEST(Target, UnknownTripleIsAClearError) {
    auto bad = load_for("nonsense-cpu-elf");
    EXPECT_FALSE(bad.ok);
    ASSERT_FALSE(bad.diagnostics.empty());
    EXPECT_NE(bad.diagnostics[0].find("'nonsense-cpu-elf'"), std::string::npos) << bad.diagnostics[0];
}

TEST(Target, WithoutTargetTheHostIsNamed) {
    auto host = load_for("");
    ASSERT_TRUE(host.ok);
    EXPECT_FALSE(host.module.target.triple.empty());
    EXPECT_EQ(host.module.target.triple, host.module.target.clang_triple);
    EXPECT_EQ(host.module.target.pointer_bytes, sizeof(void *));
}

} // namespace
