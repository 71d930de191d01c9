// Unit tests of the callbacks pass: the four user-data conventions, the reasons when none applies, --isr.
#include <gtest/gtest.h>

#include "pass_fixture.h"
#include "passes/callbacks.h"

using namespace mpbind;
using namespace mpbind::ir;
using namespace mpbind::test;

namespace {

Module with_callbacks(const std::string &text, const passes::CallbackOptions &opt = {}) {
    Module m = named(text);
    passes::callbacks(m, opt);
    return m;
}

const Field &field(const Record &r, const std::string &name) {
    for (const Field &f : r.fields)
        if (f.c_name == name) return f;
    throw std::runtime_error("no field " + name);
}

TEST(Callbacks, StructFieldWithUserData) {
    Module m = with_callbacks("typedef struct drv drv_t;\n"
                              "struct drv { void (*flush_cb)(drv_t *d, int n); void *user_data; int x; };\n");
    const Record &d = record(m, "struct drv");
    const Field &f = field(d, "flush_cb");
    ASSERT_TRUE(f.callback);
    EXPECT_EQ(f.callback->convention, CallbackConvention::StructField);
    EXPECT_EQ(f.callback->ctx_arg, 0);
    EXPECT_EQ(f.callback->user_field, "user_data");
    EXPECT_EQ(f.callback->ctx_record.index, static_cast<uint32_t>(&d - m.records.data()));
    EXPECT_EQ(f.callback->dict_key, "drv_t_flush_cb");
    ASSERT_TRUE(d.user_field.has_value());
    EXPECT_EQ(*d.user_field, 1u);
}

// The key is the C type name, prefix included, as the original binding's (`lv_disp_drv_t_flush_cb`): C helpers look
// entries up by it. A tag-only struct uses its tag.
TEST(Callbacks, DictKeyIsTheCTypeName) {
    Module m = named("typedef struct _disp_drv_t { void (*flush_cb)(struct _disp_drv_t *d); void *user_data; }"
                     " lv_disp_drv_t;\n"
                     "struct lv_tagged { void (*ready_cb)(struct lv_tagged *t); void *user_data; };\n",
                     {"lv_"});
    passes::callbacks(m, {});
    const Record &drv = record(m, "struct _disp_drv_t");
    EXPECT_EQ(drv.info.py_name, "disp_drv_t");
    EXPECT_EQ(field(drv, "flush_cb").callback->dict_key, "lv_disp_drv_t_flush_cb");
    const Record &tagged = record(m, "struct lv_tagged");
    EXPECT_EQ(tagged.info.py_name, "tagged");
    EXPECT_EQ(field(tagged, "ready_cb").callback->dict_key, "lv_tagged_ready_cb");
}

TEST(Callbacks, ConfiguredUserFieldOnAnotherStruct) {
    const char *h = "typedef struct { int len; void *user; } trans_t;\n"
                    "typedef struct { void (*pre_cb)(trans_t *t); int q; } devcfg_t;\n";
    Module plain = with_callbacks(h);
    const Field &none = field(record(plain, "devcfg_t"), "pre_cb");
    ASSERT_TRUE(none.callback);
    // Nothing leads back to a callable: each instance gets a trampoline of the slot's pool.
    EXPECT_EQ(none.callback->convention, CallbackConvention::Pooled);
    EXPECT_EQ(none.callback->pool_size, 8u);

    passes::CallbackOptions opt;
    opt.user_fields = {{"trans_t", "user"}};
    opt.isr = "^devcfg_t\\.pre_cb$";
    Module m = with_callbacks(h, opt);
    const Field &f = field(record(m, "devcfg_t"), "pre_cb");
    ASSERT_TRUE(f.callback);
    EXPECT_EQ(f.callback->convention, CallbackConvention::StructField);
    EXPECT_EQ(f.callback->user_field, "user");
    EXPECT_EQ(m.record(f.callback->ctx_record).c_spelling, "trans_t");
    EXPECT_TRUE(f.callback->isr);
}

TEST(Callbacks, VoidPointerRegistration) {
    Module m = with_callbacks("int exec(void *db, const char *sql, int (*cb)(void *, int, char **, char **), void *,"
                              " char **err);\nvoid qsort_r(void *base, int n, int (*cmp)(const void *, const void *,"
                              " void *), void *arg);\n");
    const Param &cb = function(m, "exec").params[2];
    ASSERT_TRUE(cb.callback);
    EXPECT_EQ(cb.callback->convention, CallbackConvention::VoidPtrArg);
    EXPECT_EQ(cb.callback->reg_user_param, 3); // db and the unnamed void *: the one after the callback
    EXPECT_EQ(cb.callback->ctx_arg, 0);
    EXPECT_EQ(cb.callback->dict_key, "exec_cb");
    const Param &cmp = function(m, "qsort_r").params[2];
    ASSERT_TRUE(cmp.callback);
    EXPECT_EQ(cmp.callback->convention, CallbackConvention::VoidPtrArg);
    EXPECT_EQ(cmp.callback->reg_user_param, 3); // "arg", not "base"
    EXPECT_EQ(cmp.callback->ctx_arg, 2);
}

TEST(Callbacks, StructFirstArgRegistration) {
    Module m = with_callbacks("typedef struct obj { void *user_data; } obj_t;\ntypedef struct ev ev_t;\n"
                              "void obj_add_cb(obj_t *o, void (*cb)(ev_t *e), int filter);\n");
    const Param &cb = function(m, "obj_add_cb").params[1];
    ASSERT_TRUE(cb.callback);
    EXPECT_EQ(cb.callback->convention, CallbackConvention::StructFirstArg);
    EXPECT_EQ(cb.callback->reg_user_param, 0);
    EXPECT_EQ(m.record(cb.callback->reg_record).info.c_name, "obj");
    EXPECT_EQ(cb.callback->ctx_arg, -1); // ev_t has no user field: the module roots hold the callable
}

TEST(Callbacks, StructFirstArgFindsTheCallbacksOwnStruct) {
    Module m = with_callbacks("typedef struct obj { void *user_data; } obj_t;\n"
                              "typedef struct ev { int code; void *user_data; } ev_t;\n"
                              "void obj_add_cb(obj_t *o, void (*cb)(int code, ev_t *e));\n");
    const Param &cb = function(m, "obj_add_cb").params[1];
    ASSERT_TRUE(cb.callback);
    EXPECT_EQ(cb.callback->convention, CallbackConvention::StructFirstArg);
    EXPECT_EQ(m.record(cb.callback->reg_record).info.c_name, "obj");
    EXPECT_EQ(cb.callback->ctx_arg, 1);
    EXPECT_EQ(m.record(cb.callback->ctx_record).info.c_name, "ev");
    EXPECT_EQ(cb.callback->user_field, "user_data");
}

TEST(Callbacks, NoConventionNamesWhatIsMissing) {
    Module m = with_callbacks("void on(void (*cb)(int));\n");
    const Param &cb = function(m, "on").params[0];
    ASSERT_TRUE(cb.callback);
    EXPECT_EQ(cb.callback->convention, CallbackConvention::None);
    EXPECT_NE(cb.callback->skip_reason.find("on has no void * user-data parameter"), std::string::npos);
    EXPECT_NE(cb.callback->skip_reason.find("'cb'"), std::string::npos);
    EXPECT_TRUE(function(m, "on").info.binding.bound()); // still callable with a C function (hybrid)
}

TEST(Callbacks, PlainPointersAreNoCallbacks) {
    Module m = with_callbacks("void f(int *p, void *q);\n");
    EXPECT_FALSE(function(m, "f").params[0].callback.has_value());
    EXPECT_FALSE(function(m, "f").params[1].callback.has_value());
}

} // namespace

