// test_module.cpp: the emitted module: wrapper sharing, skipped items, field tables, constants, registration.
#include <gtest/gtest.h>

#include "emit/emit.h"
#include "ir_builder.h"

using namespace mpbind;

namespace {

size_t count(const std::string &s, const std::string &what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

std::string emit_module(const ir::Module &m) { return emit::module_c(m, emit::Options{"fx"}); }

} // namespace

TEST(Module, SameSignatureSharesOneWrapper) {
    test::IrBuilder b;
    b.function_decl("add", b.int_(), {{"a", b.int_()}, {"b", b.int_()}});
    b.function_decl("sub", b.int_(), {{"a", b.int_()}, {"b", b.int_()}});
    b.function_decl("neg", b.int_(), {{"a", b.int_()}});
    std::string c = emit_module(b.m);
    EXPECT_EQ(count(c, "static mp_obj_t mpb_w_"), 2u) << c;
    EXPECT_EQ(count(c, "MPB_DEFINE_FUN("), 3u);
    EXPECT_NE(c.find("MPB_DEFINE_FUN(mpb_fun_1, MP_QSTR_sub, mpb_w_0, sub, \"i32(i32,i32)\", \"a,b\", NULL, 2)"),
              std::string::npos) << c;
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR_neg), MP_ROM_PTR(&mpb_fun_2) }"), std::string::npos);
}

TEST(Module, IntArgumentsUseTheInlineFastPath) {
    test::IrBuilder b;
    b.function_decl("add", b.int_(), {{"a", b.int_()}, {"b", b.int_()}});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("typedef int32_t mpb_w_0_ft(int32_t, int32_t);"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_get_i32(args[0], self, 0),\n        mpb_get_i32(args[1], self, 1))"), std::string::npos) << c;
    EXPECT_NE(c.find("return mpb_new_i32(((mpb_w_0_ft *)self->addr)("), std::string::npos) << c;
}

TEST(Module, WrappersAreSharedAcrossEqualAbis) {
    test::IrBuilder b;
    ir::RecordId a = b.record("a", 4, {test::IrBuilder::field("x", b.int_(), 0)});
    ir::RecordId z = b.record("z", 8, {test::IrBuilder::field("y", b.double_(), 0)});
    b.function_decl("a_get", b.int_(), {{"self", b.pointer(b.m.record(a).type)}});
    b.function_decl("z_get", b.int_(), {{"self", b.pointer(b.m.record(z).type)}});
    b.function_decl("name", b.pointer(b.char_(false)), {{"s", b.pointer(b.char_(true))}});
    b.function_decl("name2", b.pointer(b.char_(true)), {{"s", b.pointer(b.char_(false))}});
    std::string c = emit_module(b.m);
    EXPECT_EQ(count(c, "static mp_obj_t mpb_w_"), 2u) << c;
    EXPECT_NE(c.find("\"i32(P)\""), std::string::npos);
    EXPECT_NE(c.find("mpb_fun_0_types[] = { &mpb_rec_0, NULL, }"), std::string::npos);
    EXPECT_NE(c.find("mpb_fun_1_types[] = { &mpb_rec_1, NULL, }"), std::string::npos);
}

TEST(Module, FunctionPointerArgumentsCheckTheSignature) {
    test::IrBuilder b;
    ir::TypeId cb = b.pointer(b.function(b.int_(), {b.int_(), b.int_()}));
    b.function_decl("apply", b.int_(), {{"f", cb}, {"a", b.int_()}});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("typedef int32_t mpb_w_0_ft(mpb_cfun_t, int32_t);"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_get_funptr(args[0], \"i32(i32,i32)\", self, 0)"), std::string::npos) << c;
}

