// Unit tests of the IR passes, each run alone on a parsed header: filter, support, naming, grouping,
// collisions, methods, signatures.
#include <gtest/gtest.h>

#include <stdexcept>

#include "pass_fixture.h"
#include "passes/availability.h"
#include "passes/callbacks.h"
#include "passes/class_constants.h"
#include "passes/identity.h"
#include "passes/methods.h"
#include "passes/pipeline.h"

using namespace mpbind;
using namespace mpbind::ir;
using namespace mpbind::test;

namespace {

// ---- availability: deprecated and unavailable declarations ----

constexpr const char *availability_header =
    "__attribute__((deprecated)) int old_api(int x);\nint new_api(int x);\n"
    "struct __attribute__((deprecated)) old_s { int a; };\nstruct __attribute__((unavailable)) gone_s { int a; };\n"
    "int gone_fn(void) __attribute__((unavailable));\n";

TEST(Availability, DeprecatedAndUnavailableAreSkipped) {
    Module m = parsed(availability_header);
    passes::filter(m, {}, {});
    passes::availability(m, false);
    EXPECT_EQ(function(m, "old_api").info.binding.status, Status::Skipped);
    EXPECT_EQ(function(m, "old_api").info.binding.reason, "deprecated");
    EXPECT_TRUE(function(m, "new_api").info.binding.bound());
    EXPECT_EQ(record(m, "struct old_s").info.binding.reason, "deprecated");
    EXPECT_EQ(record(m, "struct gone_s").info.binding.reason, "marked unavailable");
    EXPECT_EQ(function(m, "gone_fn").info.binding.reason, "marked unavailable");
}

TEST(Availability, AllowDeprecatedBindsThemButNeverUnavailable) {
    Module m = parsed(availability_header);
    passes::filter(m, {}, {});
    passes::availability(m, true);
    EXPECT_TRUE(function(m, "old_api").info.binding.bound());
    EXPECT_TRUE(function(m, "old_api").info.deprecated); // the emitter silences the warning for these
    EXPECT_TRUE(record(m, "struct old_s").info.binding.bound());
    EXPECT_EQ(record(m, "struct gone_s").info.binding.reason, "marked unavailable");
}

TEST(Availability, PipelineRunsIt) {
    Module m = parsed(availability_header);
    EXPECT_TRUE(passes::run_all(m, passes::Options{}).empty());
    EXPECT_EQ(function(m, "old_api").info.binding.reason, "deprecated");
}

// ---- used structs: --used-structs-only ----

constexpr const char *used_structs_header =
    "struct inner { int v; };\nstruct outer { struct inner *in; };\ntypedef struct widget { int x; } widget_t;\n"
    "struct cb_arg { int a; };\nstruct global_s { int g; };\nstruct skipped_only { int s; };\n"
    "typedef struct outer outer_t;\nouter_t *get_outer(void);\nvoid on(void (*cb)(struct cb_arg *));\n"
    "extern struct global_s the_global;\nvoid log_it(struct skipped_only *s, ...);\n";

TEST(UsedStructs, OnlyStructsReachedFromBoundDeclarationsStay) {
    Module m = parsed(used_structs_header);
    passes::Options opt;
    opt.used_structs_only = true;
    EXPECT_TRUE(passes::run_all(m, opt).empty());
    EXPECT_TRUE(record(m, "struct outer").info.binding.bound()) << "a result, through a typedef";
    EXPECT_TRUE(record(m, "struct inner").info.binding.bound()) << "a field of a used struct";
    EXPECT_TRUE(record(m, "struct cb_arg").info.binding.bound()) << "a callback's parameter";
    EXPECT_TRUE(record(m, "struct global_s").info.binding.bound()) << "a global variable";
    EXPECT_EQ(record(m, "struct widget").info.binding.status, Status::Excluded);
    EXPECT_EQ(record(m, "struct widget").info.binding.reason,
              "used by no bound function, global variable or used struct (--used-structs-only)");
    EXPECT_EQ(function(m, "log_it").info.binding.status, Status::Skipped);
    EXPECT_EQ(record(m, "struct skipped_only").info.binding.status, Status::Excluded) << "used by a skipped function only";
}

TEST(UsedStructs, OffByDefault) {
    Module m = parsed(used_structs_header);
    EXPECT_TRUE(passes::run_all(m, passes::Options{}).empty());
    EXPECT_TRUE(record(m, "struct widget").info.binding.bound());
    EXPECT_TRUE(record(m, "struct skipped_only").info.binding.bound());
}

// ---- filter ----

TEST(Filter, BlockAndAllowUseFullMatch) {
    Module m = parsed("void gpio_set(int);\nvoid gpio_get(void);\nvoid spi_send(void);\n#define GPIO_X 1\n");
    passes::filter(m, {"gpio_.*", "GPIO_X"}, {"gpio_get"});
    EXPECT_TRUE(function(m, "gpio_set").info.binding.bound());
    EXPECT_EQ(function(m, "gpio_get").info.binding.reason, "blocked by --block 'gpio_get'");
    EXPECT_EQ(function(m, "spi_send").info.binding.reason, "not matched by any --allow");
    EXPECT_EQ(function(m, "spi_send").info.binding.status, Status::Excluded);
    EXPECT_TRUE(macro(m, "GPIO_X").info.binding.bound());
}

// A pattern must match a whole name: one that matches only a part of every name matches nothing, an option error.
TEST(Filter, PartialMatchIsNotEnough) {
    Module m = parsed("void gpio_set(int);\nvoid gpio(int);\n");
    passes::filter(m, {"gpio"}, {});
    EXPECT_FALSE(function(m, "gpio_set").info.binding.bound());
    EXPECT_TRUE(function(m, "gpio").info.binding.bound());
    Module only_partial = parsed("void gpio_set(int);\n");
    EXPECT_THROW(passes::filter(only_partial, {"gpio"}, {}), passes::OptionError);
}

TEST(Filter, PatternsMatchingNothingAreOptionErrors) {
    Module m = parsed("void spi_init(int);\n#define SPI_MAX 3\n");
    try {
        passes::filter(m, {"spi_.*"}, {"uart_.*"});
        FAIL() << "a --block matching nothing must be refused";
    } catch (const passes::OptionError &e) {
        EXPECT_STREQ(e.what(), "--block 'uart_.*' matches no declaration of the bound headers");
    }
    Module allowed = parsed("void spi_init(int);\n#define SPI_MAX 3\n");
    EXPECT_THROW(passes::filter(allowed, {"spi_.*", "SPI_MIN"}, {}), passes::OptionError);
    Module fine = parsed("void spi_init(int);\n#define SPI_MAX 3\n");
    EXPECT_NO_THROW(passes::filter(fine, {"spi_.*", "SPI_MAX"}, {"spi_init"}));
}

TEST(Filter, EnumConstantsIndividually) {
    Module m = parsed("enum mode { MODE_A, MODE_B, MODE_C };\n");
    passes::filter(m, {}, {"MODE_B"});
    EXPECT_TRUE(m.enums[0].constants[0].binding.bound());
    EXPECT_FALSE(m.enums[0].constants[1].binding.bound());
    EXPECT_TRUE(m.enums[0].info.binding.bound());
    passes::filter(m, {}, {"mode"});
    EXPECT_FALSE(m.enums[0].info.binding.bound());
}

TEST(Filter, OtherHeadersExcluded) {
    TempHeader h("#include \"other.h\"\nvoid f(struct o *p);\n", "main.h");
    h.add("other.h", "struct o { int x; };\n");
    clangw::LoadOptions o;
    o.headers = {h.path()};
    auto r = clangw::load(o);
    ASSERT_TRUE(r.ok);
    passes::filter(r.module, {}, {});
    EXPECT_EQ(record(r.module, "struct o").info.binding.reason, "declared in other.h, not a bound header");
}

TEST(Filter, BadRegexIsAnError) {
    Module m = parsed("void f(void);\n");
    EXPECT_THROW(passes::filter(m, {"("}, {}), std::invalid_argument);
}

// ---- support ----

TEST(Support, ReasonsAreUserFacing) {
    Module m = named("int pr(const char *fmt, ...);\nint old();\nvoid ld(long double x);\nlong double ret(void);\n"
                     "void unnamed(int, long double);\n__int128 wide(void);\n_Complex float cx(void);\n");
    EXPECT_EQ(function(m, "pr").info.binding.reason, "variadic function");
    EXPECT_EQ(function(m, "old").info.binding.reason, "K&R declaration without prototype");
    EXPECT_EQ(function(m, "ld").info.binding.reason, "unsupported type long double in parameter 'x'");
    EXPECT_EQ(function(m, "ret").info.binding.reason, "unsupported type long double in return value");
    EXPECT_EQ(function(m, "unnamed").info.binding.reason, "unsupported type long double in parameter 2");
    EXPECT_EQ(function(m, "wide").info.binding.reason, "unsupported type __int128 in return value");
    EXPECT_EQ(function(m, "cx").info.binding.reason, "unsupported type _Complex in return value");
    EXPECT_EQ(function(m, "pr").info.binding.status, Status::Skipped);
}

TEST(Support, BindableTypes) {
    Module m = named("#include <stdint.h>\n#include <stddef.h>\nstruct s { int a; };\nstruct opaque;\n"
                     "enum e { E_A };\ntypedef void (*cb_t)(void *);\n"
                     "uint64_t f(int8_t a, uint16_t b, size_t c, const char *s, char *t, void *p, float f, double d,"
                     " _Bool b2, enum e en, struct s by_value, struct s *ptr, struct opaque *op, cb_t cb, int arr[3],"
                     " long double *ldp);\nstruct s g(void);\nvoid h(void);\n");
    EXPECT_TRUE(function(m, "f").info.binding.bound()) << function(m, "f").info.binding.reason;
    EXPECT_TRUE(function(m, "g").info.binding.bound());
    EXPECT_TRUE(function(m, "h").info.binding.bound());
}

TEST(Support, IncompleteByValue) {
    Module m = parsed("struct opaque;\nvoid f(struct opaque o);\n", {"-Wno-everything"});
    passes::filter(m, {}, {});
    passes::availability(m, false);
    passes::support(m);
    EXPECT_EQ(function(m, "f").info.binding.reason, "struct opaque is incomplete (used by value) in parameter 'o'");
}

TEST(Support, FieldsSkippedIndividually) {
    Module m = named("struct s { int ok; long double bad; __int128 wide; int ok2; };\n"
                     "struct flex { int n; int data[]; };\n");
    const Record &s = record(m, "struct s");
    EXPECT_TRUE(s.info.binding.bound());
    EXPECT_TRUE(s.fields[0].binding.bound());
    EXPECT_EQ(s.fields[1].binding.reason, "unsupported type long double in field 'bad'");
    EXPECT_EQ(s.fields[2].binding.reason, "unsupported type __int128 in field 'wide'");
    EXPECT_TRUE(s.fields[3].binding.bound());
    EXPECT_EQ(record(m, "struct flex").fields[1].binding.reason, "flexible array member in field 'data'");
}

TEST(Support, ByValueDependencyFromOtherHeaderIsBound) {
    TempHeader h("#include \"dep.h\"\nstruct dep get(void);\nstruct far *ptr(void);\n", "main.h");
    h.add("dep.h", "struct inner { int y; };\nstruct dep { struct inner in; };\nstruct far { int z; };\n");
    clangw::LoadOptions o;
    o.headers = {h.path()};
    auto r = clangw::load(o);
    ASSERT_TRUE(r.ok);
    Module &m = r.module;
    passes::filter(m, {}, {});
    passes::availability(m, false);
    passes::support(m);
    EXPECT_TRUE(function(m, "get").info.binding.bound());
    EXPECT_TRUE(record(m, "struct dep").info.binding.bound());
    EXPECT_TRUE(record(m, "struct inner").info.binding.bound()); // field of a bound record, by value
    EXPECT_FALSE(record(m, "struct far").info.binding.bound());  // only through a pointer: stays opaque
    EXPECT_TRUE(function(m, "ptr").info.binding.bound());
}

TEST(Support, BlockedStructByValueSkipsUsers) {
    Module m = parsed("struct s { int a; };\nvoid f(struct s v);\n");
    passes::filter(m, {}, {"s"});
    passes::availability(m, false);
    passes::support(m);
    EXPECT_EQ(function(m, "f").info.binding.reason, "struct s is not bound (blocked by --block 's') in parameter 'v'");
}

TEST(Support, TypedefsOnlyForClasses) {
    Module m = named("typedef struct s { int a; } s_t;\ntypedef int myint;\n");
    EXPECT_TRUE(find_named(m.typedefs, "s_t")->info.binding.bound());
    EXPECT_EQ(find_named(m.typedefs, "myint")->info.binding.status, Status::Excluded);
}

// ---- naming ----

TEST(Naming, StripPrefix) {
    std::vector<std::string> p = {"gpio_"};
    EXPECT_EQ(passes::strip_prefix("gpio_set_level", p), "set_level");
    EXPECT_EQ(passes::strip_prefix("GPIO_MODE_OUTPUT", p), "MODE_OUTPUT"); // case-insensitive
    EXPECT_EQ(passes::strip_prefix("gpio_2x", p), "gpio_2x");             // would start with a digit
    EXPECT_EQ(passes::strip_prefix("gpio_", p), "gpio_");                 // would be empty
    EXPECT_EQ(passes::strip_prefix("spi_init", p), "spi_init");
    EXPECT_EQ(passes::strip_prefix("lv_obj", {"xx_", "lv_"}), "obj");
}

// `--prefix geom` strips the separator too, as `--prefix lv` users of LVGL expect (lv_obj -> obj, not _obj).
TEST(Naming, PrefixWithoutSeparatorStripsItToo) {
    EXPECT_EQ(passes::strip_prefix("geom_add", {"geom"}), "add");
    EXPECT_EQ(passes::strip_prefix("GEOM_MODE_A", {"geom"}), "MODE_A");
    EXPECT_EQ(passes::strip_prefix("geomadd", {"geom"}), "add");           // no separator to strip
    EXPECT_EQ(passes::strip_prefix("geom__x", {"geom"}), "_x");            // one separator only
    EXPECT_EQ(passes::strip_prefix("geom_2d", {"geom"}), "geom_2d");       // would start with a digit
    Module m = named("int geom_add(int a, int b);\n", {"geom"});
    EXPECT_EQ(function(m, "geom_add").info.py_name, "add");
}

TEST(Naming, PrefixStrippingNothingIsAnOptionError) {
    try {
        named("int geom_add(int a, int b);\n", {"geom", "gemo_"});
        FAIL() << "an unused --prefix must be refused";
    } catch (const passes::OptionError &e) {
        EXPECT_STREQ(e.what(), "--prefix 'gemo_' strips no name of the bound headers");
    }
}

TEST(Naming, ReservedWordsRenamed) {
    EXPECT_EQ(passes::py_identifier("class"), "class_");
    EXPECT_EQ(passes::py_identifier("None"), "None_");
    EXPECT_EQ(passes::py_identifier("lambda"), "lambda_");
    EXPECT_EQ(passes::py_identifier("print"), "print");
    EXPECT_EQ(passes::py_identifier("3d"), "_3d");
    EXPECT_EQ(passes::py_identifier("NULL"), "NULL_") << "MP_QSTR_NULL is the empty qstr: SQLITE_NULL -> SQLITE.NULL_";
}

TEST(Naming, ModuleItems) {
    Module m = named("typedef struct cfg { int class; int pass; } my_cfg_t;\nstruct plain { int x; };\n"
                     "void my_import(int from, int, int lambda);\n#define MY_VALUE 3\n",
                     {"my_"});
    EXPECT_EQ(function(m, "my_import").info.py_name, "import_");
    const auto &ps = function(m, "my_import").params;
    EXPECT_EQ(ps[0].py_name, "from_");
    EXPECT_EQ(ps[1].py_name, "arg1");
    EXPECT_EQ(ps[2].py_name, "lambda_");
    const Record &cfg = record(m, "struct cfg");
    EXPECT_EQ(cfg.info.py_name, "cfg_t"); // the typedef name wins over the tag
    EXPECT_TRUE(find_named(m.typedefs, "my_cfg_t")->merged);
    EXPECT_EQ(cfg.fields[0].py_name, "class_");
    EXPECT_EQ(cfg.fields[1].py_name, "pass_");
    EXPECT_EQ(record(m, "struct plain").info.py_name, "plain");
    EXPECT_EQ(macro(m, "MY_VALUE").py_name, "VALUE");
}

TEST(Naming, NestedAnonymousRecords) {
    Module m = named("typedef struct { union { int a; float b; }; struct { int x; } pos; } t_t;\n");
    const Record &t = record(m, "t_t");
    const Record &u = m.record(m.canonical(t.fields[0].type).record);
    const Record &pos = m.record(m.canonical(t.fields[1].type).record);
    EXPECT_EQ(u.info.py_name, "t_t_anon0");
    EXPECT_EQ(pos.info.py_name, "t_t_pos");
}

// ---- grouping ----

TEST(Grouping, CommonPrefixAtUnderscores) {
    EXPECT_EQ(passes::common_prefix({"GPIO_MODE_INPUT", "GPIO_MODE_OUTPUT"}), "GPIO_MODE_");
    EXPECT_EQ(passes::common_prefix({"GPIO_MODE_IN", "GPIO_MODE_INOUT"}), "GPIO_MODE_");
    EXPECT_EQ(passes::common_prefix({"LV_ALIGN_TOP", "LV_ALIGN_TOP_LEFT"}), "LV_ALIGN_");
    EXPECT_EQ(passes::common_prefix({"RED", "GREEN"}), "");
    EXPECT_EQ(passes::common_prefix({"ONLY_ONE"}), "ONLY_");
    EXPECT_EQ(passes::common_prefix({"SINGLE"}), "");
}

TEST(Grouping, EnumsByPrefix) {
    Module m = named("typedef enum { GPIO_MODE_INPUT, GPIO_MODE_OUTPUT = 3 } gpio_mode_t;\n"
                     "enum { GPIO_NUM_0, GPIO_NUM_1 };\nenum color { RED, GREEN };\nenum { LONE };\n");
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    const Group *g = group(m, "GPIO_MODE");
    ASSERT_NE(g, nullptr);
    ASSERT_EQ(g->members.size(), 2u);
    EXPECT_EQ(g->members[1].name, "OUTPUT");
    EXPECT_FALSE(m.enums[0].constants[0].flat);
    const Group *num = group(m, "GPIO_NUM");
    ASSERT_NE(num, nullptr);
    EXPECT_EQ(num->members[0].name, "_0"); // a member may not start with a digit
    const Group *color = group(m, "color"); // no common prefix: the enum's name
    ASSERT_NE(color, nullptr);
    EXPECT_EQ(color->members[0].name, "RED");
    EXPECT_TRUE(m.enums[3].constants[0].flat); // anonymous, no prefix: module attribute
    EXPECT_FALSE(m.enums[3].constants[0].group.valid());
}

TEST(Grouping, PrefixStrippedFromClassName) {
    Module m = named("enum { LV_ALIGN_CENTER, LV_ALIGN_TOP };\n", {"lv_"});
    passes::grouping(m, passes::GroupRule::Prefix, false, {"lv_"});
    EXPECT_NE(group(m, "ALIGN"), nullptr);
}

TEST(Grouping, RuleNameAndFlat) {
    Module m = named("typedef enum { PIN_MODE_IN, PIN_MODE_OUT } pin_mode_t;\n");
    passes::grouping(m, passes::GroupRule::Name, false, {});
    const Group *g = group(m, "pin_mode_t");
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(g->members[0].name, "IN");

    Module f = named("typedef enum { PIN_MODE_IN, PIN_MODE_OUT } pin_mode_t;\n");
    passes::grouping(f, passes::GroupRule::Flat, false, {});
    EXPECT_TRUE(f.groups.empty());
    EXPECT_TRUE(f.enums[0].constants[0].flat);
}

TEST(Grouping, FlatConstantsOptionCoversEnumsAndMacros) {
    Module m = named("enum { A_X, A_Y };\n#define B_X 1\n#define B_Y 2\n");
    passes::grouping(m, passes::GroupRule::Prefix, true, {});
    EXPECT_TRUE(m.enums[0].constants[0].group.valid());
    EXPECT_TRUE(m.enums[0].constants[0].flat);
    EXPECT_TRUE(macro(m, "B_X").group.valid());
    EXPECT_TRUE(macro(m, "B_X").flat);
}

TEST(Grouping, MacrosByLongestSharedPrefixNotALibraryPrefix) {
    Module m = named("#define MALLOC_CAP_DMA 4\n#define MALLOC_CAP_INTERNAL 8\n#define ESP_OK 0\n"
                     "#define ESP_FAIL -1\n#define SOLO_VALUE 7\n#define LV_SIZE 1\n#define LV_DPI 2\n",
                     {"lv_"});
    passes::grouping(m, passes::GroupRule::Prefix, false, {"lv_"});
    const Group *cap = group(m, "MALLOC_CAP");
    ASSERT_NE(cap, nullptr);
    EXPECT_EQ(cap->members.size(), 2u);
    EXPECT_EQ(cap->members[0].name, "DMA");
    EXPECT_NE(group(m, "ESP"), nullptr);
    EXPECT_EQ(group(m, "SOLO"), nullptr); // one macro alone is no class
    EXPECT_EQ(group(m, "LV"), nullptr);   // lv_ is a --prefix: LV_SIZE and LV_DPI stay module attributes
    EXPECT_TRUE(macro(m, "LV_SIZE").flat);
    EXPECT_FALSE(macro(m, "MALLOC_CAP_DMA").flat); // one name per constant: the class member
    EXPECT_TRUE(macro(m, "SOLO_VALUE").flat);      // not grouped: a module attribute
}

// `enum { ENUM_X = X };`, written out or made by a function-like macro: the enumerator exports macro X.
constexpr const char *export_header =
    "#define EXPORT_INT(v) enum { ENUM_##v = v }\n#define DPI_DEF 130\n#define SIZE_BIG (1 << 12)\n"
    "#define SIZE_SMALL 4\n#define SIZE_OTHER 5\nEXPORT_INT(DPI_DEF);\nEXPORT_INT(SIZE_BIG);\n"
    "enum { PLAIN_DPI = DPI_DEF };\nenum { EXP_DPI_DEF = DPI_DEF };\ntypedef enum { TD_DPI_DEF = DPI_DEF } td_t;\n"
    "enum { SUM_DPI = DPI_DEF + 1, LIT_DPI = 130, PAREN_DPI = (DPI_DEF) };\n"
    "enum { MODE_DPI = DPI_DEF, MODE_SMALL = SIZE_SMALL };\n";

TEST(Grouping, EnumeratorInitialisedWithOneMacroExportsIt) {
    Module m = parsed(export_header);
    auto exports = [&](const std::string &name) {
        for (const Enum &e : m.enums)
            for (const EnumConstant &k : e.constants)
                if (k.c_name == name) return std::make_pair(k.initializer_macro, passes::macro_export(e, k));
        throw std::runtime_error("no enumerator " + name);
    };
    using P = std::pair<std::string, std::string>;
    EXPECT_EQ(exports("ENUM_DPI_DEF"), P("DPI_DEF", "DPI_DEF")); // made by EXPORT_INT
    EXPECT_EQ(exports("ENUM_SIZE_BIG"), P("SIZE_BIG", "SIZE_BIG"));
    EXPECT_EQ(exports("EXP_DPI_DEF"), P("DPI_DEF", "DPI_DEF"));  // written out
    EXPECT_EQ(exports("PLAIN_DPI"), P("DPI_DEF", ""));           // an ordinary enum: not named for the macro
    EXPECT_EQ(exports("TD_DPI_DEF"), P("DPI_DEF", ""));          // a typedef names the enum
    EXPECT_EQ(exports("SUM_DPI"), P("", ""));                    // an expression, not the macro alone
    EXPECT_EQ(exports("LIT_DPI"), P("", ""));
    EXPECT_EQ(exports("PAREN_DPI"), P("", ""));
    EXPECT_EQ(exports("MODE_DPI"), P("DPI_DEF", "")); // an enum of several members is a class of its own
}

TEST(Grouping, ExportedMacroBoundOnceFlatUnderItsName) {
    // The macros bound too: each is a module attribute although grouped (SIZE.BIG and SIZE_BIG, SIZE.SMALL only),
    // the enumerators are left out.
    Module m = named(export_header);
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    EXPECT_TRUE(macro(m, "SIZE_BIG").group.valid());
    EXPECT_TRUE(macro(m, "SIZE_BIG").flat);
    EXPECT_TRUE(macro(m, "SIZE_SMALL").group.valid());
    EXPECT_FALSE(macro(m, "SIZE_SMALL").flat);
    EXPECT_TRUE(macro(m, "DPI_DEF").flat);
    const EnumConstant &big = m.enums[1].constants[0];
    EXPECT_EQ(big.c_name, "ENUM_SIZE_BIG");
    EXPECT_EQ(big.binding.status, Status::Excluded);
    EXPECT_EQ(big.binding.reason, "exports macro SIZE_BIG, bound under its own name");
    EXPECT_EQ(group(m, "ENUM_SIZE"), nullptr);
    EXPECT_EQ(group(m, "ENUM_DPI"), nullptr);

    // The macros not bound (--block here, a header outside --include-headers in real use): the first enumerator
    // exporting each is bound flat under the macro's name, a second one is left out.
    Module b = parsed(export_header);
    passes::filter(b, {}, {"DPI_DEF|SIZE_BIG"});
    passes::availability(b, false);
    passes::support(b);
    passes::naming(b, {});
    passes::grouping(b, passes::GroupRule::Prefix, false, {});
    const EnumConstant &dpi = b.enums[0].constants[0];
    EXPECT_TRUE(dpi.binding.bound());
    EXPECT_EQ(dpi.py_name, "DPI_DEF");
    EXPECT_TRUE(dpi.flat);
    EXPECT_FALSE(dpi.group.valid());
    EXPECT_EQ(b.enums[1].constants[0].py_name, "SIZE_BIG");
    EXPECT_EQ(b.enums[3].constants[0].binding.reason, "exports macro DPI_DEF, bound as ENUM_DPI_DEF");
    EXPECT_EQ(b.enums[2].constants[0].py_name, "PLAIN_DPI"); // not named for the macro: its own constant
    EXPECT_TRUE(b.enums[2].constants[0].binding.bound());
    EXPECT_EQ(b.enums[4].constants[0].py_name, "TD_DPI_DEF"); // a typedef'd enum: its own
    EXPECT_TRUE(b.enums[6].constants[0].group.valid()); // MODE.DPI
    EXPECT_TRUE(b.enums[6].constants[0].binding.bound());
}

TEST(Grouping, MacrosJoinEnumClassOfSameName) {
    Module m = named("enum { MODE_A, MODE_B };\n#define MODE_C 5\n#define MODE_D 6\n");
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    ASSERT_EQ(m.groups.size(), 1u);
    EXPECT_EQ(m.groups[0].members.size(), 4u);
}

// ---- collisions ----

TEST(Collisions, LaterClaimantSkipped) {
    Module m = named("struct stat { int size; };\nint stat(const char *path, struct stat *st);\n");
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    passes::collisions(m);
    EXPECT_TRUE(function(m, "stat").info.binding.bound());
    EXPECT_EQ(record(m, "struct stat").info.binding.reason, "Python name 'stat' already used by function stat");
    EXPECT_EQ(record(m, "struct stat").info.binding.status, Status::Skipped);
}

TEST(Collisions, RuntimeNamesReserved) {
    Module m = named("void Blob(void);\n");
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    passes::collisions(m);
    EXPECT_EQ(function(m, "Blob").info.binding.reason, "Python name 'Blob' already used by the runtime");
}

TEST(Collisions, PrefixStrippingCollisions) {
    Module m = named("void my_open(void);\nvoid open(void);\n", {"my_"});
    passes::grouping(m, passes::GroupRule::Prefix, false, {"my_"});
    passes::collisions(m);
    EXPECT_TRUE(function(m, "my_open").info.binding.bound());
    EXPECT_EQ(function(m, "open").info.binding.reason, "Python name 'open' already used by function my_open");
}

TEST(Collisions, FieldsAfterRenaming) {
    Module m = named("struct s { int class; int class_; };\n");
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    passes::collisions(m);
    EXPECT_EQ(record(m, "struct s").fields[1].binding.reason, "Python name 'class_' already used by field class");
}

TEST(Collisions, FlatConstantCollidingWithFunctionStaysInGroup) {
    Module m = named("enum { my_K_A, my_K_B };\nvoid K_A(void);\n", {"my_"});
    passes::grouping(m, passes::GroupRule::Prefix, true, {"my_"});
    ASSERT_NE(group(m, "K"), nullptr);
    passes::collisions(m);
    EXPECT_FALSE(m.enums[0].constants[0].flat);
    EXPECT_TRUE(m.enums[0].constants[0].binding.bound()); // still reachable as K.A
}

// ---- methods ----

TEST(Methods, MethodsAndConstructor) {
    Module m = named("typedef struct lv_obj_t lv_obj_t;\nstruct lv_obj_t { int x; };\n"
                     "lv_obj_t *lv_obj_create(lv_obj_t *parent);\nvoid lv_obj_set_x(lv_obj_t *o, int x);\n"
                     "void lv_obj_del(lv_obj_t *o);\nint lv_obj_x(lv_obj_t *o);\nvoid lv_obj_free_fn(int x);\n",
                     {"lv_"});
    passes::methods(m, {"lv_"});
    const Record &obj = record(m, "struct lv_obj_t");
    EXPECT_EQ(obj.info.py_name, "obj_t");
    ASSERT_TRUE(obj.constructor.valid());
    EXPECT_EQ(m.function(obj.constructor).info.c_name, "lv_obj_create");
    ASSERT_EQ(obj.methods.size(), 2u); // set_x, del; "x" clashes with field x; free_fn has no self
    EXPECT_EQ(m.function(obj.methods[0]).method_name, "set_x");
    EXPECT_EQ(m.function(obj.methods[1]).method_name, "delete");
    EXPECT_FALSE(function(m, "lv_obj_free_fn").method_of.valid());
}

// The shape of LVGL v9: constructors of several names returning one opaque type make object classes inheriting the
// type's class, which takes its own constructor's name; widget functions are their methods; no flat duplicates.
const char *const widgets =
    "typedef struct lv_obj_t lv_obj_t;\ntypedef struct lv_timer_t lv_timer_t;\n"
    "lv_obj_t *lv_obj_create(lv_obj_t *parent);\nvoid lv_obj_set_x(lv_obj_t *o, int x);\n"
    "lv_obj_t *lv_button_create(lv_obj_t *parent);\nlv_obj_t *lv_buttonmatrix_create(lv_obj_t *parent);\n"
    "void lv_buttonmatrix_set_map(lv_obj_t *o, const char *map);\nvoid lv_button_count(int n);\n"
    "lv_obj_t *lv_label_create(lv_obj_t *parent);\nvoid lv_label_set_text(lv_obj_t *o, const char *t);\n"
    "lv_timer_t *lv_timer_create(int period);\nvoid lv_timer_set_period(lv_timer_t *t, int p);\n"
    "typedef struct lv_display_t lv_display_t;\nlv_display_t *lv_display_create(int w, int h);\n"
    "lv_display_t *lv_sdl_window_create(int w, int h);\n"
    "enum { LV_LABEL_LONG_WRAP, LV_LABEL_LONG_DOT };\nenum { LV_OBJ_FLAG_HIDDEN = 1, LV_OBJ_FLAG_CLICKABLE = 2 };\n";

const ObjectClass *object_class(const Module &m, const std::string &name) {
    for (const ObjectClass &c : m.object_classes)
        if (c.py_name == name) return &c;
    return nullptr;
}

TEST(Methods, ConstructorsOfABaseObjectTypeMakeObjectClasses) {
    Module m = named(widgets, {"lv_"});
    passes::methods(m, {"lv_"});
    const Record &obj = record(m, "struct lv_obj_t");
    EXPECT_EQ(obj.info.py_name, "obj"); // named after its own constructor
    EXPECT_EQ(m.function(obj.constructor).info.c_name, "lv_obj_create");
    EXPECT_FALSE(m.function(obj.constructor).flat);
    ASSERT_EQ(m.object_classes.size(), 3u);
    const ObjectClass *button = object_class(m, "button"), *bm = object_class(m, "buttonmatrix"),
                      *label = object_class(m, "label");
    ASSERT_TRUE(button && bm && label);
    EXPECT_EQ(m.record(button->record).info.py_name, "obj");
    EXPECT_EQ(m.function(button->constructor).info.c_name, "lv_button_create");
    EXPECT_TRUE(button->methods.empty()); // lv_button_count takes no object
    ASSERT_EQ(bm->methods.size(), 1u);     // the longest stem wins: buttonmatrix, not button
    EXPECT_EQ(m.function(bm->methods[0]).method_name, "set_map");
    ASSERT_EQ(label->methods.size(), 1u);
    const Function &set_text = m.function(label->methods[0]);
    EXPECT_EQ(set_text.method_name, "set_text");
    EXPECT_EQ(set_text.object_class, static_cast<int32_t>(label - m.object_classes.data()));
    EXPECT_FALSE(set_text.flat);
    EXPECT_TRUE(function(m, "lv_button_count").flat);
    EXPECT_FALSE(function(m, "lv_obj_set_x").flat);
    // A record with only its own constructor stays a plain class whose constructor is also a module function.
    const Record &timer = record(m, "struct lv_timer_t");
    EXPECT_EQ(timer.info.py_name, "timer_t");
    EXPECT_TRUE(m.function(timer.constructor).flat);
    EXPECT_EQ(timer.methods.size(), 1u);
    // Constructors that take no parent of their own type make no object class (lv_sdl_window_create(w, h)).
    EXPECT_EQ(record(m, "struct lv_display_t").info.py_name, "display_t");
    EXPECT_TRUE(function(m, "lv_sdl_window_create").flat);
    EXPECT_TRUE(function(m, "lv_display_create").flat);
}

TEST(Methods, FlatMethodsOptionKeepsTheModuleFunctions) {
    Module m = named(widgets, {"lv_"});
    passes::methods(m, {"lv_"}, true);
    EXPECT_TRUE(function(m, "lv_label_set_text").flat);
    EXPECT_TRUE(function(m, "lv_label_create").flat);
    EXPECT_TRUE(function(m, "lv_obj_set_x").flat);
}

TEST(Methods, ConstantClassesAttachToObjectClasses) {
    Module m = named(widgets, {"lv_"});
    passes::methods(m, {"lv_"});
    passes::grouping(m, passes::GroupRule::Prefix, false, {"lv_"});
    passes::collisions(m);
    passes::class_constants(m);
    const Group *flag = group(m, "OBJ_FLAG"), *lng = group(m, "LABEL_LONG");
    ASSERT_TRUE(flag && lng);
    EXPECT_EQ(m.record(flag->owner).info.py_name, "obj");
    EXPECT_EQ(flag->owner_name, "FLAG");
    ASSERT_GE(lng->owner_class, 0);
    EXPECT_EQ(m.object_classes[lng->owner_class].py_name, "label");
    EXPECT_EQ(lng->owner_name, "LONG");
}

TEST(Methods, ObjectClassCollidingWithAFunctionKeepsItsFunctionsFlat) {
    Module m = named("typedef struct o_t o_t;\no_t *o_create(void);\no_t *w_create(o_t *p);\n"
                     "void w_set(o_t *o, int v);\nint w(int);\n");
    passes::methods(m, {});
    passes::grouping(m, passes::GroupRule::Prefix, false, {});
    passes::collisions(m);
    ASSERT_EQ(m.object_classes.size(), 1u);
    EXPECT_FALSE(m.object_classes[0].binding.bound());
    EXPECT_NE(m.object_classes[0].binding.reason.find("function w"), std::string::npos);
    EXPECT_TRUE(function(m, "w_create").flat);
    EXPECT_TRUE(function(m, "w_set").flat);
}

// ---- identity ----

TEST(Identity, UserDataAccessorsAndClassDescriptors) {
    Module m = named(std::string(widgets) +
                         "typedef struct lv_obj_class_t { int n; } lv_obj_class_t;\n"
                         "extern const lv_obj_class_t lv_button_class;\nextern const lv_obj_class_t lv_obj_class;\n"
                         "void *lv_obj_get_user_data(lv_obj_t *o);\nvoid lv_obj_set_user_data(lv_obj_t *o, void *d);\n"
                         "const lv_obj_class_t *lv_obj_get_class(const lv_obj_t *o);\n"
                         "void *lv_timer_get_user_data(lv_timer_t *t);\n",
                     {"lv_"});
    passes::methods(m, {"lv_"});
    passes::callbacks(m, {});
    passes::identity(m);
    const Record &obj = record(m, "struct lv_obj_t");
    ASSERT_TRUE(obj.identity);
    EXPECT_EQ(m.function(obj.identity->get).info.c_name, "lv_obj_get_user_data");
    EXPECT_EQ(m.function(obj.identity->set).info.c_name, "lv_obj_set_user_data");
    EXPECT_EQ(m.function(obj.identity->get_class).info.c_name, "lv_obj_get_class");
    ASSERT_EQ(obj.identity->classes.size(), 4u); // obj, button, buttonmatrix, label
    EXPECT_EQ(obj.identity->classes[0], (std::pair<int32_t, std::string>{-1, "lv_obj_class"}));
    for (const auto &[k, desc] : obj.identity->classes) {
        if (k < 0) continue;
        EXPECT_EQ(desc, m.object_classes[k].py_name == "button" ? "lv_button_class" : "") << k;
    }
    EXPECT_FALSE(record(m, "struct lv_timer_t").identity); // a getter without a setter
}

TEST(Identity, NotWhereACallbackConventionKeepsItsCallables) {
    Module m = named("struct s { void (*cb)(struct s *); void *user_data; };\nstruct t { int v; void *user_data; };\n"
                     "struct u { void *user_data; };\nvoid on(struct u *u, void (*cb)(struct u *));\n"
                     "struct t *t_create(void);\nstruct d { void *user_data; };\n");
    passes::methods(m, {});
    passes::callbacks(m, {});
    passes::identity(m);
    EXPECT_FALSE(record(m, "struct s").identity); // its user_data holds the callables of cb
    EXPECT_FALSE(record(m, "struct u").identity); // registration's first argument: its user_data holds them
    const Record &t = record(m, "struct t");
    ASSERT_TRUE(t.identity);
    ASSERT_TRUE(t.identity->field);
    EXPECT_EQ(t.fields[*t.identity->field].c_name, "user_data");
    EXPECT_FALSE(t.identity->get_class.valid());
    EXPECT_FALSE(record(m, "struct d").identity); // no constructor: a descriptor the caller fills
}

TEST(Methods, KeywordRule) {
    EXPECT_EQ(passes::method_identifier("del"), "delete");
    EXPECT_EQ(passes::method_identifier("import"), "import_");
}

// ---- the whole pipeline ----

// Each pass names the passes it relies on; running it earlier is refused instead of giving a wrong IR.
TEST(Pipeline, PassesRunOutOfOrderAreRefused) {
    Module m = parsed("struct s { void (*cb)(struct s *); void *user_data; };\nvoid f(int);\n");
    passes::filter(m, {}, {});
    try {
        passes::naming(m, {});
        FAIL() << "naming before support must be refused";
    } catch (const std::logic_error &e) {
        EXPECT_STREQ(e.what(), "naming runs after support, which did not run");
    }
    EXPECT_THROW(passes::callbacks(m, {}), std::logic_error);
    EXPECT_THROW(passes::collisions(m), std::logic_error);
    EXPECT_THROW(passes::class_constants(m), std::logic_error);
    passes::availability(m, false);
    passes::support(m);
    EXPECT_NO_THROW(passes::naming(m, {}));
    EXPECT_NO_THROW(passes::callbacks(m, {}));
}

TEST(Pipeline, LeavesVerifiedIr) {
    Module m = parsed("typedef struct { int a; union { int b; }; } t_t;\nenum { E_A, E_B };\n#define M_X 1\n"
                      "void f(t_t *t);\nint pr(const char *, ...);\n");
    passes::Options o;
    EXPECT_TRUE(passes::run_all(m, o).empty());
}

} // namespace

