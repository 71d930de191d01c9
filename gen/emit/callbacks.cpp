// callbacks.cpp: writes trampolines (one per callback signature and way of finding the callable) and callback slots.
#include "callbacks.h"

#include "conv.h"
#include "layout.h"

namespace mpbind::emit {

namespace {

bool value_supported(const ir::Module &m, ir::TypeId t) {
    Conv c = classify(m, t);
    return c.ok && c.code != Code::Struct;
}

// The key part naming which struct class each struct-pointer argument gives: trampolines differ by it.
std::string struct_args_key(const ir::Module &m, const ir::Type &fn) {
    std::string k;
    for (ir::TypeId p : fn.params) {
        Conv c = classify(m, p);
        if (c.code == Code::StructPtr) k += "," + std::to_string(c.record.index);
    }
    return k;
}

// Argument i of a trampoline as a Python object. In interrupt context nothing may allocate: a struct pointer is shown
// through a static view re-pointed at each call (`views` gets its definition).
std::string trampoline_arg(const ir::Module &m, ir::TypeId t, size_t i, bool isr, std::string &views) {
    std::string a = "a" + std::to_string(i);
    Conv c = classify(m, t);
    if (c.code != Code::StructPtr) return to_py_expr(m, t, a);
    std::string rec = record_symbol(c.record);
    if (!isr) return "mpb_new_struct_ref(&" + rec + ", " + a + ", MP_OBJ_NULL)";
    std::string v = "v" + std::to_string(i);
    views += "    static mpb_struct_obj_t " + v + " = { { MPB_STRUCT_BASE(&" + rec + ") }, NULL, MP_OBJ_NULL, 0 };\n";
    views += "    " + v + ".data = " + a + ";\n";
    return "MP_OBJ_FROM_PTR(&" + v + ")";
}

// A slot's offset of record r's user field `field` (its own fields only) as the C initializer: its offsetof, or
// MPB_USER_NONE when r has no such field.
std::string user_offset(const ir::Module &m, ir::RecordId r, const std::string &field) {
    if (r.valid())
        for (const ir::Field &f : m.record(r).fields)
            if (f.c_name == field && !f.bit_width) return member_offset_expr(m, r, field, f.offset_bits / 8);
    return "MPB_USER_NONE";
}

} // namespace

bool trampoline_supported(const ir::Module &m, ir::TypeId fn) {
    const ir::Type &f = m.canonical(fn);
    if (f.kind != ir::TypeKind::Function || f.variadic || f.no_prototype) return false;
    if (!value_supported(m, f.ret)) return false;
    for (ir::TypeId p : f.params)
        if (!value_supported(m, p) || classify(m, p).code == Code::Void) return false;
    return true;
}

// static RET name(T0 a0, ...): `find` sets `f` (the callable); the arguments are converted (ctx_value in place of
// argument cb.ctx_arg when given), f is called, its result converted. All of it inside an NLR frame: an exception is
// handed to the C call's wrapper (mpb_callback_failed) or, in interrupt context, printed (mpb_isr_failed); either way
// C gets a zero result and is never unwound.
std::string Trampolines::trampoline(Context &ctx, const ir::Callback &cb, const std::string &name,
                                    const std::string &find, const std::string &ctx_value) {
    const ir::Module &m = ctx.m;
    const ir::Type &fn = m.canonical(cb.fn_type);
    Conv ret = classify(m, fn.ret);
    bool has_ret = ret.code != Code::Void;
    std::string ps, args, views;
    for (size_t i = 0; i < fn.params.size(); ++i) {
        ps += (i ? ", " : "") + abi_type(m, fn.params[i]) + " a" + std::to_string(i);
        bool is_ctx = static_cast<int>(i) == cb.ctx_arg && !ctx_value.empty();
        args += (i ? ", " : "") + (is_ctx ? ctx_value : trampoline_arg(m, fn.params[i], i, cb.isr, views));
    }
    std::string s = "static " + abi_type(m, fn.ret) + " " + name + "(" + (ps.empty() ? "void" : ps) + ") {\n";
    s += "    ++mpb_callback_entries;\n" + find;
    if (has_ret) s += "    " + abi_type(m, fn.ret) + " volatile ret = 0;\n";
    s += views;
    if (cb.isr) s += "    mpb_isr_enter();\n";
    s += "    nlr_buf_t nlr;\n    if (nlr_push(&nlr) == 0) {\n";
    std::string n = std::to_string(fn.params.size());
    if (fn.params.empty()) s += "        mp_obj_t r = mp_call_function_n_kw(f, 0, 0, NULL);\n";
    else s += "        mp_obj_t args[" + n + "] = { " + args + " };\n        mp_obj_t r = mp_call_function_n_kw(f, " +
              n + ", 0, args);\n";
    s += has_ret ? "        ret = " + from_py_plain(m, fn.ret, "r") + ";\n" : "        (void)r;\n";
    s += "        nlr_pop();\n    } else {\n";
    s += cb.isr ? "        mpb_isr_failed(nlr.ret_val);\n    }\n    mpb_isr_exit();\n"
                : "        mpb_callback_failed(nlr.ret_val);\n    }\n";
    s += has_ret ? "    return ret;\n}\n\n" : "}\n\n";
    return s;
}

std::string Trampolines::closure(Context &ctx, const ir::Callback &cb, size_t slot) {
    const ir::Module &m = ctx.m;
    const ir::Type &fn = m.canonical(cb.fn_type);
    std::string key = "closure " + abi_signature(m, fn.ret, fn.params) + "@" + std::to_string(cb.ctx_arg) + "#" +
                      std::to_string(slot) + struct_args_key(m, fn) + (cb.isr ? " isr" : "");
    if (auto it = names_.find(key); it != names_.end()) return it->second;
    std::string name = "mpb_tramp_" + std::to_string(names_.size());
    names_.emplace(key, name);
    std::string find = "    mpb_closure_t *c = (mpb_closure_t *)a" + std::to_string(cb.ctx_arg) +
                       ";\n    mp_obj_t f = c->callables[" + std::to_string(slot) + "];\n";
    ctx.out += "// callback " + key + "\n" + trampoline(ctx, cb, name, find, "c->user");
    return name;
}

std::string Trampolines::slot(Context &ctx, const ir::Callback &cb, ir::RecordId owner) {
    const ir::Module &m = ctx.m;
    const ir::Type &fn = m.canonical(cb.fn_type);
    std::string sig = abi_signature(m, fn.ret, fn.params);
    std::string key = "slot " + cb.dict_key + " " + sig + "@" + std::to_string(cb.ctx_arg) + struct_args_key(m, fn) +
                      (cb.isr ? " isr" : "");
    if (auto it = names_.find(key); it != names_.end()) return it->second;
    std::string id = std::to_string(names_.size());
    std::string name = "mpb_tramp_" + id, slot = "mpb_slot_" + id;
    names_.emplace(key, slot);

    // Where the trampoline looks: the user field of the struct its context argument points to, or (VoidPtrArg of a
    // field, zlib's opaque) the context argument itself; the roots always.
    bool ctx_is_user = cb.convention == ir::CallbackConvention::VoidPtrArg;
    std::string ctx_user = cb.ctx_arg < 0 ? "MPB_USER_NONE"
                           : ctx_is_user  ? "MPB_USER_IS_ARG"
                                          : user_offset(m, cb.ctx_record, cb.user_field);
    const ir::Record *own = owner.valid() ? &m.record(owner) : nullptr;
    std::string owner_user = own && own->user_field ? user_offset(m, owner, own->fields[*own->user_field].c_name)
                                                    : "MPB_USER_NONE";
    std::string ctx_arg = "a" + std::to_string(cb.ctx_arg);
    std::string find = "    mp_obj_t f = mpb_cb_find(&" + slot + ", " + (cb.ctx_arg < 0 ? "NULL" : ctx_arg) + ");\n";
    std::string none = classify(m, fn.ret).code == Code::Void ? "return;" : "return 0;";
    // A missing callable is reported to the C call's caller; an interrupt has nobody to report to (and no heap).
    find += "    if (f == MP_OBJ_NULL) {\n" + std::string(cb.isr ? "" : "        mpb_cb_missing(&" + slot + ");\n") +
            "        " + none + "\n    }\n";
    std::string ctx_value = ctx_is_user && cb.ctx_arg >= 0
                                ? "mpb_is_heap_dict(" + ctx_arg + ") ? MP_OBJ_FROM_PTR(" + ctx_arg + ") : mpb_new_ptr(" +
                                      ctx_arg + ")"
                                : "";
    ctx.out += "// callback " + key + "\nstatic const mpb_cbslot_t " + slot + ";\n" +
               trampoline(ctx, cb, name, find, ctx_value);
    ctx.out += "static const mpb_cbslot_t " + slot + " = { (mpb_cfun_t)" + name + ", " + c_string(sig) + ", MP_QSTR_" +
               cb.dict_key + ", " + ctx_user + ", " + owner_user + " };\n\n";
    return slot;
}

} // namespace mpbind::emit