TEST(Module, VoidPtrUserDataCallbacksGetATrampoline) {
    test::IrBuilder b;
    ir::TypeId fn = b.function(b.int_(), {b.pointer(b.void_()), b.int_()});
    ir::FunctionId f = b.function_decl("each", b.int_(), {{"visit", b.pointer(fn)}, {"user", b.pointer(b.void_())}});
    ir::Callback cb;
    cb.convention = ir::CallbackConvention::VoidPtrArg;
    cb.fn_type = fn;
    cb.ctx_arg = 0;
    cb.reg_user_param = 1;
    b.m.function(f).params[0].callback = cb;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("static int32_t mpb_tramp_0(void * a0, int32_t a1) {"), std::string::npos) << c;
    EXPECT_NE(c.find("mp_obj_t args[2] = { c->user, mpb_new_i32(a1) };"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_callback_failed(nlr.ret_val);"), std::string::npos);
    EXPECT_NE(c.find("mp_obj_t f = c->callables[0];"), std::string::npos) << c;
    EXPECT_NE(c.find("mp_call_function_n_kw(f, 2, 0, args);"), std::string::npos) << c;
    EXPECT_NE(c.find("static const uint8_t cbs1[] = { 0 };"), std::string::npos) << c;
    EXPECT_NE(c.find("ud1 = mpb_closure_new(self, args, cbs1, 1, 1, (const char *)self + 1, NULL);"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_get_funptr(args[0], \"i32(p,i32)\", self, 0);"), std::string::npos);
    EXPECT_EQ(c.find("mpb_isr_enter();"), std::string::npos) << c; // not marked --isr
    EXPECT_NE(c.find("mpb_closure_release((const char *)self + 1, NULL);"), std::string::npos) << c;
}

// A callback found through the user field `field` of the struct its argument 0 points to (record `ctx`).
static ir::Callback struct_callback(ir::CallbackConvention conv, ir::TypeId fn, ir::RecordId ctx, const std::string &field,
                                    const std::string &key) {
    ir::Callback cb;
    cb.convention = conv;
    cb.fn_type = fn;
    cb.ctx_arg = 0;
    cb.ctx_record = ctx;
    cb.user_field = field;
    cb.dict_key = key;
    return cb;
}

// Convention 1: drv.flush_cb = f keeps f in drv.user_data's dict; the field row points at the slot, whose trampoline
// finds f through its first argument (the struct) and the user field's offset.
TEST(Module, StructFieldCallbacksGetASlot) {
    test::IrBuilder b;
    ir::RecordId drv = b.record("drv", 16, {test::IrBuilder::field("user_data", b.pointer(b.void_()), 0)});
    ir::TypeId fn = b.function(b.void_(), {b.pointer(b.m.record(drv).type), b.int_()});
    ir::Field flush = test::IrBuilder::field("flush_cb", b.pointer(fn), 8);
    flush.callback = struct_callback(ir::CallbackConvention::StructField, fn, drv, "user_data", "drv_flush_cb");
    b.m.record(drv).fields.push_back(flush);
    b.m.record(drv).user_field = 0;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("static void mpb_tramp_0(void * a0, int32_t a1) {"), std::string::npos) << c;
    EXPECT_NE(c.find("mp_obj_t f = mpb_cb_find(&mpb_slot_0, a0);"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_cb_missing(&mpb_slot_0);"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_new_struct_ref(&mpb_rec_0, a0, MP_OBJ_NULL)"), std::string::npos) << c;
    EXPECT_NE(c.find("static const mpb_cbslot_t mpb_slot_0 = { (mpb_cfun_t)mpb_tramp_0, \"v(P,i32)\", "
                     "MP_QSTR_drv_flush_cb, offsetof(struct drv, user_data), offsetof(struct drv, user_data) };"), std::string::npos) << c;
    EXPECT_NE(c.find(".name = MP_QSTR_flush_cb, .code = MPB_FUNPTR, .offset = offsetof(struct drv, flush_cb), "
                     ".ref.cb = &mpb_slot_0 }"),
              std::string::npos) << c;
}

// --isr: the trampoline runs with heap and scheduler locked and shows struct pointers through a static view.
TEST(Module, IsrCallbacksLockAndAllocateNothing) {
    test::IrBuilder b;
    ir::RecordId trans = b.record("trans", 16, {test::IrBuilder::field("user", b.pointer(b.void_()), 0)});
    ir::TypeId fn = b.function(b.void_(), {b.pointer(b.m.record(trans).type)});
    ir::Field post = test::IrBuilder::field("post_cb", b.pointer(fn), 0);
    ir::Callback cb = struct_callback(ir::CallbackConvention::StructField, fn, trans, "user", "cfg_post_cb");
    cb.isr = true;
    post.callback = cb;
    b.record("cfg", 8, {post}); // no user field of its own: the module roots hold the callable
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("static mpb_struct_obj_t v0 = { { MPB_STRUCT_BASE(&mpb_rec_0) }, NULL, MP_OBJ_NULL, 0 };"),
              std::string::npos) << c;
    EXPECT_NE(c.find("v0.data = a0;"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_isr_enter();"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_isr_failed(nlr.ret_val);"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_isr_exit();"), std::string::npos) << c;
    EXPECT_EQ(c.find("mpb_cb_missing"), std::string::npos) << c; // reporting allocates
    EXPECT_EQ(c.find("mpb_new_struct_ref(&mpb_rec_0, a0"), std::string::npos) << c;
    EXPECT_NE(c.find("MP_QSTR_cfg_post_cb, offsetof(struct trans, user), MPB_USER_NONE };"), std::string::npos) << c;
}

// Convention 3: the registration function's first argument's user dict keeps the callable.
TEST(Module, StructFirstArgRegistrationStoresThroughTheSlot) {
    test::IrBuilder b;
    ir::RecordId obj = b.record("obj", 8, {test::IrBuilder::field("user_data", b.pointer(b.void_()), 0)});
    b.m.record(obj).user_field = 0;
    ir::TypeId fn = b.function(b.void_(), {b.pointer(b.m.record(obj).type), b.int_()});
    ir::FunctionId f = b.function_decl("obj_set_cb", b.void_(),
                                       {{"o", b.pointer(b.m.record(obj).type)}, {"cb", b.pointer(fn)}});
    ir::Callback cb = struct_callback(ir::CallbackConvention::StructFirstArg, fn, obj, "user_data", "obj_set_cb_cb");
    cb.reg_record = obj;
    cb.reg_user_param = 0;
    b.m.function(f).params[1].callback = cb;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("mpb_cfun_t cb1 = mpb_cb_store(&mpb_slot_0, (void *)p0, args[1], self, 1);"), std::string::npos)
        << c;
    EXPECT_NE(c.find("MP_QSTR_obj_set_cb_cb, offsetof(struct obj, user_data), offsetof(struct obj, user_data) };"),
              std::string::npos) << c;
}

// F10: compare and destroy share `user`: one closure holds both callables, each trampoline calls its own slot.
TEST(Module, CallbacksSharingUserDataShareOneClosure) {
    test::IrBuilder b;
    ir::TypeId cmp = b.function(b.int_(), {b.pointer(b.void_()), b.int_(), b.int_()});
    ir::TypeId destroy = b.function(b.void_(), {b.pointer(b.void_())});
    ir::FunctionId f = b.function_decl("reg", b.int_(), {{"user", b.pointer(b.void_())}, {"compare", b.pointer(cmp)},
                                                         {"destroy", b.pointer(destroy)}});
    for (auto [param, fn] : {std::pair{1, cmp}, std::pair{2, destroy}}) {
        ir::Callback cb;
        cb.convention = ir::CallbackConvention::VoidPtrArg;
        cb.fn_type = fn;
        cb.ctx_arg = 0;
        cb.reg_user_param = 0;
        b.m.function(f).params[param].callback = cb;
    }
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("mp_obj_t f = c->callables[0];"), std::string::npos) << c;
    EXPECT_NE(c.find("mp_obj_t f = c->callables[1];"), std::string::npos) << c;
    EXPECT_NE(c.find("if (mpb_is_py_callback(args[1]) || mpb_is_py_callback(args[2])) {"), std::string::npos) << c;
    EXPECT_NE(c.find("static const uint8_t cbs0[] = { 1, 2 };"), std::string::npos) << c;
    EXPECT_EQ(count(c, "mpb_closure_new("), 1u) << c;
    EXPECT_NE(c.find("(\n        ud0,\n        cb1,\n        cb2)"), std::string::npos) << c;
}

