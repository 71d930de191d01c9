// test_module.cpp: the emitted C of headers run through the real passes and plan: wrapper sharing, names after what
// they bind, prototypes, what is not bound and why, field tables, callbacks, constants, registration.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <regex>

#include "generate_fixture.h"

using namespace mpbind;
using test::count;
using test::generate;

namespace {

bool has(const std::string &c, const std::string &what) { return c.find(what) != std::string::npos; }

} // namespace

TEST(Module, SameSignatureSharesOneWrapperNamedAfterItsFirstFunction) {
    std::string c = generate("int add(int a, int b);\nint sub(int x, int y);\nint neg(int a);\n").c;
    EXPECT_EQ(count(c, "static mp_obj_t mp_fx_"), 2u) << c;
    EXPECT_EQ(count(c, "MPB_DEFINE_FUN("), 3u);
    EXPECT_TRUE(has(c, "// int sub(int x, int y)\n/* Reusing mp_fx_add for sub */\n"
                       "static MPB_DEFINE_FUN(mp_fx_sub_obj, MP_QSTR_sub, sub, mp_fx_fun_type, 0, MPB_NO_CLASSES, 26);"))
        << c;
    EXPECT_TRUE(has(c, "// int add(int a, int b)\ntypedef int32_t mp_fx_add_ft(int32_t, int32_t);\n"
                       "static mp_obj_t mp_fx_add(const mpb_fun_t *self, const mp_obj_t *args) {"))
        << c;
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR_neg), MP_ROM_PTR(&mp_fx_neg_obj) }"));
}

TEST(Module, FunctionsOfOneWrapperShareOneShapeTheirClassesAndStrings) {
    std::string c = generate("typedef struct pt { int x; } pt_t;\ntypedef struct sz { int w; } sz_t;\n"
                             "int len(pt_t *p, int k);\nint area(pt_t *q, int k);\nint width(sz_t *s, int k);\n"
                             "int twice(pt_t *p, int k);\nint plain(int p, int k);\nvoid show(pt_t *p);\n")
                        .c;
    // One wrapper, so one shape, for all four "i32(P,i32)"; plain and show (other wrappers) have their own.
    EXPECT_EQ(count(c, "MPB_DEFINE_FUN("), 6u) << c;
    EXPECT_EQ(count(c, "MPB_FUN_SHAPE("), 3u) << c;
    EXPECT_TRUE(has(c, "static const mpb_fun_shape_t mp_fx_shapes[] = {\n"
                       "    MPB_FUN_SHAPE(mp_fx_len, 0, 2), // 0\n"
                       "    MPB_FUN_SHAPE(mp_fx_plain, 11, 2), // 1\n"
                       "    MPB_FUN_SHAPE(mp_fx_show, 24, 1), // 2\n};\n")) << c;
    // A table ends at its last class: len's and show's are one. The module's classes hold each table once; a function
    // object holds its shape's index and its table's offset.
    EXPECT_TRUE(has(c, "static const mpb_struct_type_t *const mp_fx_classes[] = {\n    &mp_fx_pt_t_type, // 0\n"
                       "    &mp_fx_sz_t_type, // 1\n};\n")) << c;
    EXPECT_TRUE(has(c, "static MPB_DEFINE_FUN_TYPE(mp_fx_fun_type, mp_fx_shapes, mp_fx_strings, mp_fx_classes);")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_area_obj, MP_QSTR_area, area, mp_fx_fun_type, 0, 0, ")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_twice_obj, MP_QSTR_twice, twice, mp_fx_fun_type, 0, 0, ")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_width_obj, MP_QSTR_width, width, mp_fx_fun_type, 0, 1, ")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_show_obj, MP_QSTR_show, show, mp_fx_fun_type, 2, 0, ")) << c;
    // The pool: each signature and each parameter-name list once, signatures first; len and twice share "p,k". The
    // names are compiled where the port asks for detailed error messages.
    EXPECT_TRUE(has(c, "static const char mp_fx_strings[] =\n    \"i32(P,i32)\\000\" // 0\n"
                       "    \"i32(i32,i32)\\000\" // 11\n    \"v(P)\\000\" // 24\n#if MPB_PARAM_NAMES\n"
                       "    \"p,k\\000\" // 29\n    \"q,k\\000\" // 33\n    \"s,k\\000\" // 37\n    \"p\\000\" // 41\n"
                       "#endif\n;\n"))
        << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_len_obj, MP_QSTR_len, len, mp_fx_fun_type, 0, 0, 29);")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_twice_obj, MP_QSTR_twice, twice, mp_fx_fun_type, 0, 0, 29);")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_plain_obj, MP_QSTR_plain, plain, mp_fx_fun_type, 1, MPB_NO_CLASSES, 29);")) << c;
}

