// Unit tests of the variables pass: which global variables become module attributes, and the reasons of the others.
#include <gtest/gtest.h>

#include "pass_fixture.h"
#include "passes/pipeline.h"
#include "passes/variables.h"

using namespace mpbind;
using namespace mpbind::ir;
using namespace mpbind::test;

namespace {

const Variable &variable(const Module &m, const std::string &name) {
    const Variable *v = find_named(m.variables, name);
    if (!v) throw std::runtime_error("no variable " + name);
    return *v;
}

constexpr const char *globals_header =
    "typedef struct { int h; } font_t;\nstruct opaque;\n"
    "extern const font_t font_12;\nextern font_t font_custom;\nextern struct opaque the_opaque;\n"
    "extern int counter;\nextern const int version;\nextern const char *greeting;\nextern float scale;\n"
    "enum mode { M_A, M_B };\nextern enum mode mode;\nextern font_t *current;\n"
    "extern int table[4];\nextern void (*hook)(int);\nextern long double precise;\n"
    "static int in_header;\nint tentative;\n";

// The pipeline up to the variables pass, with --block patterns.
Module passed(const std::string &text, const std::vector<std::string> &block = {}) {
    Module m = parsed(text);
    passes::filter(m, {}, block);
    passes::availability(m, false);
    passes::support(m);
    passes::variables(m);
    return m;
}

TEST(Variables, StructsAndScalarsAreBound) {
    Module m = passed(globals_header);
    for (const char *name : {"font_12", "font_custom", "the_opaque", "counter", "version", "greeting", "scale", "mode",
                             "current"})
        EXPECT_TRUE(variable(m, name).info.binding.bound()) << name;
    EXPECT_TRUE(variable(m, "font_12").is_const);
    EXPECT_FALSE(variable(m, "font_custom").is_const);
}

TEST(Variables, UnrepresentableOnesAreSkippedWithTheReason) {
    Module m = passed(globals_header);
    EXPECT_EQ(variable(m, "table").info.binding.reason, "array variable (not supported)");
    EXPECT_EQ(variable(m, "hook").info.binding.reason, "function pointer variable (not supported)");
    EXPECT_EQ(variable(m, "precise").info.binding.reason, "unsupported type long double in variable 'precise'");
    // Not `extern`: the module would define its own object, not reach the library's.
    for (const char *name : {"in_header", "tentative"}) {
        EXPECT_EQ(variable(m, name).info.binding.status, Status::Skipped) << name;
        EXPECT_NE(variable(m, name).info.binding.reason.find("defined in the header"), std::string::npos) << name;
    }
}

TEST(Variables, TypeNotBoundSkipsTheVariable) {
    Module m = passed("struct hidden { int a; };\nextern struct hidden secret;\nextern int shown;\n", {"hidden"});
    EXPECT_EQ(variable(m, "secret").info.binding.status, Status::Skipped);
    EXPECT_NE(variable(m, "secret").info.binding.reason.find("struct hidden is not bound"), std::string::npos);
    EXPECT_TRUE(variable(m, "shown").info.binding.bound());
}

TEST(Variables, DeprecatedStaysSkippedAndBlockedStaysExcluded) {
    Module m = passed("__attribute__((deprecated)) extern int old_count;\nextern int kept;\nextern int dropped;\n",
                      {"dropped"});
    EXPECT_EQ(variable(m, "old_count").info.binding.reason, "deprecated");
    EXPECT_EQ(variable(m, "dropped").info.binding.status, Status::Excluded);
    EXPECT_TRUE(variable(m, "kept").info.binding.bound());
}

TEST(Variables, RunsAfterSupportOnly) {
    Module m = parsed("extern int x;\n");
    EXPECT_THROW(passes::variables(m), std::logic_error);
}

TEST(Variables, NameCollisionWithAFunctionSkipsTheVariable) {
    Module m = parsed("int count(void);\nextern int lg_count;\n");
    passes::Options opt;
    opt.prefixes = {"lg_"};
    EXPECT_TRUE(passes::run_all(m, opt).empty());
    EXPECT_EQ(variable(m, "lg_count").info.binding.status, Status::Skipped);
    EXPECT_NE(variable(m, "lg_count").info.binding.reason.find("already used by function count"), std::string::npos);
}

} // namespace