// Always: also deprecations the generator could not see (F11).
TEST(Module, DeprecatedBoundItemsSilenceTheWarning) {
    test::IrBuilder b;
    b.function_decl("old_api", b.int_(), {{"x", b.int_()}});
    std::string pragma = "#pragma GCC diagnostic ignored \"-Wdeprecated-declarations\"\n";
    std::string c = emit_module(b.m);
    size_t at = c.find(pragma);
    ASSERT_NE(at, std::string::npos) << c;
    EXPECT_LT(at, c.find("static const mpb_fun_t mpb_fun_0;")) << c;
}

TEST(Module, MpObjTPassesThroughUnconverted) {
    test::IrBuilder b;
    ir::Type obj = b.m.type(b.pointer(b.void_()));
    obj.py_object = true;
    obj.spelling = "mp_obj_t";
    ir::TypeId obj_t = b.m.intern(obj);
    b.function_decl("keep", obj_t, {{"o", obj_t}, {"n", b.int_()}});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("typedef mp_obj_t mpb_w_0_ft(mp_obj_t, int32_t);"), std::string::npos) << c;
    EXPECT_NE(c.find("return mpb_obj_or_none(((mpb_w_0_ft *)self->addr)(\n        args[0],"), std::string::npos) << c;
}

TEST(Module, ConstantClassesAttachToTheirOwnerClass) {
    test::IrBuilder b;
    ir::RecordId obj = b.record("obj", 4, {test::IrBuilder::field("x", b.int_(), 0)});
    ir::Macro flag;
    flag.info.c_name = flag.py_name = "OBJ_FLAG_HIDDEN";
    flag.int_value = flag.uint_value = 1;
    flag.flat = false;
    ir::MacroId id = b.m.add(flag);
    ir::Group g;
    g.py_name = "OBJ_FLAG";
    g.owner = obj;
    g.owner_name = "FLAG";
    g.members.push_back({"HIDDEN", {}, 0, id});
    b.m.add(g);
    std::string c = emit_module(b.m);
    EXPECT_LT(c.find("MPB_DEFINE_ENUM_TYPE(mpb_group_0"), c.find("MPB_DEFINE_STRUCT_TYPE(mpb_rec_0")) << c;
    EXPECT_NE(c.find("    { MP_ROM_QSTR(MP_QSTR_FLAG), MP_ROM_PTR(&mpb_group_0) },\n};"), std::string::npos) << c;
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR_OBJ_FLAG), MP_ROM_PTR(&mpb_group_0) }"), std::string::npos);
}