// The module's classes hold each table where it agrees with the tables before it: a position without a struct class
// is never read, so it agrees with any class, and a table running past the end extends the pool.
TEST(Module, ClassTablesOverlapWhereTheyAgree) {
    std::string c = generate("struct a { int x; };\nstruct b { int y; };\nint f(struct a *p, struct b *q);\n"
                             "int g(int k, struct b *q);\nint h(struct a *p);\nint i(struct b *q, struct a *p);\n")
                        .c;
    EXPECT_TRUE(has(c, "static const mpb_struct_type_t *const mp_fx_classes[] = {\n    &mp_fx_a_type, // 0\n"
                       "    &mp_fx_b_type, // 1\n    &mp_fx_a_type, // 2\n};\n")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_f_obj, MP_QSTR_f, f, mp_fx_fun_type, 0, 0, ")) << c; // [a, b]
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_g_obj, MP_QSTR_g, g, mp_fx_fun_type, 1, 0, ")) << c; // [-, b] on f's
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_h_obj, MP_QSTR_h, h, mp_fx_fun_type, 2, 0, ")) << c; // [a] on f's
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_i_obj, MP_QSTR_i, i, mp_fx_fun_type, 0, 1, ")) << c; // [b, a] from f's b
}

// Parameter names live at 16-bit offsets of the pool: lists beyond them are left out (MPB_NO_PARAMS: the runtime's
// errors then number the argument), the module still compiles and every function stays bound.
TEST(Module, ParameterNamesBeyondSixteenBitOffsetsAreLeftOut) {
    std::string h;
    for (int k = 0; k < 700; ++k) {
        std::string name = "parameter_" + std::to_string(k) + "_" + std::string(100, 'n');
        h += "int f" + std::to_string(k) + "(int " + name + ");\n";
    }
    std::string c = generate(h).c;
    EXPECT_EQ(count(c, "MPB_DEFINE_FUN("), 700u);
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_f0_obj, MP_QSTR_f0, f0, mp_fx_fun_type, 0, MPB_NO_CLASSES, 9);")) << "after \"i32(i32)\\0\"";
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_f699_obj, MP_QSTR_f699, f699, mp_fx_fun_type, 0, MPB_NO_CLASSES, MPB_NO_PARAMS);"));
    size_t named = count(c, "mp_fx_fun_type, 0, MPB_NO_CLASSES, ") - count(c, "MPB_NO_CLASSES, MPB_NO_PARAMS);");
    EXPECT_GT(named, 500u);
    EXPECT_LT(named, 700u);
}

TEST(Module, IntArgumentsUseTheInlineFastPath) {
    std::string c = generate("int add(int a, int b);\n").c;
    EXPECT_TRUE(has(c, "mpb_get_i32(args[0], self, 0),\n        mpb_get_i32(args[1], self, 1))")) << c;
    EXPECT_TRUE(has(c, "return mpb_new_i32(((mp_fx_add_ft *)self->addr)(")) << c;
}

TEST(Module, IncludesTheHeaderAsFoundThroughTheIncludePath) {
    std::string c = generate("int f(void);\n").c;
    EXPECT_TRUE(has(c, "// Module fx: generated by mpbind from fx.h for x86_64-linux-gnu. Do not edit.\n"
                       "#include \"mpb_runtime.h\"\n"
                       "#include \"fx.h\"\n"))
        << c;
    EXPECT_FALSE(has(c, "#include \"/")) << "no absolute path of the build machine";
}

TEST(Module, WrappersAreSharedAcrossEqualAbis) {
    std::string c = generate("struct a { int x; };\nstruct z { double y; };\nint a_get(struct a *self);\n"
                             "int z_get(struct z *self);\nchar *name(const char *s);\nconst char *name2(char *s);\n")
                        .c;
    EXPECT_EQ(count(c, "static mp_obj_t mp_fx_"), 2u) << c;
    EXPECT_TRUE(has(c, "\"i32(P)\\000\" // 0\n"));
    EXPECT_TRUE(has(c, "static const mpb_struct_type_t *const mp_fx_classes[] = {\n    &mp_fx_a_type, // 0\n"
                       "    &mp_fx_z_type, // 1\n};\n")) << c;
}

TEST(Module, FunctionPointerWithoutUserDataTakesCAddressesAndSaysWhy) {
    std::string c = generate("int apply(int (*f)(int, int), int a);\n").c;
    EXPECT_TRUE(has(c, "typedef int32_t mp_fx_apply_ft(mpb_cfun_t, int32_t);")) << c;
    EXPECT_TRUE(has(c, "mpb_get_funptr(args[0], \"i32(i32,i32)\", self, 0)")) << c;
    EXPECT_TRUE(has(c, "// Function pointers that take C functions only (no Python callables), with the reason:\n"
                       "//   callback parameter f of apply (fx.h:1): no user_data convention"))
        << c;
    EXPECT_FALSE(has(c, "_tramp"));
}

