// callbacks.cpp: trampolines (C functions with a callback's exact signature that call a Python callable) and the
// runtime slots (mpb_cbslot_t) of the struct conventions.
#include "context.h"
#include "expr.h"

namespace mpbind::emit {

namespace {

// The initializer of one mpb_cbslot_t offset: the user field's offset, or what stands for none.
std::string user_offset(const plan::UserRef &u) {
    switch (u.kind) {
    case plan::UserRef::Kind::None: return "MPB_USER_NONE";
    case plan::UserRef::Kind::IsArg: return "MPB_USER_IS_ARG";
    case plan::UserRef::Kind::Field: return u.offset.c;
    }
    return "";
}

// How the trampoline finds its callable `f`, written before the call (`slot`: its mpb_cbslot_t as the body names it).
std::string find_callable(const plan::Plan &p, const plan::Trampoline &t, const std::string &slot) {
    std::string ctx = t.ctx_arg ? "a" + std::to_string(*t.ctx_arg) : "NULL";
    if (t.find == plan::Trampoline::Find::Closure && !t.accessor.empty())
        return "    mpb_closure_t *c = (mpb_closure_t *)" + t.accessor + "(" + ctx + ");\n    mp_obj_t f = c->callables[" +
               std::to_string(t.index) + "];\n";
    if (t.find == plan::Trampoline::Find::Closure)
        return "    mpb_closure_t *c = (mpb_closure_t *)" + ctx + ";\n    mp_obj_t f = c->callables[" +
               std::to_string(t.index) + "];\n";
    std::string s = p.slots[t.slot].pool ? "    mp_obj_t f = mpb_cb_find_pooled(" + slot + ", entry, " + ctx + ");\n"
                                         : "    mp_obj_t f = mpb_cb_find(" + slot + ", " + ctx + ");\n";
    // A missing callable is reported to the C call's caller; an interrupt has nobody to report to (and no heap).
    s += "    if (f == MP_OBJ_NULL) {\n";
    if (!t.isr) s += "        mpb_cb_missing(" + slot + ");\n";
    s += std::string("        ") + (t.ret.conv.code == plan::Code::VOID ? "return;" : "return 0;") + "\n    }\n";
    return s;
}

// What the callable gets in place of the context argument: the closure's own user data, or the user-data dict.
std::string context_value(const plan::Trampoline &t) {
    if (t.find == plan::Trampoline::Find::Closure) return t.accessor.empty() ? "c->user" : "";
    if (!t.ctx_is_user_data || !t.ctx_arg) return "";
    std::string a = "a" + std::to_string(*t.ctx_arg);
    return "mpb_is_heap_dict(" + a + ") ? MP_OBJ_FROM_PTR(" + a + ") : mpb_new_ptr(" + a + ")";
}

// The body of a trampoline: the arguments are converted (the context value in place of the context argument), f is
// called, its result converted. All of it inside an NLR frame: an exception is handed to the C call's wrapper
// (mpb_callback_failed) or, in interrupt context, printed (mpb_isr_failed); either way C gets a zero result and is
// never unwound.
std::string body_text(const plan::Plan &p, const plan::Trampoline &t, const std::string &slot) {
    bool has_ret = t.ret.conv.code != plan::Code::VOID;
    std::string args, views, ctx_value = context_value(t);
    for (size_t i = 0; i < t.args.size(); ++i) {
        bool is_ctx = t.ctx_arg == i && !ctx_value.empty();
        args += (i ? ", " : "") + (is_ctx ? ctx_value : trampoline_arg(t.args[i], i, t.isr, views));
    }
    std::string s = "    ++mpb_callback_entries;\n" + find_callable(p, t, slot);
    // A destroy-notify given as None still releases the closure; C calls it once, after which the closure is gone.
    if (t.releases_closure) s += "    if (f == mp_const_none) {\n        mpb_closure_release(c);\n        return;\n    }\n";
    if (has_ret) s += "    " + t.ret.c_type + " volatile ret = 0;\n";
    s += views;
    if (t.isr) s += "    mpb_isr_enter();\n";
    // The depth counts the call on both paths: a raising callback leaves it as it found it.
    s += "    ++mpb_callback_depth;\n    nlr_buf_t nlr;\n    if (nlr_push(&nlr) == 0) {\n";
    std::string n = std::to_string(t.args.size());
    if (t.args.empty()) s += "        mp_obj_t r = mp_call_function_n_kw(f, 0, 0, NULL);\n";
    else s += "        mp_obj_t args[" + n + "] = { " + args + " };\n        mp_obj_t r = mp_call_function_n_kw(f, " +
              n + ", 0, args);\n";
    s += has_ret ? "        ret = " + trampoline_result(t.ret, "r") + ";\n" : "        (void)r;\n";
    s += "        nlr_pop();\n    } else {\n";
    s += t.isr ? "        mpb_isr_failed(nlr.ret_val);\n    }\n    --mpb_callback_depth;\n    mpb_isr_exit();\n"
               : "        mpb_callback_failed(nlr.ret_val);\n    }\n    --mpb_callback_depth;\n";
    if (t.releases_closure) s += "    mpb_closure_release(c);\n";
    if (t.releases_handles)
        for (size_t i = 0; i < t.args.size(); ++i)
            if (t.args[i].conv.code == plan::Code::PTR) s += "    mpb_handle_release(a" + std::to_string(i) + ");\n";
    return s + (has_ret ? "    return ret;\n}\n" : "}\n");
}

// A trampoline, and for a slot its mpb_cbslot_t. A pool's trampolines share one body, each passing its entry; a body
// shared by several slots (plan::Trampoline::body) takes the slot too, and is defined where its first slot is.
std::string trampoline(const plan::Plan &p, const plan::Trampoline &t) {
    bool has_ret = t.ret.conv.code != plan::Code::VOID;
    const bool by_slot = t.find == plan::Trampoline::Find::Slot;
    const size_t pool = by_slot ? p.slots[t.slot].pool : 0;
    const bool shared = t.body != plan::none;
    std::string ps, names;
    for (size_t i = 0; i < t.args.size(); ++i) {
        ps += (i ? ", " : "") + t.args[i].c_type + " a" + std::to_string(i);
        names += ", a" + std::to_string(i);
    }
    std::string s = "// Calls the Python callable of the " + comment_text(t.serves.front()) + "\n";
    for (size_t k = 1; k < t.serves.size(); ++k) s += "// (reused for the " + comment_text(t.serves[k]) + ")\n";
    const std::string slot = by_slot ? p.slots[t.slot].symbol : "";
    if (by_slot) s += "static const mpb_cbslot_t " + slot + ";\n";
    std::string body = shared ? p.trampolines[t.body].symbol + "_body" : pool ? t.symbol + "_entry" : t.symbol;
    std::string lead = std::string(shared ? "const mpb_cbslot_t *s" : "") + (shared && pool ? ", " : "") +
                       (pool ? "size_t entry" : "");
    std::string body_ps = lead + (!lead.empty() && !ps.empty() ? ", " : "") + ps;
    std::string head = "static " + t.ret.c_type + " " + body + "(" + (body_ps.empty() ? "void" : body_ps) + ")";
    if (shared && &p.trampolines[t.body] != &t) s += head + ";\n"; // defined with the first slot that uses it
    else s += head + " {\n" + body_text(p, t, shared ? "s" : "&" + slot);
    if (by_slot) {
        const plan::Slot &sl = p.slots[t.slot];
        std::string first = t.symbol, table = "NULL";
        // What the body is called with before the arguments: the slot (shared), the entry (pool).
        auto forwarder = [&](const std::string &name, const std::string &entry) {
            std::string pass = std::string(shared ? "&" + slot : "") + (shared && pool ? ", " : "") + entry;
            return "static " + t.ret.c_type + " " + name + "(" + (ps.empty() ? "void" : ps) + ") {\n    " +
                   (has_ret ? "return " : "") + body + "(" + pass + names + ");\n}\n";
        };
        if (pool) {
            std::string list;
            for (size_t j = 0; j < pool; ++j) {
                std::string name = t.symbol + "_" + std::to_string(j);
                s += forwarder(name, std::to_string(j));
                list += (j ? ", " : "") + std::string("(mpb_cfun_t)") + name;
            }
            first = t.symbol + "_0";
            table = t.symbol + "_pool";
            s += "static const mpb_cfun_t " + table + "[] = { " + list + " };\n";
        } else if (shared) {
            s += forwarder(t.symbol, "");
        }
        s += "static const mpb_cbslot_t " + sl.symbol + " = { (mpb_cfun_t)" + first + ", " + c_string(sl.abi_sig) +
             ", MP_QSTR_" + sl.key + ", " + user_offset(sl.ctx) + ", " + user_offset(sl.owner) + ", " +
             std::to_string(pool) + ", " + table + " };\n";
    }
    return s + "\n";
}

} // namespace

void emit_trampolines(const plan::Plan &p, const std::vector<size_t> &which, std::string &out) {
    for (size_t t : which) out += trampoline(p, p.trampolines[t]);
}

} // namespace mpbind::emit