TEST(Module, SkippedItemsAreNotEmitted) {
    test::IrBuilder b;
    ir::FunctionId f = b.function_decl("vprintf_like", b.int_(), {{"fmt", b.pointer(b.char_(true))}});
    b.m.function(f).info.binding = {ir::Status::Skipped, "variadic function"};
    std::string c = emit_module(b.m);
    EXPECT_EQ(c.find("vprintf_like"), std::string::npos) << c;
}

TEST(Module, StringsStructsAndPointersConvertThroughTheRuntime) {
    test::IrBuilder b;
    ir::RecordId pt = b.record("pt", 8, {test::IrBuilder::field("x", b.int_(), 0), test::IrBuilder::field("y", b.int_(), 4)});
    ir::TypeId pt_t = b.m.record(pt).type;
    b.function_decl("pt_make", pt_t, {{"x", b.int_()}, {"y", b.int_()}});
    b.function_decl("pt_norm", b.double_(), {{"p", b.pointer(pt_t, false)}});
    b.function_decl("greet", b.pointer(b.char_(true)), {{"name", b.pointer(b.char_(true))}});
    b.function_decl("buf", b.pointer(b.void_()), {{"n", b.int_()}});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("struct pt r = ((mpb_w_0_ft *)self->addr)("), std::string::npos) << c;
    EXPECT_NE(c.find("return mpb_new_struct_copy(&mpb_rec_0, &r);"), std::string::npos);
    EXPECT_NE(c.find("mpb_get_struct_ptr(args[0], self->types[0], self, 0)"), std::string::npos);
    EXPECT_NE(c.find("static const mpb_struct_type_t *const mpb_fun_1_types[] = { &mpb_rec_0, NULL, };"),
              std::string::npos);
    EXPECT_NE(c.find("mpb_get_str(args[0], self, 0)"), std::string::npos);
    EXPECT_NE(c.find("return mpb_new_str("), std::string::npos);
    EXPECT_NE(c.find("return mpb_new_ptr("), std::string::npos);
}

