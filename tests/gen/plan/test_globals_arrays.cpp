// test_globals_arrays.cpp: the plan and C of global variables (structs by reference, scalars through the module
// type) and of array parameters (the elements a list gives, wrappers told apart by them).
#include <gtest/gtest.h>

#include "generate_fixture.h"

using namespace mpbind;
using test::count;
using test::generate;

namespace {

const plan::Function &fn(const plan::Plan &p, const std::string &c_name) {
    for (const plan::Function &f : p.functions)
        if (f.c_name == c_name) return f;
    throw std::runtime_error("no function " + c_name);
}

const plan::Variable &var(const plan::Plan &p, const std::string &c_name) {
    for (const plan::Variable &v : p.variables)
        if (v.c_name == c_name) return v;
    throw std::runtime_error("no variable " + c_name);
}

} // namespace

TEST(PlanGlobals, StructsByReferenceScalarsThroughTheModuleType) {
    auto g = generate("typedef struct { int h; } font_t;\nextern const font_t font_12;\nextern font_t font_rw;\n"
                      "extern int counter;\nextern const unsigned char level;\nextern const char *name;\n");
    const plan::Variable &font = var(g.plan, "font_12");
    EXPECT_TRUE(font.by_reference());
    EXPECT_TRUE(font.read_only);
    EXPECT_EQ(font.cls, "mp_fx_font_t_type");
    EXPECT_FALSE(var(g.plan, "font_rw").read_only);
    EXPECT_EQ(var(g.plan, "counter").conv.code, plan::Code::I32);
    EXPECT_EQ(var(g.plan, "level").conv.code, plan::Code::U8);
    EXPECT_TRUE(var(g.plan, "level").read_only);
    EXPECT_EQ(var(g.plan, "name").conv.code, plan::Code::STR);
    EXPECT_EQ(g.plan.module_type, "mp_module_fx_type");
    EXPECT_NE(g.c.find("static MPB_DEFINE_MODULE_VARS_TYPE(mp_module_fx_type, mp_module_fx_globals);"), std::string::npos);
    EXPECT_NE(g.c.find("static MPB_DEFINE_GLOBAL_STRUCT(mp_fx_font_12_var, mp_fx_font_t_type, &font_12, 1);"),
              std::string::npos);
    EXPECT_NE(g.c.find("static MPB_DEFINE_GLOBAL_VAR(mp_fx_level_var, MP_QSTR_level, MPB_U8, MPB_F_CONST, &level, NULL);"),
              std::string::npos);
    EXPECT_NE(g.c.find("MP_ROM_QSTR(MP_QSTR_font_12), MP_ROM_PTR(&mp_fx_font_12_var)"), std::string::npos);
    EXPECT_NE(g.c.find(".base = { &mp_module_fx_type }"), std::string::npos);
}

TEST(PlanGlobals, OnlyStructGlobalsKeepTheCoreModuleType) {
    auto g = generate("struct cls { int id; };\nextern const struct cls button_class;\n");
    EXPECT_EQ(g.plan.module_type, "mp_type_module");
    EXPECT_NE(g.c.find(".base = { &mp_type_module }"), std::string::npos);
    EXPECT_EQ(count(g.c, "MPB_DEFINE_MODULE_VARS_TYPE"), 0u);
    auto none = generate("int f(void);\n");
    EXPECT_TRUE(none.plan.variables.empty());
    EXPECT_EQ(count(none.c, "GLOBAL"), 0u);
}

TEST(PlanGlobals, ReportListsThemAsBoundVariables) {
    auto g = generate("extern int counter;\nextern int table[2];\n");
    size_t bound = 0, skipped = 0;
    for (const plan::Decl &d : g.plan.decls) {
        if (d.kind != plan::Decl::Kind::Variable) continue;
        if (d.status == ir::Status::Bound) {
            ++bound;
            EXPECT_EQ(d.py_name, "counter");
        }
        if (d.status == ir::Status::Skipped) ++skipped;
    }
    EXPECT_EQ(bound, 1u);
    EXPECT_EQ(skipped, 1u);
}

TEST(PlanArrays, ElementsOfPointerParameters) {
    auto g = generate("typedef struct { int x, y; } pt_t;\nstruct opq;\ntypedef enum { P_A, P_B } prop_t;\n"
                      "void f(const char *const map[], const prop_t props[], const pt_t *pts, int *ints,\n"
                      "       const char *s, void *raw, struct opq *o, const double *ds, char **out, long double *ld);\n");
    const plan::Function &f = fn(g.plan, "f");
    using plan::Code;
    std::vector<Code> want = {Code::STR, Code::U32, Code::STRUCT, Code::I32, Code::VOID, Code::VOID, Code::VOID,
                              Code::F64, Code::STR, Code::VOID};
    ASSERT_EQ(f.params.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(f.params[i].array.code, want[i]) << "parameter " << i;
    EXPECT_NE(g.c.find("mpb_get_array(args, 0, MPB_STR, self)"), std::string::npos);
    EXPECT_NE(g.c.find("mpb_get_array(args, 1, MPB_U32, self)"), std::string::npos);
    EXPECT_NE(g.c.find("mpb_get_struct_arg(args, 2, self)"), std::string::npos);
    EXPECT_NE(g.c.find("mpb_get_ptr(args[5], self, 5)"), std::string::npos); // void *: no elements
    EXPECT_NE(g.c.find("mpb_get_str(args[4]"), std::string::npos); // a string stays a string
}

TEST(PlanArrays, WrappersAreToldApartByTheirElements) {
    auto g = generate("int sum_i(const int *v, int n);\nint sum_j(const int *v, int n);\n"
                      "int sum_raw(void *v, int n);\nint sum_u8(const unsigned char *v, int n);\n");
    const plan::Plan &p = g.plan;
    EXPECT_EQ(fn(p, "sum_i").wrapper, fn(p, "sum_j").wrapper);
    EXPECT_NE(fn(p, "sum_i").wrapper, fn(p, "sum_raw").wrapper);
    EXPECT_NE(fn(p, "sum_i").wrapper, fn(p, "sum_u8").wrapper);
    EXPECT_EQ(p.wrappers.size(), 3u);
}

// The class in the function object says whether a struct pointer takes a list (not an opaque one): one wrapper.
TEST(PlanArrays, StructPointerWrappersStaySharedWhateverTheStruct) {
    auto g = generate("struct pt { int x; };\nstruct opq;\nvoid use_pt(struct pt *p);\nvoid use_opq(struct opq *o);\n");
    EXPECT_EQ(fn(g.plan, "use_pt").wrapper, fn(g.plan, "use_opq").wrapper);
    EXPECT_EQ(fn(g.plan, "use_pt").params[0].array.code, plan::Code::STRUCT);
    EXPECT_EQ(fn(g.plan, "use_opq").params[0].array.code, plan::Code::VOID);
}