namespace {

TEST(Callbacks, FieldGetsStructsOwnUserFieldBack) {
    const char *h = "typedef void *(*alloc_func)(void *opaque, unsigned items, unsigned size);\n"
                    "typedef struct z_stream_s { alloc_func zalloc; void *opaque; } z_stream;\n";
    Module plain = with_callbacks(h);
    EXPECT_EQ(field(record(plain, "struct z_stream_s"), "zalloc").callback->convention, CallbackConvention::Pooled);
    passes::CallbackOptions opt;
    opt.user_fields = {{"z_stream", "opaque"}};
    Module m = with_callbacks(h, opt);
    const Field &f = field(record(m, "struct z_stream_s"), "zalloc");
    ASSERT_TRUE(f.callback);
    EXPECT_EQ(f.callback->convention, CallbackConvention::VoidPtrArg);
    EXPECT_EQ(f.callback->ctx_arg, 0);
    EXPECT_EQ(f.callback->user_field, "opaque");
    EXPECT_EQ(f.callback->reg_user_param, -1);
}

// zfree(opaque, address): both are void *; the struct's own user value comes first.
TEST(Callbacks, FieldUserValueIsTheFirstVoidPointer) {
    const char *h = "typedef void (*free_func)(void *opaque, void *address);\n"
                    "typedef struct z_stream_s { free_func zfree; void *opaque; } z_stream;\n";
    passes::CallbackOptions opt;
    opt.user_fields = {{"z_stream", "opaque"}};
    Module m = with_callbacks(h, opt);
    const Field &f = field(record(m, "struct z_stream_s"), "zfree");
    ASSERT_TRUE(f.callback);
    EXPECT_EQ(f.callback->convention, CallbackConvention::VoidPtrArg);
    EXPECT_EQ(f.callback->ctx_arg, 0);
}

// --user-field and --isr name things of the headers: a name that does not exist is an option error, not a module
// that silently lacks its callbacks.
TEST(Callbacks, OptionsNamingNothingAreOptionErrors) {
    const char *h = "typedef struct { int len; void *user; int n; } trans_t;\n"
                    "typedef struct { void (*pre_cb)(trans_t *t); } devcfg_t;\n";
    auto error = [&](const passes::CallbackOptions &opt) -> std::string {
        try {
            with_callbacks(h, opt);
        } catch (const passes::OptionError &e) {
            return e.what();
        }
        return "";
    };
    passes::CallbackOptions no_type;
    no_type.user_fields = {{"transaction_t", "user"}};
    EXPECT_EQ(error(no_type), "--user-field 'transaction_t=user': no struct or union 'transaction_t' in the bound headers");
    passes::CallbackOptions no_field;
    no_field.user_fields = {{"trans_t", "usr"}};
    EXPECT_EQ(error(no_field), "--user-field 'trans_t=usr': 'trans_t' has no pointer field 'usr'");
    passes::CallbackOptions not_pointer;
    not_pointer.user_fields = {{"trans_t", "n"}};
    EXPECT_EQ(error(not_pointer), "--user-field 'trans_t=n': 'trans_t' has no pointer field 'n'");
    passes::CallbackOptions isr;
    isr.isr = "devcfg\\.post_cb";
    EXPECT_EQ(error(isr), "--isr 'devcfg\\.post_cb' matches no callback slot (<struct>.<field> or <function>.<parameter>)");
    passes::CallbackOptions fine;
    fine.user_fields = {{"trans_t", "user"}};
    fine.isr = "pre_cb";
    EXPECT_EQ(error(fine), "");
}

// A convention a trampoline cannot carry out is no convention: the slot takes C addresses, and says why.
TEST(Callbacks, ConventionsWithoutATrampolineAreCAddressOnly) {
    Module m = with_callbacks("typedef struct { int x; } pt_t;\n"
                              "void give(pt_t (*make)(void *u), void *u);\n"
                              "void take(int (*use)(void *u, pt_t p), void *u);\n"
                              "void wide(int (*f)(void *u, long double v), void *u);\n"
                              "void vari(int (*f)(void *u, ...), void *u);\n");
    auto reason = [&](const char *fn) {
        const Callback &cb = *function(m, fn).params[0].callback;
        return cb.convention == CallbackConvention::None ? cb.skip_reason : std::string("python");
    };
    EXPECT_EQ(reason("give"), "no trampoline for a callback returning a struct by value");
    EXPECT_EQ(reason("take"), "python") << "a struct by value is a fine argument";
    EXPECT_EQ(reason("wide"), "no trampoline: unsupported type long double in the callback's argument 2");
    EXPECT_EQ(reason("vari"), "no trampoline for a variadic callback type");
}

} // namespace