// Offsets and sizes are the compiler's (offsetof, sizeof); what mpbind decided for its target is checked where the
// module is compiled: scalar widths, array lengths, and the layout bitfield positions were computed in.
TEST(Module, FieldTableRowsCarryOffsetsArraysBitfieldsAndConst) {
    test::IrBuilder b;
    ir::Field bits = test::IrBuilder::field("flags", b.int_(), 0);
    bits.offset_bits = 13;
    bits.bit_width = 3;
    ir::Field ro = test::IrBuilder::field("id", b.int_(), 4);
    ro.is_const = true;
    b.record("s", 24, {bits, ro, test::IrBuilder::field("data", b.array(b.uint8(), 16), 8)});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("{ .name = MP_QSTR_flags, .code = MPB_I32, .bit_shift = 5, .bit_width = 3, "
                     ".flags = MPB_F_BITFIELD, .offset = 1 }"), std::string::npos) << c;
    EXPECT_NE(c.find("{ .name = MP_QSTR_id, .code = MPB_I32, .flags = MPB_F_CONST, .offset = offsetof(struct s, id) }"),
              std::string::npos) << c;
    EXPECT_NE(c.find("{ .name = MP_QSTR_data, .code = MPB_U8, .offset = offsetof(struct s, data), .count = 16 }"),
              std::string::npos) << c;
    EXPECT_NE(c.find("MPB_DEFINE_STRUCT_TYPE(mpb_rec_0, MP_QSTR_s, sizeof(struct s), 0, 3,"), std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(((struct s *)0)->id) == 4, \"struct s.id (int) is 4 bytes\");"),
              std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(((struct s *)0)->data) == 16, \"struct s.data () is 16 bytes\");"),
              std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(struct s) == 24 && offsetof(struct s, id) == 4 && "
                     "offsetof(struct s, data) == 8, \"struct s (bitfields flags) has size 24"), std::string::npos) << c;
}

// Arrays of pointers and structs: their length is checked; single pointers and nested structs assume nothing.
TEST(Module, ArrayLengthsAreCheckedPointerFieldsAreNot) {
    test::IrBuilder b;
    ir::RecordId pt = b.record("pt", 8, {test::IrBuilder::field("x", b.int_(), 0), test::IrBuilder::field("y", b.int_(), 4)});
    ir::TypeId pt_t = b.m.record(pt).type;
    b.record("path", 48, {test::IrBuilder::field("pts", b.array(pt_t, 4), 0), test::IrBuilder::field("at", pt_t, 32),
                          test::IrBuilder::field("names", b.array(b.pointer(b.char_()), 1), 40)});
    b.record("holder", 8, {test::IrBuilder::field("p", b.pointer(pt_t), 0)});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(((struct path *)0)->pts) == 4 * sizeof(struct pt), "), std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(((struct path *)0)->names) == 1 * sizeof(void *), "), std::string::npos) << c;
    EXPECT_EQ(c.find("->at)"), std::string::npos) << c;
    EXPECT_EQ(c.find("->p)"), std::string::npos) << c;
    EXPECT_EQ(c.find("sizeof(struct path) =="), std::string::npos) << "no bitfields, no whole-layout check\n" << c;
}

// The module names its target; the scalar types its wrappers pass by value are checked once each (plain char also
// for signedness), callback arguments included.
TEST(Module, ScalarTypesOfWrappersAreCheckedForTheTarget) {
    test::IrBuilder b;
    b.m.target.triple = "armv7-test-eabi";
    ir::TypeId lng = b.prim(ir::TypeKind::Int, ir::Prim::Long, 4, true, "long");
    ir::TypeId cb = b.function(b.void_(), {b.char_(), b.pointer(b.void_())});
    b.function_decl("f", lng, {{"a", lng}, {"b", b.double_()}, {"cb", b.pointer(cb)}, {"s", b.pointer(b.char_())}});
    b.function_decl("g", lng, {{"a", lng}});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("for armv7-test-eabi. Do not edit."), std::string::npos) << c;
    EXPECT_NE(c.find("#define MPB_GENERATED_FOR \"armv7-test-eabi\"\n"), std::string::npos) << c;
    EXPECT_EQ(count(c, "MPB_LAYOUT_CHECK(sizeof(long) == 4, \"long is 4 bytes\");"), 1u) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(double) == 8, \"double is 8 bytes\");"), std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(char) == 1, \"char is 1 byte\");"), std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(((char)-1 < 0) == 1, \"char is signed\");"), std::string::npos) << c;
    EXPECT_EQ(count(c, "MPB_LAYOUT_CHECK("), 4u) << "char * is a pointer, not a char\n" << c;
}

