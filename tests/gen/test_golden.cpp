// Golden tests: each tests/headers/<name>.h (flags in its first line, "// mpbind: FLAGS") against
// tests/expected/<name>.c (the generated module), <name>.pyi (its stub) and <name>.json (the --json report), byte for
// byte.
// MPBIND_UPDATE_EXPECTED=1 rewrites the expectations. (tests/tools/compile_golden.py compiles the .c files.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
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

// The outputs of mpbind for one golden header, generated into a temporary folder.
struct Outputs {
    std::string c, pyi, json;
};

Outputs generate(const std::string &name) {
    const fs::path header = headers_dir / (name + ".h");
    std::vector<std::string> flags = flags_of(header);
    if (flags.empty()) throw std::runtime_error(header.string() + ": first line must be '// mpbind: -M NAME ...'");
    const fs::path base = fs::temp_directory_path() / ("mpbind-golden-" + std::to_string(getpid()) + "-" + name);
    // The header goes before the flags so clang arguments stay last; the headers' folder is on the include path,
    // as mpbind_add_module puts it, so the module includes "<name>.h".
    // The target is pinned (x86-64, as the compiler that checks the expectations), so the layouts are stable.
    std::vector<std::string> args = {header.string(), "--quiet", "--json", base.string() + ".json", "-o",
                                     base.string() + ".c", "--pyi", base.string() + ".pyi", "--target",
                                     "x86_64-linux-gnu"};
    args.insert(args.end(), flags.begin(), flags.end());
    if (std::find(flags.begin(), flags.end(), "--") == flags.end()) args.push_back("--");
    args.push_back("-I" + headers_dir.string());
    std::ostringstream so, se;
    int code = mpbind::cli::run(args, so, se);
    if (code != 0) throw std::runtime_error("mpbind exited " + std::to_string(code) + ": " + se.str());
    Outputs out{slurp(base.string() + ".c"), slurp(base.string() + ".pyi"), slurp(base.string() + ".json")};
    for (const char *ext : {".c", ".pyi", ".json"}) fs::remove(base.string() + ext);
    return out;
}

// Compares one output with its expectation, or rewrites the expectation under MPBIND_UPDATE_EXPECTED=1.
void expect_matches(const std::string &actual, const fs::path &expected) {
    const char *update = std::getenv("MPBIND_UPDATE_EXPECTED");
    if (update && std::string(update) == "1") {
        std::ofstream(expected) << actual;
        GTEST_SKIP() << "rewrote " << expected;
    }
    ASSERT_TRUE(fs::exists(expected)) << expected << " missing; run with MPBIND_UPDATE_EXPECTED=1";
    EXPECT_EQ(actual, slurp(expected)) << "the output differs from " << expected;
}

class Golden : public testing::TestWithParam<std::string> {};

TEST_P(Golden, CMatchesExpected) { expect_matches(generate(GetParam()).c, expected_dir / (GetParam() + ".c")); }

TEST_P(Golden, PyiMatchesExpected) { expect_matches(generate(GetParam()).pyi, expected_dir / (GetParam() + ".pyi")); }

TEST_P(Golden, JsonMatchesExpected) { expect_matches(generate(GetParam()).json, expected_dir / (GetParam() + ".json")); }

INSTANTIATE_TEST_SUITE_P(Headers, Golden, testing::ValuesIn(golden_names()),
                         [](const testing::TestParamInfo<std::string> &i) { return i.param; });

} // namespace
