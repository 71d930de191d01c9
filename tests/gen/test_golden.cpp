// Golden tests: each tests/headers/<name>.h (flags in its first line, "// mpbind: FLAGS") against
// tests/expected/<name>.json, the --json output. MPBIND_UPDATE_EXPECTED=1 rewrites the expectations.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "cli/run.h"

namespace fs = std::filesystem;

namespace {

const fs::path headers_dir = fs::path(MPBIND_TESTS_DIR) / "headers";
const fs::path expected_dir = fs::path(MPBIND_TESTS_DIR) / "expected";

std::vector<std::string> golden_names() {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(headers_dir))
        if (e.path().extension() == ".h") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string slurp(const fs::path &p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The words after "// mpbind:" on the first line (split at spaces; no quoting needed by our headers).
std::vector<std::string> flags_of(const fs::path &header) {
    std::ifstream in(header);
    std::string line;
    std::getline(in, line);
    const std::string tag = "// mpbind:";
    std::vector<std::string> out;
    if (line.rfind(tag, 0) != 0) return out;
    std::istringstream words(line.substr(tag.size()));
    for (std::string w; words >> w;) out.push_back(w);
    return out;
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, JsonMatchesExpected) {
    const std::string name = GetParam();
    const fs::path header = headers_dir / (name + ".h");
    std::vector<std::string> flags = flags_of(header);
    ASSERT_FALSE(flags.empty()) << header << ": first line must be '// mpbind: -M NAME ...'";
    const fs::path out = fs::temp_directory_path() / ("mpbind-golden-" + std::to_string(getpid()) + "-" + name + ".json");
    // Flags before "--" apply to mpbind; the header goes before them so clang arguments stay last.
    std::vector<std::string> args = {header.string(), "--quiet", "--json", out.string()};
    args.insert(args.end(), flags.begin(), flags.end());
    std::ostringstream so, se;
    int code = mpbind::cli::run(args, so, se);
    ASSERT_EQ(code, 0) << se.str();
    std::string actual = slurp(out);
    fs::remove(out);
    const fs::path expected = expected_dir / (name + ".json");
    const char *update = std::getenv("MPBIND_UPDATE_EXPECTED");
    if (update && std::string(update) == "1") {
        std::ofstream(expected) << actual;
        GTEST_SKIP() << "rewrote " << expected;
    }
    ASSERT_TRUE(fs::exists(expected)) << expected << " missing; run with MPBIND_UPDATE_EXPECTED=1";
    EXPECT_EQ(actual, slurp(expected)) << "--json output of " << header << " differs from " << expected;
}

INSTANTIATE_TEST_SUITE_P(Headers, Golden, testing::ValuesIn(golden_names()),
                         [](const testing::TestParamInfo<std::string> &i) { return i.param; });

} // namespace