namespace {

// What a runtime field row (mpb_field_t) cannot describe is skipped with the reason, not dropped silently: arrays
// beyond its 16-bit count, fields beyond its 16-bit offset (counted from the start of the table's record for the
// members of an anonymous struct, which are flattened into it), bitfields read through more than 64 bits.
TEST(Support, FieldsBeyondAFieldRowAreSkipped) {
    Module m = named("struct big { char ok[65535]; int : 3; int n; };\n"
                     "struct huge { short grid[300][300]; unsigned char arr[70000]; };\n"
                     "struct far { char pad[65500]; struct { int early; char gap[32]; int late; }; };\n"
                     "struct __attribute__((packed)) bits { unsigned a : 3; unsigned long long b : 62; };\n");
    const Record &big = record(m, "struct big");
    EXPECT_TRUE(big.fields[0].binding.bound());
    EXPECT_EQ(big.fields[1].binding.status, Status::Excluded) << "an unnamed bit-field only pads";
    EXPECT_EQ(big.fields[2].binding.reason, "field 'n' lies at byte 65536 (a field row reaches 65535)");
    const Record &huge = record(m, "struct huge");
    EXPECT_EQ(huge.fields[0].binding.reason, "array of 90000 elements in field 'grid' (a field row holds at most 65535)");
    EXPECT_EQ(huge.fields[1].binding.reason, "array of 70000 elements in field 'arr' (a field row holds at most 65535)");
    const Record &far = record(m, "struct far");
    const Record &inner = m.record(m.canonical(far.fields[1].type).record);
    EXPECT_TRUE(far.fields[1].binding.bound()) << "the anonymous member itself starts at byte 65500";
    EXPECT_TRUE(inner.fields[0].binding.bound());
    EXPECT_TRUE(inner.fields[1].binding.bound());
    EXPECT_EQ(inner.fields[2].binding.reason, "field 'late' lies at byte 65536 (a field row reaches 65535)");
    const Record &bits = record(m, "struct bits");
    EXPECT_TRUE(bits.fields[0].binding.bound());
    EXPECT_EQ(bits.fields[1].binding.reason, "field 'b' is a bit-field spanning 65 bits from its first byte (at most 64)");
}

// Integers of any width are ROM objects (small ints, or const int objects beyond them); a float needs a C literal.
TEST(Support, WideConstantsAreBoundInfiniteFloatsAreSkipped) {
    Module m = named("#define OK_62 0x3fffffffffffffffLL\n#define WIDE 0x4000000000000000LL\n"
                     "#define WIDE_NEG (-0x4000000000000001LL)\n#define ALL_ONES 0xffffffffffffffffULL\n"
                     "#define INF_F (1.0 / 0.0)\nenum { E_OK = 1, E_BIG = 0x7fffffffffffffffLL };\n");
    for (const char *name : {"OK_62", "WIDE", "WIDE_NEG", "ALL_ONES"})
        EXPECT_TRUE(macro(m, name).info.binding.bound()) << name << ": " << macro(m, name).info.binding.reason;
    EXPECT_EQ(macro(m, "INF_F").info.binding.reason, "infinite or not-a-number value (no C literal for a ROM float)");
    const ir::Enum &e = m.enums.at(0);
    EXPECT_TRUE(e.constants[0].binding.bound());
    EXPECT_TRUE(e.constants[1].binding.bound());
}

TEST(Support, VaListSkipped) {
    Module m = named("#include <stdarg.h>\nint vlog(const char *fmt, va_list ap);\n");
    EXPECT_EQ(function(m, "vlog").info.binding.reason, "va_list in parameter 'ap'");
}

// On ARM va_list is a struct (struct __va_list): still skipped, and never bound as a class of its own.
TEST(Support, VaListOfArmIsNoClass) {
    Module m = parsed("#include <stdarg.h>\nint vlog(const char *fmt, va_list ap);\n"
                      "typedef int (*vlogger_t)(const char *, va_list);\nvoid set_logger(vlogger_t f);\n",
                      {"--target=arm-linux-gnueabihf"});
    passes::filter(m, {}, {});
    passes::availability(m, false);
    passes::support(m);
    EXPECT_EQ(function(m, "vlog").info.binding.reason, "va_list in parameter 'ap'");
    EXPECT_TRUE(function(m, "set_logger").info.binding.bound());
    for (const Record &r : m.records) EXPECT_FALSE(r.info.binding.bound()) << r.c_spelling << " is bound";
}

} // namespace