TEST(Module, VoidPtrUserDataCallbacksGetATrampolineNamedAfterTheSlot) {
    std::string c = generate("int each(int (*visit)(void *, int), void *user);\n").c;
    EXPECT_TRUE(has(c, "// Calls the Python callable of the parameter visit of each\n"
                       "static int32_t mp_fx_each_visit_tramp(void * a0, int32_t a1) {"))
        << c;
    EXPECT_TRUE(has(c, "mp_obj_t args[2] = { c->user, mpb_new_i32(a1) };")) << c;
    EXPECT_TRUE(has(c, "mpb_callback_failed(nlr.ret_val);"));
    EXPECT_TRUE(has(c, "mp_obj_t f = c->callables[0];")) << c;
    EXPECT_TRUE(has(c, "static const uint8_t cbs1[] = { 0 };")) << c;
    EXPECT_TRUE(has(c, "ud1 = mpb_closure_new(self, args, cbs1, 1, 1, (const char *)self + 1, NULL, MPB_RELEASE_KEEP);"))
        << c;
    EXPECT_TRUE(has(c, "mpb_get_funptr(args[0], \"i32(p,i32)\", self, 0);"));
    EXPECT_FALSE(has(c, "mpb_isr_enter();")) << "not marked --isr";
    EXPECT_FALSE(has(c, "mpb_closure_release")) << "kept: no rule releases it" << c;
}

// The release rules decide the closure's code: on the stack (call), released with the slot (replace), by the
// destroy-notify's trampoline (given even for None), or after a removal function (by the handle recorded).
TEST(Module, ReleaseRulesDecideTheClosuresCode) {
    passes::Options opt;
    opt.releases = {{"each", "call"}, {"hook", "replace"}, {"listen", "remove:unlisten"}};
    std::string c = generate("typedef struct bus bus_t;\n"
                             "int each(int (*visit)(void *, int), void *user);\n"
                             "void hook(bus_t *b, void (*cb)(void *, int), void *user);\n"
                             "void named(bus_t *b, void (*cb)(void *, int), void *user, void (*destroy)(void *));\n"
                             "int listen(bus_t *b, void (*cb)(void *, int), void *user);\n"
                             "void unlisten(bus_t *b, int handle);\n",
                             opt)
                        .c;
    EXPECT_TRUE(has(c, "MPB_CLOSURE_ON_STACK(cl1, 1);\n")) << c;
    EXPECT_TRUE(has(c, "ud1 = mpb_closure_init(&cl1.c, self, args, cbs1, 1, 1);")) << c;
    EXPECT_TRUE(has(c, "MPB_RELEASE_REPLACE);\n    } else {\n        mpb_closure_release_slot((const char *)self + 2, "))
        << c;
    EXPECT_TRUE(has(c, "MPB_RELEASE_DESTROY);\n        cb3 = (mpb_cfun_t)mp_fx_named_destroy_tramp;")) << c;
    EXPECT_TRUE(has(c, "    if (f == mp_const_none) {\n        mpb_closure_release(c);\n        return;\n    }")) << c;
    EXPECT_TRUE(has(c, "mpb_closure_set_handle(cl2, (uintptr_t)res);")) << c;
    EXPECT_TRUE(has(c, "mpb_closures_release_handle((const char *)&mp_fx_listen_obj + 2, (const void *)")) << c;
}

// A struct by value reaches the Python callable as a copy it may keep.
TEST(Module, StructByValueCallbackArgumentsAreCopied) {
    std::string c = generate("typedef struct { int x, y; } pt_t;\nvoid each(void (*cb)(void *user, pt_t p), void *user);\n").c;
    EXPECT_TRUE(has(c, "static void mp_fx_each_cb_tramp(void * a0, pt_t a1) {")) << c;
    EXPECT_TRUE(has(c, "mp_obj_t args[2] = { c->user, mpb_new_struct_copy(&mp_fx_pt_t_type, &a1) };")) << c;
    EXPECT_FALSE(has(c, "Function pointers that take C functions only")) << c;
}

