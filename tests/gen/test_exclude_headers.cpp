// --exclude-headers on tests/fixtures/exclhdr, shaped like LVGL: the bound header includes a build-configuration
// header whose switches (XH_USE_*, XH_FONT_*, ...) --include-headers would bind too.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/options.h"
#include "cli/run.h"
#include "header_fixture.h"

using namespace mpbind;
using namespace mpbind::cli;

namespace {

const std::string fixture = std::string(MPBIND_TESTS_DIR) + "/fixtures/exclhdr";
const std::string conf_re = "/xh_conf_internal\\.h$";

struct Generated {
    int code;
    std::string err, c, json;
};

std::string slurp(const std::string &path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Binds xh.h and, like LVGL's `--include-headers '.*/lvgl/src/.*'`, every header of the fixture's folder.
Generated generate(std::vector<std::string> extra) {
    test::TempHeader out("", "unused.h");
    std::vector<std::string> args = {"-M", "xh", "--prefix", "xh_", "--include-headers", "/exclhdr/",
                                     "-o", out.dir() + "/xh.c", "--json", out.dir() + "/xh.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(fixture + "/xh.h");
    std::ostringstream o, e;
    int code = run(args, o, e);
    return {code, e.str(), slurp(out.dir() + "/xh.c"), slurp(out.dir() + "/xh.json")};
}

// "status: reason" of the declaration named c_name in the --json report ("" when it is not reported).
std::string decl(const std::string &json, const std::string &c_name) {
    size_t at = json.find("\"c_name\": \"" + c_name + "\",");
    if (at == std::string::npos) return "";
    size_t end = json.find("\"kind\":", at);
    std::string one = json.substr(at, end == std::string::npos ? std::string::npos : end - at);
    auto field = [&](const std::string &key) {
        size_t k = one.find("\"" + key + "\": \"");
        if (k == std::string::npos) return std::string();
        k += key.size() + 5;
        return one.substr(k, one.find('"', k) - k);
    };
    std::string reason = field("reason");
    return field("status") + (reason.empty() ? "" : ": " + reason);
}

const std::string excluded = "excluded: excluded header (--exclude-headers)";

TEST(ExcludeHeaders, WithoutTheOptionTheConfigurationIsBound) {
    Generated g = generate({});
    ASSERT_EQ(g.code, exit_ok) << g.err;
    EXPECT_EQ(decl(g.json, "XH_USE_SLIDER"), "bound");
    EXPECT_EQ(decl(g.json, "xh_conf_apply"), "bound");
    EXPECT_NE(g.c.find("MP_QSTR_SLIDER"), std::string::npos); // a member of class USE
    EXPECT_EQ(g.err.find("--exclude-headers"), std::string::npos) << g.err;
}

TEST(ExcludeHeaders, DeclarationsOfTheHeaderAreExcludedAndReported) {
    Generated g = generate({"--exclude-headers", conf_re});
    ASSERT_EQ(g.code, exit_ok) << g.err;
    for (const char *name : {"XH_USE_LABEL", "XH_USE_SLIDER", "XH_FONT_DEFAULT_SIZE", "XH_DRAW_BUF_ALIGN",
                             "XH_LOG_PREFIX", "XH_CONF_CHECK", "XH_CONF_INTERNAL_H", "xh_conf_apply",
                             "xh_conf_version", "xh_conf_mode_t", "xh_conf_color_t"})
        EXPECT_EQ(decl(g.json, name), excluded) << name;
    for (const char *name : {"USE_LABEL", "USE_SLIDER", "SLIDER", "FONT_DEFAULT_SIZE", "LOG_PREFIX", "conf_apply",
                             "conf_version", "CONF_MODE", "conf_color_t"})
        EXPECT_EQ(g.c.find(std::string("MP_QSTR_") + name), std::string::npos) << name;
    // The bound header is bound as before, a macro computed from an excluded one included.
    EXPECT_EQ(decl(g.json, "XH_LABEL_ON"), "bound");
    EXPECT_NE(g.json.find("\"LABEL_ON\": 1"), std::string::npos);
    EXPECT_EQ(decl(g.json, "xh_depth"), "bound"); // takes an excluded struct by pointer: an address
    // A struct of the excluded header that a bound function returns by value stays bound: the function needs it.
    EXPECT_EQ(decl(g.json, "xh_default_size"), "bound");
    EXPECT_EQ(decl(g.json, "xh_conf_size_t"), "bound");
    // The summary counts the excluded functions and macros, and says how many the option excluded: the seven
    // macros (the include guard too) and xh_conf_apply.
    EXPECT_NE(g.err.find(" excluded (8 in --exclude-headers headers)\n"), std::string::npos) << g.err;
}

TEST(ExcludeHeaders, RepeatableAndStrictIsUnaffected) {
    Generated g = generate({"--exclude-headers", conf_re, "--exclude-headers", "_log\\.h$", "--strict"});
    ASSERT_EQ(g.code, exit_ok) << g.err; // an exclusion is asked for: --strict only refuses skips
    EXPECT_EQ(decl(g.json, "XH_LOG_LEVEL_WARN"), excluded);
    EXPECT_EQ(decl(g.json, "xh_log_flush"), excluded);
    EXPECT_EQ(decl(g.json, "XH_USE_LABEL"), excluded);
    EXPECT_EQ(decl(g.json, "xh_align"), "bound");
    EXPECT_NE(g.err.find(" excluded (11 in --exclude-headers headers)\n"), std::string::npos) << g.err;
}

TEST(ExcludeHeaders, ExclusionWinsOverTheCommandLine) {
    // xh_log.h named as a bound header, and excluded: not bound.
    test::TempHeader out("", "unused.h");
    std::ostringstream o, e;
    int code = run({"-M", "xh", "--exclude-headers", "_log\\.h$", "--json", out.dir() + "/xh.json",
                    fixture + "/xh_log.h", fixture + "/xh.h"}, o, e);
    ASSERT_EQ(code, exit_ok) << e.str();
    std::string json = slurp(out.dir() + "/xh.json");
    EXPECT_EQ(decl(json, "xh_log_flush"), excluded);
    EXPECT_EQ(decl(json, "xh_align"), "bound");
}

TEST(ExcludeHeaders, PatternMatchingNoHeaderIsAUsageError) {
    Generated g = generate({"--exclude-headers", conf_re, "--exclude-headers", "lv_conf_internal\\.h$"});
    EXPECT_EQ(g.code, exit_usage);
    EXPECT_EQ(g.err, "mpbind: error: --exclude-headers 'lv_conf_internal\\.h$' matches no header that would be "
                     "bound\n");
    EXPECT_EQ(g.c, ""); // nothing written
}

// Only bound headers can be excluded: a pattern that matches only a header nothing binds (here the compiler's
// stddef.h) would change nothing and count that header's declarations as excluded.
TEST(ExcludeHeaders, PatternMatchingOnlyAnUnboundHeaderIsAUsageError) {
    Generated g = generate({"--exclude-headers", "/stddef\\.h$"});
    EXPECT_EQ(g.code, exit_usage);
    EXPECT_EQ(g.err, "mpbind: error: --exclude-headers '/stddef\\.h$' matches no header that would be bound\n");
    EXPECT_EQ(g.c, "");
}

TEST(ExcludeHeaders, BadRegexIsAUsageError) {
    Generated g = generate({"--exclude-headers", "lv_conf[.h"});
    EXPECT_EQ(g.code, exit_usage);
    EXPECT_EQ(g.err.rfind("mpbind: error: invalid --exclude-headers regex 'lv_conf[.h'", 0), 0u) << g.err;
    EXPECT_EQ(g.c, "");
}

} // namespace