TEST(Module, AnonymousMembersAreFlattenedIntoTheParent) {
    test::IrBuilder b;
    ir::RecordId inner = b.record("", 4, {test::IrBuilder::field("u", b.int_(), 0)}, true);
    b.m.record(inner).c_spelling = "";
    b.m.record(inner).info.py_name = "";
    ir::Field anon = test::IrBuilder::field("", b.m.record(inner).type, 8);
    anon.anonymous = true;
    ir::RecordId outer = b.record("outer", 12, {test::IrBuilder::field("a", b.int_(), 0), anon});
    b.m.record(inner).parent = outer;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("{ .name = MP_QSTR_u, .code = MPB_I32, .offset = offsetof(struct outer, u) }"), std::string::npos) << c;
    EXPECT_EQ(count(c, "MP_ROM_PTR(&mpb_rec_0) }"), 0u) << "anonymous members are not module attributes";
}

// An unnamed struct type of a named member: C reaches it through the member (offsets relative to the member).
TEST(Module, UnnamedMemberTypesAreReachedThroughTheirMember) {
    test::IrBuilder b;
    ir::RecordId color = b.record("", 3, {test::IrBuilder::field("r", b.uint8(), 0), test::IrBuilder::field("g", b.uint8(), 1)});
    b.m.record(color).c_spelling = "";
    b.m.record(color).info.py_name = "shape_color";
    ir::RecordId shape = b.record("shape", 8, {test::IrBuilder::field("id", b.int_(), 0),
                                               test::IrBuilder::field("color", b.array(b.m.record(color).type, 1), 4)});
    b.m.record(color).parent = shape;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find(".offset = (offsetof(struct shape, color[0].g) - offsetof(struct shape, color[0])) }"),
              std::string::npos) << c;
    EXPECT_NE(c.find("MPB_DEFINE_STRUCT_TYPE(mpb_rec_0, MP_QSTR_shape_color, sizeof(((struct shape *)0)->color[0]), "),
              std::string::npos) << c;
    EXPECT_NE(c.find("MPB_LAYOUT_CHECK(sizeof(((struct shape *)0)->color[0].r) == 1, "), std::string::npos) << c;
}

TEST(Module, OpaqueRecordsAreHandles) {
    test::IrBuilder b;
    b.record("handle", 0, {});
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("MPB_DEFINE_STRUCT_TYPE(mpb_rec_0, MP_QSTR_handle, 0, MPB_S_OPAQUE, 0, NULL"), std::string::npos) << c;
    EXPECT_EQ(c.find("sizeof(struct handle"), std::string::npos) << c;
}

TEST(Module, MethodsAndConstructorsLiveInTheClass) {
    test::IrBuilder b;
    ir::RecordId obj = b.record("obj", 0, {});
    ir::TypeId ptr = b.pointer(b.m.record(obj).type);
    ir::FunctionId create = b.function_decl("obj_create", ptr, {{"n", b.int_()}});
    ir::FunctionId size = b.function_decl("obj_size", b.int_(), {{"self", ptr}});
    b.m.function(size).method_of = obj;
    b.m.function(size).method_name = "size";
    b.m.record(obj).methods.push_back(size);
    b.m.function(create).is_constructor = true;
    b.m.record(obj).constructor = create;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("static const mpb_fun_t mpb_fun_1;"), std::string::npos) << c;
    EXPECT_NE(c.find("    { MP_ROM_QSTR(MP_QSTR_size), MP_ROM_PTR(&mpb_fun_1) },\n};"), std::string::npos) << c;
    EXPECT_NE(c.find("mpb_rec_0_locals, &mpb_fun_0);"), std::string::npos) << c;
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR_obj_size), MP_ROM_PTR(&mpb_fun_1) }"), std::string::npos)
        << "the flat function stays available";
}