// Convention 1: drv.flush_cb = f keeps f in drv.user_data's dict; the field row points at the slot, whose trampoline
// finds f through its first argument (the struct) and the user field's offset.
TEST(Module, StructFieldCallbacksGetASlotNamedAfterStructAndField) {
    std::string c = generate("struct drv { void *user_data; void (*flush_cb)(struct drv *d, int n); };\n").c;
    EXPECT_TRUE(has(c, "static void mp_fx_drv_flush_cb_tramp(void * a0, int32_t a1) {")) << c;
    EXPECT_TRUE(has(c, "mp_obj_t f = mpb_cb_find(&mp_fx_drv_flush_cb_slot, a0);")) << c;
    EXPECT_TRUE(has(c, "mpb_cb_missing(&mp_fx_drv_flush_cb_slot);")) << c;
    EXPECT_TRUE(has(c, "mpb_new_struct_ref(&mp_fx_drv_type, a0, MP_OBJ_NULL)")) << c;
    EXPECT_TRUE(has(c, "static const mpb_cbslot_t mp_fx_drv_flush_cb_slot = { (mpb_cfun_t)mp_fx_drv_flush_cb_tramp, "
                       "\"v(P,i32)\", MP_QSTR_drv_flush_cb, offsetof(struct drv, user_data), "
                       "offsetof(struct drv, user_data), 0, NULL };"))
        << c;
    EXPECT_TRUE(has(c, ".name = MP_QSTR_flush_cb, .code = MPB_FUNPTR, .offset = offsetof(struct drv, flush_cb), "
                       ".ref.cb = &mp_fx_drv_flush_cb_slot }"))
        << c;
}

// --isr: the trampoline runs with heap and scheduler locked and shows struct pointers through a static view.
TEST(Module, IsrCallbacksLockAndAllocateNothing) {
    passes::Options opt;
    opt.user_fields = {{"trans", "user"}};
    opt.isr = "^cfg\\.post_cb$";
    std::string c = generate("struct trans { void *user; int n; };\n"
                             "struct cfg { void (*post_cb)(struct trans *t); };\n",
                             opt)
                        .c;
    EXPECT_TRUE(has(c, "static mpb_struct_obj_t v0 = { { MPB_STRUCT_BASE(&mp_fx_trans_type) }, NULL, MP_OBJ_NULL, 0 };"))
        << c;
    EXPECT_TRUE(has(c, "v0.data = a0;")) << c;
    EXPECT_TRUE(has(c, "mpb_isr_enter();"));
    EXPECT_TRUE(has(c, "mpb_isr_failed(nlr.ret_val);"));
    EXPECT_TRUE(has(c, "mpb_isr_exit();"));
    EXPECT_FALSE(has(c, "mpb_cb_missing")) << "reporting allocates";
    EXPECT_FALSE(has(c, "mpb_new_struct_ref(&mp_fx_trans_type, a0"));
    EXPECT_TRUE(has(c, "MP_QSTR_cfg_post_cb, offsetof(struct trans, user), MPB_USER_NONE, 8, "
                       "mp_fx_cfg_post_cb_tramp_pool };"))
        << "no user field of its own: a pool of trampolines, one per instance" << c;
    EXPECT_TRUE(has(c, "static void mp_fx_cfg_post_cb_tramp_7(void * a0) {\n    mp_fx_cfg_post_cb_tramp_entry(7, a0);\n}"))
        << c;
    EXPECT_TRUE(has(c, "mp_obj_t f = mpb_cb_find_pooled(&mp_fx_cfg_post_cb_slot, entry, a0);")) << c;
}

// Convention 3: the registration function's first argument's user dict keeps the callable.
TEST(Module, StructFirstArgRegistrationStoresThroughTheSlot) {
    std::string c = generate("typedef struct obj { void *user_data; } obj_t;\n"
                             "void obj_set_cb(obj_t *o, void (*cb)(obj_t *o, int e));\n")
                        .c;
    EXPECT_TRUE(has(c, "mpb_cfun_t cb1 = mpb_cb_store(&mp_fx_obj_set_cb_cb_slot, (void *)p0, NULL, args[1], self, 1);")) << c;
    EXPECT_TRUE(has(c, "MP_QSTR_obj_set_cb_cb, offsetof(struct obj, user_data), offsetof(struct obj, user_data), 0, NULL };"))
        << c;
}

// Callbacks sharing one user-data parameter share one closure; each trampoline calls its own callable.
TEST(Module, CallbacksSharingUserDataShareOneClosure) {
    std::string c = generate("int reg(void *user, int (*compare)(void *, int, int), void (*destroy)(void *));\n").c;
    EXPECT_TRUE(has(c, "mp_obj_t f = c->callables[0];")) << c;
    EXPECT_TRUE(has(c, "mp_obj_t f = c->callables[1];")) << c;
    // destroy is a destroy-notify: a Python object as user data travels in the closure too.
    EXPECT_TRUE(has(c, "if (mpb_is_py_callback(args[1]) || mpb_is_py_callback(args[2]) || mpb_is_object_data(args[0])) {"))
        << c;
    EXPECT_TRUE(has(c, "static const uint8_t cbs0[] = { 1, 2 };")) << c;
    EXPECT_EQ(count(c, "mpb_closure_new("), 1u) << c;
    EXPECT_TRUE(has(c, "(\n        ud0,\n        cb1,\n        cb2)")) << c;
}