namespace {

TEST(ClassConstants, GroupAttachedToClassByName) {
    Module m = named("typedef struct lv_obj_t lv_obj_t;\nstruct lv_obj_t { int STATE; };\n"
                     "enum { LV_OBJ_FLAG_HIDDEN = 1, LV_OBJ_FLAG_CLICKABLE = 2 };\n"
                     "enum { LV_OBJ_STATE_A, LV_OBJ_STATE_B };\n"
                     "enum { LV_ALIGN_CENTER, LV_ALIGN_TOP };\n",
                     {"lv_"});
    passes::methods(m, {"lv_"});
    passes::grouping(m, passes::GroupRule::Prefix, false, {"lv_"});
    passes::collisions(m);
    passes::class_constants(m);
    const Group *flag = group(m, "OBJ_FLAG");
    ASSERT_NE(flag, nullptr);
    ASSERT_TRUE(flag->owner.valid());
    EXPECT_EQ(m.record(flag->owner).info.py_name, "obj_t");
    EXPECT_EQ(flag->owner_name, "FLAG");
    EXPECT_FALSE(group(m, "OBJ_STATE")->owner.valid()); // "STATE" is a field of obj_t already
    EXPECT_FALSE(group(m, "ALIGN")->owner.valid()); // no class named align
}

} // namespace
