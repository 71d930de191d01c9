// Releasing the relocation tables' pages: something is released where the platform allows it, and libclang (whose
// tables they are) still parses and the generator still runs afterwards.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/options.h"
#include "cli/relocation_pages.h"
#include "cli/run.h"
#include "header_fixture.h"

using namespace mpbind;

namespace {

std::string slurp(const std::string &path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int generate(const std::string &header, const std::string &out_c) {
    std::ostringstream out, err;
    return cli::run({"-M", "m", "-o", out_c, "--quiet", header}, out, err);
}

} // namespace

TEST(RelocationPages, ReleasedAndTheGeneratorStillWorks) {
    test::TempHeader h("struct point { int x, y; };\nint area(struct point *p, int scale);\n#define LIMIT (1 << 4)\n");
    std::string before = h.dir() + "/before.c", after = h.dir() + "/after.c";
    ASSERT_EQ(generate(h.path(), before), cli::exit_ok);
    size_t released = cli::release_relocation_tables();
#if defined(__linux__) && defined(__GLIBC__)
    // This test links libclang: its relocation table alone is several megabytes.
    EXPECT_GE(released, size_t{1} << 20);
#else
    EXPECT_EQ(released, 0u);
#endif
    // A second call finds the same tables (their pages are read back from the file if touched, never lost).
    EXPECT_EQ(cli::release_relocation_tables(), released);
    ASSERT_EQ(generate(h.path(), after), cli::exit_ok);
    std::string c = slurp(after);
    EXPECT_NE(c.find("area"), std::string::npos);
    EXPECT_EQ(c, slurp(before));
}