TEST(Module, FiveCallbacksOnOneUserDataParameterAllTakePythonCallables) {
    std::string c = generate("typedef void (*hook_t)(void *user, int n);\n"
                             "void on(void *user, hook_t a, hook_t b, hook_t c, hook_t d, hook_t e);\n")
                        .c;
    EXPECT_TRUE(has(c, "static const uint8_t cbs0[] = { 1, 2, 3, 4, 5 };")) << c;
    EXPECT_TRUE(has(c, "mp_obj_t f = c->callables[4];")) << c;
    EXPECT_FALSE(has(c, "Function pointers that take C functions only")) << c;
}

// Always: also deprecations the generator could not see (a header testing __GNUC__).
TEST(Module, DeprecationWarningsAreSilenced) {
    std::string pragma = "#pragma GCC diagnostic ignored \"-Wdeprecated-declarations\"\n";
    std::string c = generate("int old_api(int x);\n").c;
    size_t at = c.find(pragma);
    ASSERT_NE(at, std::string::npos) << c;
    EXPECT_LT(at, c.find("static const mpb_fun_t mp_fx_old_api_obj;")) << c;
}

TEST(Module, MpObjTPassesThroughUnconverted) {
    std::string c = generate("typedef void *mp_obj_t;\nmp_obj_t keep(mp_obj_t o, int n);\n").c;
    EXPECT_TRUE(has(c, "typedef mp_obj_t mp_fx_keep_ft(mp_obj_t, int32_t);")) << c;
    EXPECT_TRUE(has(c, "return mpb_obj_or_none(((mp_fx_keep_ft *)self->addr)(\n        args[0],")) << c;
}

TEST(Module, ConstantClassesAttachToTheirOwnerClass) {
    std::string c = generate("typedef struct obj { int x; } obj_t;\nint obj_get_x(obj_t *o);\n"
                             "#define OBJ_FLAG_HIDDEN 1\n#define OBJ_FLAG_SHOWN 2\n")
                        .c;
    EXPECT_LT(c.find("MPB_DEFINE_ENUM_TYPE(mp_fx_OBJ_FLAG_type"), c.find("MPB_DEFINE_STRUCT_TYPE(mp_fx_obj_t_type")) << c;
    EXPECT_TRUE(has(c, "    { MP_ROM_QSTR(MP_QSTR_FLAG), MP_ROM_PTR(&mp_fx_OBJ_FLAG_type) },\n};")) << c;
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR_OBJ_FLAG), MP_ROM_PTR(&mp_fx_OBJ_FLAG_type) }"));
}

TEST(Module, SkippedItemsAreListedWithTheirReasonAndNotEmitted) {
    std::string c = generate("int fine(int x);\nint vprintf_like(const char *fmt, ...);\n"
                             "struct big { int n; unsigned char arr[70000]; };\n")
                        .c;
    EXPECT_TRUE(has(c, "// Not bound (skipped), with the reason:\n"
                       "//   function vprintf_like (fx.h:2): variadic function\n"
                       "//   field struct big.arr (fx.h:3): array of 70000 elements in field 'arr' (a field row holds "
                       "at most 65535)\n"))
        << c;
    EXPECT_FALSE(has(c, "MP_QSTR_vprintf_like")) << c;
    EXPECT_FALSE(has(c, "MP_QSTR_arr")) << c;
    EXPECT_TRUE(has(c, "{ .name = MP_QSTR_n, .code = MPB_I32, .offset = offsetof(struct big, n) }")) << c;
}

TEST(Module, StringsStructsAndPointersConvertThroughTheRuntime) {
    std::string c = generate("struct pt { int x; int y; };\nstruct pt pt_make(int x, int y);\n"
                             "double pt_norm(struct pt *p);\nconst char *greet(const char *name);\nvoid *buf(int n);\n"
                             "struct opq;\nint opq_use(int n, struct opq *o);\n")
                        .c;
    EXPECT_TRUE(has(c, "struct pt r = ((mp_fx_pt_make_ft *)self->addr)(")) << c;
    EXPECT_TRUE(has(c, "return mpb_new_struct_copy(&mp_fx_pt_type, &r);"));
    // A struct pointer (of the function object's class) also takes a list or tuple where the class is complete.
    EXPECT_TRUE(has(c, "mpb_get_struct_arg(args, 0, self)"));
    EXPECT_TRUE(has(c, "mpb_get_struct_arg(args, 1, self)"));
    EXPECT_TRUE(has(c, "    &mp_fx_pt_type, // 0\n"));
    EXPECT_TRUE(has(c, "mpb_get_str(args[0], self, 0)"));
    EXPECT_TRUE(has(c, "return mpb_new_str("));
    EXPECT_TRUE(has(c, "return mpb_new_ptr("));
}

