// Tests of the command line: option table, JSON writer, atomic output, and whole runs (errors, --strict, --json).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "cli/json_writer.h"
#include "cli/options.h"
#include "cli/output_file.h"
#include "cli/run.h"
#include "header_fixture.h"

using namespace mpbind;
using namespace mpbind::cli;

namespace {

struct RunResult {
    int code;
    std::string out, err;
};

RunResult run_cli(const std::vector<std::string> &args) {
    std::ostringstream out, err;
    int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

std::string slurp(const std::string &path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool exists(const std::string &p) { return std::filesystem::exists(p); }

// ---- options ----

TEST(Options, FullCommandLine) {
    auto r = parse_args({"-M", "esp", "-o", "out.c", "--prefix", "esp_", "--prefix=gpio_", "--allow", "a.*",
                         "--block", "b", "--json", "x.json", "--strict", "h1.h", "h2.h", "--", "-I", "inc", "-DX"});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.opt.module_name, "esp");
    EXPECT_EQ(r.opt.output, "out.c");
    EXPECT_EQ(r.opt.passes.prefixes, (std::vector<std::string>{"esp_", "gpio_"}));
    EXPECT_EQ(r.opt.passes.allow, std::vector<std::string>{"a.*"});
    EXPECT_EQ(r.opt.passes.block, std::vector<std::string>{"b"});
    EXPECT_EQ(r.opt.json, "x.json");
    EXPECT_TRUE(r.opt.strict);
    EXPECT_EQ(r.opt.headers, (std::vector<std::string>{"h1.h", "h2.h"}));
    EXPECT_EQ(r.opt.clang_args, (std::vector<std::string>{"-I", "inc", "-DX"}));
}

TEST(Options, AttachedShortValue) {
    auto r = parse_args({"-Mlodepng", "lodepng.h"});
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.opt.module_name, "lodepng");
}

TEST(Options, UsageErrors) {
    EXPECT_EQ(parse_args({"h.h"}).error, "missing -M NAME (the module name)");
    EXPECT_EQ(parse_args({"-M", "m"}).error, "no header given");
    EXPECT_EQ(parse_args({"-M", "m", "--bogus", "h.h"}).error, "unknown option '--bogus' (see --help)");
    EXPECT_EQ(parse_args({"-M", "m", "h.h", "-o"}).error, "option -o needs an argument OUT.c");
    EXPECT_NE(parse_args({"-M", "m", "--group-rule", "odd", "h.h"}).error.find("prefix, name or flat"), std::string::npos);
    EXPECT_NE(parse_args({"-M", "m", "--user-field", "nofield", "h.h"}).error.find("TYPE=FIELD"), std::string::npos);
    EXPECT_NE(parse_args({"-M", "9x", "h.h"}).error.find("not a C identifier"), std::string::npos);
    EXPECT_EQ(parse_args({"-M", "m", "--strict=1", "h.h"}).error, "option --strict takes no argument");
}

TEST(Options, CallbackGroupingAndMethodOptions) {
    auto r = parse_args({"-M", "m", "--user-field", "spi_transaction_t=user", "--isr", "_cb$", "--group-rule=name",
                         "--flat-enums", "--no-methods", "h.h"});
    ASSERT_EQ(r.error, "");
    ASSERT_EQ(r.opt.passes.user_fields.size(), 1u);
    EXPECT_EQ(r.opt.passes.user_fields[0].first, "spi_transaction_t");
    EXPECT_EQ(r.opt.passes.user_fields[0].second, "user");
    EXPECT_EQ(r.opt.passes.isr, "_cb$");
    EXPECT_EQ(r.opt.passes.group_rule, passes::GroupRule::Name);
    EXPECT_TRUE(r.opt.passes.flat_constants);
    EXPECT_FALSE(r.opt.passes.methods);
    EXPECT_FALSE(parse_args({"-M", "m", "h.h"}).opt.passes.flat_constants);
    EXPECT_TRUE(parse_args({"-M", "m", "--flat-constants", "h.h"}).opt.passes.flat_constants);
}

TEST(Options, HelpListsEveryOptionAndExitCodes) {
    std::string h = help_text();
    for (const char *flag : {"-M NAME", "-o OUT.c", "--json OUT.json", "--prefix PFX", "--allow REGEX", "--block REGEX",
                             "--strict", "--include-headers", "--exclude-headers", "--group-rule", "--user-field",
                             "--isr", "--version"})
        EXPECT_NE(h.find(flag), std::string::npos) << flag;
    EXPECT_NE(h.find("3 --strict violation"), std::string::npos);
    auto r = run_cli({"--help"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, h);
    EXPECT_EQ(run_cli({"--version"}).out.rfind("mpbind ", 0), 0u);
    EXPECT_EQ(run_cli({"--nope"}).code, exit_usage);
}

// ---- JSON writer ----

TEST(Json, EscapingAndLayout) {
    JsonWriter w;
    w.begin_object();
    w.key("s").value("a\"b\\c\n\x01");
    w.key("t\tk").value("plain\rrun after");
    w.key("n").value(int64_t{-3});
    w.key("u").value(uint64_t{18446744073709551615ull});
    w.key("f").value(0.1);
    w.key("b").value(true);
    w.key("a").begin_array();
    w.end_array();
    w.key("o").begin_object();
    w.end_object();
    w.end_object();
    EXPECT_EQ(w.str(), "{\n  \"s\": \"a\\\"b\\\\c\\n\\u0001\",\n  \"t\\tk\": \"plain\\rrun after\",\n  \"n\": -3,\n  \"u\": 18446744073709551615,\n"
                       "  \"f\": 0.1,\n  \"b\": true,\n  \"a\": [],\n  \"o\": {}\n}\n");
}

// ---- output files ----

// Files other than the fixture's own header: outputs or temporaries left behind.
size_t files_besides_header(const std::string &dir) {
    size_t files = 0;
    for (auto &e : std::filesystem::directory_iterator(dir)) files += e.path().filename() == "unused.h" ? 0 : 1;
    return files;
}

TEST(Output, NothingWrittenWhenOneFileFails) {
    test::TempHeader dir("", "unused.h");
    std::string good = dir.dir() + "/good.json";
    std::string err = write_all({{good, "x"}, {dir.dir() + "/missing/dir/bad.c", "y"}});
    EXPECT_NE(err.find("cannot write"), std::string::npos);
    EXPECT_FALSE(exists(good));
    EXPECT_EQ(files_besides_header(dir.dir()), 0u); // no temporaries left behind either
    EXPECT_EQ(write_all({{good, "content"}}), "");
    EXPECT_EQ(slurp(good), "content");
}

TEST(Output, FilesAreMadeInParallel) {
    if (std::thread::hardware_concurrency() < 2) GTEST_SKIP() << "one core: the files are made one after the other";
    test::TempHeader dir("", "unused.h");
    // Each of the first two makers waits (up to 10 s) until the other has started: both finish early only if
    // they ran at once.
    std::atomic<int> started{0};
    auto meet = [&started](std::string text) {
        ++started;
        auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (started.load() < 2 && std::chrono::steady_clock::now() < until) std::this_thread::yield();
        return started.load() >= 2 ? text : "alone";
    };
    std::vector<PendingFile> files;
    files.emplace_back(dir.dir() + "/a.c", [&] { return meet("a"); });
    files.emplace_back(dir.dir() + "/b.json", [&] { return meet("b"); });
    files.emplace_back(dir.dir() + "/c.pyi", std::string("c"));
    EXPECT_EQ(write_all(files), "");
    EXPECT_EQ(slurp(dir.dir() + "/a.c"), "a");
    EXPECT_EQ(slurp(dir.dir() + "/b.json"), "b");
    EXPECT_EQ(slurp(dir.dir() + "/c.pyi"), "c");
    EXPECT_EQ(files_besides_header(dir.dir()), 3u);
}

TEST(Output, MakerThatThrowsLeavesNothingAndRethrows) {
    test::TempHeader dir("", "unused.h");
    std::string old = dir.dir() + "/old.c";
    std::ofstream(old) << "old";
    std::vector<PendingFile> files;
    files.emplace_back(dir.dir() + "/new.json", std::string("new"));
    files.emplace_back(old, [] () -> std::string { throw std::logic_error("plan broken"); });
    files.emplace_back(dir.dir() + "/new.pyi", std::string("new"));
    EXPECT_THROW(write_all(files), std::logic_error);
    EXPECT_EQ(slurp(old), "old");
    EXPECT_EQ(files_besides_header(dir.dir()), 1u); // old.c alone: no new target, no temporary
}

// ---- whole runs ----

TEST(Run, SyntaxErrorReportsLocationAndWritesNothing) {
    test::TempHeader h("int ok(void);\nint broken(int x;\n", "bad.h");
    std::string json = h.dir() + "/out.json";
    auto r = run_cli({"-M", "m", "--json", json, h.path()});
    EXPECT_EQ(r.code, exit_input);
    EXPECT_NE(r.err.find("bad.h:2:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("error:"), std::string::npos);
    EXPECT_FALSE(exists(json));
}

// Both outputs on one file is a usage error before anything is written (also spelled differently).
TEST(Run, SamePathForBothOutputsIsAUsageError) {
    test::TempHeader h("int f(void);\n", "g.h");
    std::string out = h.dir() + "/out.c";
    for (const std::string &json : {out, h.dir() + "/./out.c"}) {
        auto r = run_cli({"-M", "m", "-o", out, "--json", json, h.path()});
        EXPECT_EQ(r.code, exit_usage);
        EXPECT_NE(r.err.find("-o and --json name the same file"), std::string::npos) << r.err;
        EXPECT_FALSE(exists(out));
    }
}

// A directory in the way of the second output leaves the first one untouched.
TEST(Run, OutputIsADirectoryAfterJsonTouchesNothing) {
    test::TempHeader h("int f(void);\n", "g.h");
    std::string json = h.dir() + "/out.json", dir = h.dir() + "/outdir";
    std::filesystem::create_directories(dir);
    std::ofstream(json) << "old";
    auto r = run_cli({"-M", "m", "--quiet", "--json", json, "-o", dir, h.path()});
    EXPECT_EQ(r.code, exit_output);
    EXPECT_NE(r.err.find("cannot write '" + dir + "': it is a directory"), std::string::npos) << r.err;
    EXPECT_EQ(slurp(json), "old");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(h.dir()), {}), 3); // g.h, out.json, outdir
}

// The folded summary keeps the colliding Python name and both C declarations.
TEST(Run, CollisionSummaryNamesThePythonName) {
    test::TempHeader h("int foo_x(void);\nint bar_x(void);\n", "c.h");
    auto r = run_cli({"-M", "m", "--prefix", "foo_", "--prefix", "bar_", "--json", h.dir() + "/o.json", h.path()});
    EXPECT_EQ(r.code, exit_ok);
    EXPECT_NE(r.err.find("skipped 1: Python name 'x' already used by function foo_x: function bar_x"),
              std::string::npos)
        << r.err;
}

// Deprecated functions are skipped unless --allow-deprecated.
TEST(Run, DeprecatedNeedsAllowDeprecated) {
    test::TempHeader h("__attribute__((deprecated)) int old_api(int x);\nint new_api(int x);\n", "d.h");
    std::string json = h.dir() + "/o.json";
    auto r = run_cli({"-M", "m", "--json", json, h.path()});
    EXPECT_EQ(r.code, exit_ok);
    EXPECT_NE(r.err.find("skipped 1: deprecated: function old_api"), std::string::npos) << r.err;
    r = run_cli({"-M", "m", "--quiet", "--allow-deprecated", "--json", json, h.path()});
    EXPECT_EQ(r.code, exit_ok);
    EXPECT_EQ(slurp(json).find("deprecated"), std::string::npos); // bound: no skip reason
}

// Structs nothing bound uses are excluded with --used-structs-only: the summary counts the others, the report says why.
TEST(Run, UsedStructsOnlyExcludesUnusedStructs) {
    test::TempHeader h("struct used { int a; };\nstruct unused { int b; };\nint get(struct used *u);\n", "u.h");
    std::string json = h.dir() + "/o.json";
    auto r = run_cli({"-M", "m", "--json", json, h.path()});
    EXPECT_NE(r.err.find("2 structs/unions"), std::string::npos) << r.err;
    r = run_cli({"-M", "m", "--used-structs-only", "--json", json, h.path()});
    EXPECT_EQ(r.code, exit_ok);
    EXPECT_NE(r.err.find("1 structs/unions"), std::string::npos) << r.err;
    EXPECT_NE(slurp(json).find("used by no bound function, global variable or used struct (--used-structs-only)"),
              std::string::npos);
}

// A header clang never finishes parsing ends with exit 1 and a message, not a hang.
TEST(RunDeathTest, ParseTimeoutEndsTheRun) {
    test::TempHeader h("int x = (::);\n", "hang.h");
    EXPECT_EXIT(run_cli({"-M", "m", "--timeout", "1", "-o", h.dir() + "/o.c", h.path()}),
                ::testing::ExitedWithCode(exit_input), "clang did not finish parsing within 1 s");
    EXPECT_FALSE(exists(h.dir() + "/o.c"));
}

TEST(Options, TimeoutValue) {
    EXPECT_EQ(parse_args({"-M", "m", "h.h"}).opt.timeout_seconds, 120u);
    EXPECT_EQ(parse_args({"-M", "m", "--timeout", "0", "h.h"}).opt.timeout_seconds, 0u);
    EXPECT_NE(parse_args({"-M", "m", "--timeout", "-1", "h.h"}).error.find("--timeout wants"), std::string::npos);
    EXPECT_NE(parse_args({"-M", "m", "--timeout=5s", "h.h"}).error.find("--timeout wants"), std::string::npos);
}

TEST(Run, MissingHeader) {
    auto r = run_cli({"-M", "m", "/nonexistent/x.h"});
    EXPECT_EQ(r.code, exit_input);
    EXPECT_NE(r.err.find("/nonexistent/x.h: error: cannot open header"), std::string::npos);
}

TEST(Run, UnsupportedDeclarationWithoutStrict) {
    test::TempHeader h("int good(int a);\nint pr(const char *f, ...);\nvoid ld(long double x);\n", "u.h");
    std::string json = h.dir() + "/out.json";
    auto r = run_cli({"-M", "m", "--json", json, h.path()});
    EXPECT_EQ(r.code, exit_ok) << r.err;
    EXPECT_NE(r.err.find("bound 1 functions"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("skipped 1: variadic function: function pr"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("skipped 1: unsupported type long double in parameter '...': function ld"), std::string::npos);
    std::string j = slurp(json);
    EXPECT_NE(j.find("\"reason\": \"variadic function\""), std::string::npos);
    EXPECT_NE(j.find("\"reason\": \"unsupported type long double in parameter 'x'\""), std::string::npos);
}

TEST(Run, UnsupportedDeclarationWithStrict) {
    test::TempHeader h("int good(int a);\nint pr(const char *f, ...);\n", "u.h");
    std::string json = h.dir() + "/out.json";
    auto r = run_cli({"-M", "m", "--strict", "--json", json, h.path()});
    EXPECT_EQ(r.code, exit_strict);
    EXPECT_NE(r.err.find("u.h:2: error: function pr skipped: variadic function"), std::string::npos) << r.err;
    EXPECT_FALSE(exists(json));
    // Without the unsupported declaration, --strict passes.
    test::TempHeader ok("int good(int a);\n", "ok.h");
    EXPECT_EQ(run_cli({"-M", "m", "--strict", "--quiet", ok.path()}).code, exit_ok);
}

// A macro defined twice is one constant: no "Python name already used" skip, so --strict passes.
TEST(Run, RedefinedMacroIsNoCollision) {
    test::TempHeader h("#define APRIL_STR \"April\"\n#define APRIL_STR \"April\"\n", "conf.h");
    auto r = run_cli({"-M", "m", "--strict", h.path()});
    EXPECT_EQ(r.code, exit_ok) << r.err;
    EXPECT_EQ(r.err.find("already used"), std::string::npos) << r.err;
}

TEST(Run, JsonListsDeclarationsAndApi) {
    test::TempHeader h("typedef enum { GPIO_MODE_IN, GPIO_MODE_OUT } gpio_mode_t;\n"
                       "typedef struct { int pin; gpio_mode_t mode; } gpio_config_t;\n"
                       "int gpio_config(const gpio_config_t *cfg);\n#define GPIO_MAX 40\n",
                       "g.h");
    std::string json = h.dir() + "/out.json";
    auto r = run_cli({"-M", "gpio", "--quiet", "--prefix", "gpio_", "--json", json, h.path()});
    ASSERT_EQ(r.code, exit_ok) << r.err;
    EXPECT_EQ(r.err, "");
    std::string j = slurp(json);
    EXPECT_NE(j.find("\"module\": \"gpio\""), std::string::npos);
    EXPECT_NE(j.find("\"c_name\": \"gpio_config\",\n      \"py_name\": \"config\""), std::string::npos) << j;
    EXPECT_NE(j.find("\"location\": \"g.h:3\""), std::string::npos);
    EXPECT_NE(j.find("\"name\": \"config_t\""), std::string::npos); // class
    EXPECT_NE(j.find("\"name\": \"MODE\""), std::string::npos);     // constant class, prefix stripped
    EXPECT_NE(j.find("\"MAX\": 40"), std::string::npos);            // macro, flat
    EXPECT_EQ(j.find(h.dir()), std::string::npos);                  // no absolute paths
}

TEST(Run, NoMacrosAndNoMethods) {
    test::TempHeader h("typedef struct obj obj_t;\nvoid obj_move(obj_t *o, int x);\n#define OBJ_MAX 3\n", "o.h");
    std::string json = h.dir() + "/out.json";
    ASSERT_EQ(run_cli({"-M", "m", "--quiet", "--json", json, h.path()}).code, exit_ok);
    std::string with = slurp(json);
    EXPECT_NE(with.find("\"OBJ_MAX\": 3"), std::string::npos);
    EXPECT_NE(with.find("\"move\": \"obj_move\""), std::string::npos);
    ASSERT_EQ(run_cli({"-M", "m", "--quiet", "--no-macros", "--no-methods", "--json", json, h.path()}).code, exit_ok);
    std::string without = slurp(json);
    EXPECT_EQ(without.find("\"OBJ_MAX\": 3"), std::string::npos);
    EXPECT_EQ(without.find("\"move\": \"obj_move\""), std::string::npos);
}

TEST(Run, SameHeaderTwiceIsBoundOnce) {
    test::TempHeader h("int f(int a);\n", "once.h");
    auto r = run_cli({"-M", "m", h.path(), h.path()});
    EXPECT_EQ(r.code, exit_ok) << r.err;
    EXPECT_NE(r.err.find("bound 1 functions"), std::string::npos) << r.err;
}

TEST(Run, WarningsArePassedOnAndCallbacksCounted) {
    test::TempHeader h("#warning careful\ntypedef struct s { void (*cb)(struct s *self); void *user_data; } s_t;\n"
                       "void on(void (*f)(int));\n", "w.h");
    auto r = run_cli({"-M", "m", h.path()});
    EXPECT_EQ(r.code, exit_ok) << r.err;
    EXPECT_NE(r.err.find("w.h:1:2: warning: careful"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("callbacks: 1 with a user-data convention, 1 C address only"), std::string::npos) << r.err;
}

// A callback setter acting on the closure a registration left in the object's user data takes Python callables: the
// summary, the JSON and the C comments do not call it "C address only".
TEST(Run, CallbackSettersOfAClosureAreNotCAddressOnly) {
    test::TempHeader h("typedef struct tm tm_t;\ntypedef void (*tm_cb_t)(tm_t *t);\n"
                       "tm_t *tm_create(tm_cb_t cb, unsigned period, void *user_data);\n"
                       "void tm_set_cb(tm_t *t, tm_cb_t cb);\nvoid *tm_get_user_data(tm_t *t);\n"
                       "void on(void (*f)(int));\n", "tm.h");
    std::string json = h.path() + ".json", c = h.path() + ".c";
    auto r = run_cli({"-M", "m", "-o", c, "--json", json, h.path()});
    ASSERT_EQ(r.code, exit_ok) << r.err;
    EXPECT_NE(r.err.find("callbacks: 1 with a user-data convention, 1 replacing or removing a registration's callable, "
                         "1 C address only"), std::string::npos) << r.err;
    std::string j = slurp(json);
    EXPECT_NE(j.find("\"convention\": \"closure_target\""), std::string::npos) << j;
    std::string code = slurp(c);
    EXPECT_NE(code.find("callback parameter f of on "), std::string::npos) << code;
    EXPECT_EQ(code.find("of tm_set_cb"), std::string::npos) << code;
}

TEST(Run, BadRegexIsUsageError) {
    test::TempHeader h("int f(void);\n");
    auto r = run_cli({"-M", "m", "--allow", "(", h.path()});
    EXPECT_EQ(r.code, exit_usage);
    EXPECT_NE(r.err.find("invalid --allow regex '('"), std::string::npos);
}

TEST(Run, OutputErrorExitCode) {
    test::TempHeader h("int f(void);\n");
    auto r = run_cli({"-M", "m", "--quiet", "--json", "/nonexistent/dir/x.json", h.path()});
    EXPECT_EQ(r.code, exit_output);
    EXPECT_NE(r.err.find("cannot write '/nonexistent/dir/x.json'"), std::string::npos);
}

} // namespace