TEST(Module, ConstantsGroupsAndWideValues) {
    test::IrBuilder b;
    ir::Macro small;
    small.info.c_name = small.py_name = "SMALL";
    small.int_value = 8;
    small.uint_value = 8;
    ir::Macro wide = small;
    wide.info.c_name = wide.py_name = "WIDE";
    wide.int_value = 1LL << 40;
    wide.uint_value = 1ULL << 40;
    ir::Macro huge = small;
    huge.info.c_name = huge.py_name = "HUGE";
    huge.is_unsigned = true;
    huge.uint_value = ~0ULL;
    ir::Macro text = small;
    text.info.c_name = text.py_name = "TEXT";
    text.kind = ir::MacroKind::String;
    text.string_value = "a\"b\n";
    ir::Macro pi = small;
    pi.info.c_name = pi.py_name = "PI";
    pi.kind = ir::MacroKind::Float;
    pi.float_value = 3.25;
    ir::MacroId small_id = b.m.add(small);
    b.m.add(wide);
    b.m.add(huge);
    b.m.add(text);
    b.m.add(pi);
    ir::Group g;
    g.py_name = "MODE";
    g.members.push_back({"OUT", {}, 0, small_id});
    b.m.add(g);
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR_SMALL), MP_ROM_INT(8) }"), std::string::npos) << c;
    // Beyond 31 bits: a small int with 64-bit words, else a const int object (beyond 63 bits always one).
    EXPECT_NE(c.find("#if !MPB_HAS_ROM_INT64 && MPB_HAS_ROM_BIGINT\nMPB_DEFINE_INT_CONST(mpb_const_0, 0, 1099511627776ULL);\n"
                     "#endif\n"), std::string::npos) << c;
    EXPECT_NE(c.find("#if MPB_HAS_ROM_INT64 || MPB_HAS_ROM_BIGINT\n"
                     "    { MP_ROM_QSTR(MP_QSTR_WIDE), MPB_ROM_WIDE_INT(1099511627776LL, mpb_const_0) }"),
              std::string::npos) << c;
    EXPECT_NE(c.find("#if MPB_HAS_ROM_BIGINT\nMPB_DEFINE_INT_CONST(mpb_const_1, 0, 18446744073709551615ULL);\n#endif\n"),
              std::string::npos) << c;
    EXPECT_NE(c.find("#if MPB_HAS_ROM_BIGINT\n    { MP_ROM_QSTR(MP_QSTR_HUGE), MP_ROM_PTR(&mpb_const_1) }"),
              std::string::npos) << c;
    EXPECT_NE(c.find("MPB_DEFINE_STR_CONST(mpb_const_2, \"a\\\"b\\012\");"), std::string::npos);
    EXPECT_NE(c.find("MPB_DEFINE_FLOAT_CONST(mpb_const_3, 3.25);"), std::string::npos);
    EXPECT_NE(c.find("static MPB_DEFINE_ENUM_TYPE(mpb_group_0, MP_QSTR_MODE, mpb_group_0_locals);"), std::string::npos);
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR_OUT), MP_ROM_INT(8) }"), std::string::npos);
}

TEST(Module, ModuleObjectAndRegistration) {
    test::IrBuilder b;
    std::string c = emit_module(b.m);
    EXPECT_NE(c.find("#include \"mpb_runtime.h\""), std::string::npos);
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_fx) }"), std::string::npos);
    EXPECT_NE(c.find("{ MP_ROM_QSTR(MP_QSTR_C_Pointer), MP_ROM_PTR(&mpb_type_c_pointer) }"), std::string::npos);
    EXPECT_NE(c.find("const mp_obj_module_t mp_module_fx = {"), std::string::npos);
    EXPECT_NE(c.find("#if MPB_NEW_API\nMP_REGISTER_MODULE(MP_QSTR_fx, mp_module_fx);\n#endif"), std::string::npos);
}