// Offsets and sizes are the compiler's (offsetof, sizeof); what mpbind decided for its target is checked where the
// module is compiled: scalar widths, array lengths, and the layout bitfield positions were computed in.
TEST(Module, FieldTableRowsCarryOffsetsArraysBitfieldsAndConst) {
    std::string c = generate("struct s { int pad : 13; int flags : 3; const int id; unsigned char data[16]; };\n").c;
    EXPECT_TRUE(has(c, "{ .name = MP_QSTR_flags, .code = MPB_I32, .ref.bits = { 5, 3 }, "
                       ".flags = MPB_F_BITFIELD, .offset = 1 }"))
        << c;
    EXPECT_TRUE(has(c, "{ .name = MP_QSTR_id, .code = MPB_I32, .flags = MPB_F_CONST, .offset = offsetof(struct s, id) }"))
        << c;
    EXPECT_TRUE(has(c, "{ .name = MP_QSTR_data, .code = MPB_U8, .offset = offsetof(struct s, data), .count = 16 }")) << c;
    // A plain struct (no identity) looks its fields up first.
    EXPECT_TRUE(has(c, "MPB_DEFINE_STRUCT_TYPE(mp_fx_s_type, MP_QSTR_s, sizeof(struct s), 0, 4,")) << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(((struct s *)0)->id) == 4, \"struct s.id (const int) is 4 bytes\");"))
        << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(((struct s *)0)->data) == 16, "
                       "\"struct s.data (unsigned char[16]) is 16 bytes\");"))
        << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(struct s) == 24 && offsetof(struct s, id) == 4 && "
                       "offsetof(struct s, data) == 8, \"struct s (bitfields pad, flags) has size 24"))
        << c;
    EXPECT_FALSE(has(c, "_size_check")) << "sizes are the compiler's";
}

// Arrays of pointers and structs: their length is checked; single pointers and nested structs assume nothing.
TEST(Module, ArrayLengthsAreCheckedPointerFieldsAreNot) {
    std::string c = generate("struct pt { int x, y; };\n"
                             "struct path { struct pt pts[4]; struct pt at; char *names[1]; };\n"
                             "struct holder { struct pt *p; };\n")
                        .c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(((struct path *)0)->pts) == 4 * sizeof(struct pt), ")) << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(((struct path *)0)->names) == 1 * sizeof(void *), ")) << c;
    EXPECT_FALSE(has(c, "->at)")) << c;
    EXPECT_FALSE(has(c, "->p)")) << c;
    EXPECT_FALSE(has(c, "sizeof(struct path) ==")) << "no bitfields, no whole-layout check\n" << c;
}

// The module names its target; the scalar types its wrappers pass by value are checked once each (plain char also
// for signedness), callback arguments included.
TEST(Module, ScalarTypesOfWrappersAreCheckedForTheTarget) {
    const char *h = "long f(long a, double b, void (*cb)(char c, void *u), char *s);\nlong g(long a);\n";
    std::string c = generate(h, {}, "arm-linux-gnueabihf").c;
    EXPECT_TRUE(has(c, " for arm-linux-gnueabihf. Do not edit.")) << c;
    EXPECT_TRUE(has(c, "#define MPB_GENERATED_FOR \"arm-linux-gnueabihf\"\n")) << c;
    EXPECT_EQ(count(c, "MPB_LAYOUT_CHECK(sizeof(long) == 4, \"long is 4 bytes\");"), 1u) << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(double) == 8, \"double is 8 bytes\");")) << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(char) == 1, \"char is 1 byte\");")) << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(((char)-1 < 0) == 0, \"char is unsigned\");")) << "ARM's char\n" << c;
    EXPECT_EQ(count(c, "MPB_LAYOUT_CHECK("), 4u) << "char * is a pointer, not a char\n" << c;
    std::string x64 = generate(h).c;
    EXPECT_TRUE(has(x64, "MPB_LAYOUT_CHECK(sizeof(long) == 8, \"long is 8 bytes\");")) << x64;
    EXPECT_TRUE(has(x64, "MPB_LAYOUT_CHECK(((char)-1 < 0) == 1, \"char is signed\");")) << x64;
}

TEST(Module, TooWideBitfieldIsSkippedWithItsReason) {
    std::string c = generate("struct __attribute__((packed)) p { unsigned a : 3; unsigned long long b : 62; int c; };\n").c;
    EXPECT_TRUE(has(c, "field struct p.b (fx.h:1): field 'b' is a bit-field spanning 65 bits from its first byte")) << c;
    EXPECT_FALSE(has(c, "MP_QSTR_b,")) << c;
    EXPECT_TRUE(has(c, "MP_QSTR_c,")) << c;
}

TEST(Module, AnonymousMembersAreFlattenedIntoTheParent) {
    std::string c = generate("struct outer { int a; union { int u; float f; }; };\n").c;
    EXPECT_TRUE(has(c, "{ .name = MP_QSTR_u, .code = MPB_I32, .offset = offsetof(struct outer, u) }")) << c;
    EXPECT_EQ(count(c, "MPB_DEFINE_STRUCT_TYPE("), 1u) << "the anonymous union needs no class of its own";
}

// An unnamed struct type of a named member: C reaches it through the member (offsets relative to the member).
TEST(Module, UnnamedMemberTypesAreReachedThroughTheirMember) {
    std::string c = generate("struct shape { int id; struct { unsigned char r, g; } color[1]; };\n").c;
    EXPECT_TRUE(has(c, ".offset = (offsetof(struct shape, color[0].g) - offsetof(struct shape, color[0])) }")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_STRUCT_TYPE(mp_fx_shape_anon_type, MP_QSTR_shape_anon, "
                       "sizeof(((struct shape *)0)->color[0]), "))
        << c;
    EXPECT_TRUE(has(c, "MPB_LAYOUT_CHECK(sizeof(((struct shape *)0)->color[0].r) == 1, ")) << c;
}

// Every struct class has the runtime's own members (MPB_STRUCT_LOCALS_ENTRIES, and those of the base every struct
// class inherits, MPB_STRUCT_SHARED_LOCALS_ENTRIES): a field with one of their names
// must keep fields-first lookup, or the field becomes unreachable. The names come from the runtime's header, so a
// member added there without the plan knowing it fails here.
TEST(Module, FieldsNamedLikeRuntimeMembersKeepFieldsFirst) {
    std::ifstream in(std::string(MPBIND_TESTS_DIR) + "/../runtime/mpb_struct.h");
    std::string h((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string entries;
    for (const char *macro : {"#define MPB_STRUCT_SHARED_LOCALS_ENTRIES", "#define MPB_STRUCT_LOCALS_ENTRIES"}) {
        size_t at = h.find(macro);
        ASSERT_NE(at, std::string::npos) << macro;
        entries += h.substr(at, h.find("\n\n", at) - at);
    }
    std::regex qstr_re("MP_QSTR_(\\w+)");
    size_t names = 0;
    // Objects with identity (a constructor and a user-data field) are the classes that look members up first.
    passes::Options opt;
    opt.prefixes = {"fx_"};
    auto object = [](const std::string &field) {
        return "typedef struct fx_s { int " + field + "; int other; void *user_data; } fx_s;\n"
               "fx_s *fx_s_create(void);\n";
    };
    const std::string type = "MPB_DEFINE_STRUCT_TYPE(mp_fx_s_type, MP_QSTR_s, sizeof(struct fx_s), ";
    std::string no_clash = generate(object("size"), opt).c;
    EXPECT_TRUE(has(no_clash, type + "MPB_S_MEMBERS_FIRST, 3,")) << no_clash;
    for (std::sregex_iterator it(entries.begin(), entries.end(), qstr_re), end; it != end; ++it, ++names) {
        std::string name = (*it)[1];
        std::string c = generate(object(name), opt).c;
        EXPECT_TRUE(has(c, type + "0, 3,")) << name << c;
    }
    EXPECT_GE(names, 7u);
}

TEST(Module, OpaqueRecordsAreHandles) {
    std::string c = generate("typedef struct handle handle_t;\nhandle_t *open_handle(void);\n").c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_STRUCT_TYPE(mp_fx_handle_t_type, MP_QSTR_handle_t, 0, "
                       "MPB_S_OPAQUE, 0, NULL"))
        << c;
    EXPECT_FALSE(has(c, "sizeof(struct handle")) << c;
}

TEST(Module, MethodsAndConstructorsLiveInTheClass) {
    std::string c = generate("typedef struct obj obj_t;\nobj_t *obj_create(int n);\nint obj_size(obj_t *self);\n").c;
    EXPECT_TRUE(has(c, "static const mpb_fun_t mp_fx_obj_size_obj;")) << c;
    EXPECT_TRUE(has(c, "    { MP_ROM_QSTR(MP_QSTR_size), MP_ROM_PTR(&mp_fx_obj_size_obj) },\n};")) << c;
    EXPECT_TRUE(has(c, "mp_fx_obj_t_locals, &mp_fx_obj_create_obj, NULL);")) << c;
    EXPECT_FALSE(has(c, "{ MP_ROM_QSTR(MP_QSTR_obj_size), MP_ROM_PTR(&mp_fx_obj_size_obj) }")) << "no flat duplicate";
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR_obj_create), MP_ROM_PTR(&mp_fx_obj_create_obj) }")) << "a plain class's constructor stays";
    EXPECT_TRUE(has(c, "MPB_DEFINE_FUN(mp_fx_obj_size_obj, MP_QSTR_size,")) << "named as the method";
}

TEST(Module, ConstantsGroupsAndWideValues) {
    std::string c = generate("#define MODE_OUT 8\n#define MODE_IN 9\n#define WIDE (1LL << 40)\n"
                             "#define HUGE_ONE 0xffffffffffffffffULL\n#define TEXT \"a\\\"b\\n\"\n#define PI 3.25\n")
                        .c;
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR_OUT), MP_ROM_INT(8) }")) << c; // in class MODE
    EXPECT_FALSE(has(c, "MP_QSTR_MODE_OUT")) << "no flat duplicate of a class member";
    // Beyond 31 bits: a small int with 64-bit words, else a const int object (beyond 63 bits always one).
    EXPECT_TRUE(has(c, "#if !MPB_HAS_ROM_INT64 && MPB_HAS_ROM_BIGINT\nMPB_DEFINE_INT_CONST(mp_fx_WIDE_value, 0, "
                       "1099511627776ULL);\n#endif\n"))
        << c;
    EXPECT_TRUE(has(c, "#if MPB_HAS_ROM_INT64 || MPB_HAS_ROM_BIGINT\n"
                       "    { MP_ROM_QSTR(MP_QSTR_WIDE), MPB_ROM_WIDE_INT(1099511627776LL, mp_fx_WIDE_value) }"))
        << c;
    EXPECT_TRUE(has(c, "#if MPB_HAS_ROM_BIGINT\nMPB_DEFINE_INT_CONST(mp_fx_HUGE_ONE_value, 0, 18446744073709551615ULL);\n"
                       "#endif\n"))
        << c;
    EXPECT_TRUE(has(c, "#if MPB_HAS_ROM_BIGINT\n    { MP_ROM_QSTR(MP_QSTR_HUGE_ONE), MP_ROM_PTR(&mp_fx_HUGE_ONE_value) }"))
        << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_STR_CONST(mp_fx_TEXT_value, \"a\\\"b\\012\");")) << c;
    EXPECT_TRUE(has(c, "MPB_DEFINE_FLOAT_CONST(mp_fx_PI_value, 3.25);")) << c;
    EXPECT_TRUE(has(c, "static MPB_DEFINE_ENUM_TYPE(mp_fx_MODE_type, MP_QSTR_MODE, mp_fx_MODE_locals);")) << c;
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR_OUT), MP_ROM_INT(8) }"));
}

TEST(Module, SymbolsNeverCollide) {
    // A function named like another function's derived symbols, and a class named like a function.
    std::string c = generate("int f(void);\nint f_obj(void);\nstruct g { int x; };\nint g_type(void);\n").c;
    EXPECT_TRUE(has(c, "static const mpb_fun_t mp_fx_f_obj;")) << c;
    EXPECT_TRUE(has(c, "static const mpb_fun_t mp_fx_f_obj_2_obj;")) << c;
    EXPECT_TRUE(has(c, "static const mpb_struct_type_t mp_fx_g_type;")) << c;
    EXPECT_TRUE(has(c, "static const mpb_fun_t mp_fx_g_type_2_obj;")) << "g_type's family would hold the class: " << c;
}

TEST(Module, ModuleObjectAndRegistration) {
    std::string c = generate("int f(void);\n").c;
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_fx) }"));
    EXPECT_TRUE(has(c, "{ MP_ROM_QSTR(MP_QSTR_C_Pointer), MP_ROM_PTR(&mpb_type_c_pointer) }"));
    EXPECT_TRUE(has(c, "const mp_obj_module_t mp_module_fx = {"));
    EXPECT_TRUE(has(c, "#if MPB_NEW_API\nMP_REGISTER_MODULE(MP_QSTR_fx, mp_module_fx);\n#endif"));
}

// The stub of a module is valid Python whatever the C names: a constructor's or method's parameter named self.
TEST(Stub, ParametersNamedSelfBesideTheStubsSelf) {
    test::Generated g = generate("typedef struct obj obj_t;\nobj_t *obj_create(int self);\nint obj_at(obj_t *o, int self);\n");
    std::string pyi = emit::module_pyi(g.plan);
    EXPECT_TRUE(has(pyi, "    def __init__(self, self_: int) -> None: ...\n")) << pyi;
    EXPECT_TRUE(has(pyi, "    def at(self, self_: int) -> int: ...\n")) << pyi;
    EXPECT_TRUE(has(pyi, "def obj_create(self: int) -> Optional[obj_t]: ...\n")) << pyi;
}
