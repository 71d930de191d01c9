// callbacks.cpp: writes trampolines for the void * user-data callback convention (issue 4, convention 2).
#include "callbacks.h"

#include "conv.h"

namespace mpbind::emit {

namespace {

bool value_supported(const ir::Module &m, ir::TypeId t) {
    Conv c = classify(m, t);
    return c.ok && c.code != Code::Struct;
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

// static RET mpb_tramp_N(T0 a0, T1 a1, ...): converts the arguments (the closure's user data in place of
// argument ctx_arg), calls the closure's Python callable number slot, converts its result; all inside an NLR frame, so an exception
// is handed to the wrapper that called into C instead of unwinding through C.
std::string Trampolines::write(Context &ctx, ir::TypeId fn_id, int ctx_arg, size_t slot) {
    const ir::Module &m = ctx.m;
    const ir::Type &fn = m.canonical(fn_id);
    std::string key = abi_signature(m, fn.ret, fn.params) + "@" + std::to_string(ctx_arg) + "#" + std::to_string(slot);
    for (ir::TypeId p : fn.params) { // struct pointers give instances of their class: part of the key
        Conv c = classify(m, p);
        if (c.code == Code::StructPtr) key += "," + std::to_string(c.record.index);
    }
    if (auto it = names_.find(key); it != names_.end()) return it->second;
    std::string name = "mpb_tramp_" + std::to_string(names_.size());
    names_.emplace(key, name);

    Conv ret = classify(m, fn.ret);
    std::string ps, args;
    for (size_t i = 0; i < fn.params.size(); ++i) {
        std::string a = "a" + std::to_string(i);
        ps += (i ? ", " : "") + abi_type(m, fn.params[i]) + " " + a;
        std::string obj;
        Conv c = classify(m, fn.params[i]);
        if (static_cast<int>(i) == ctx_arg) obj = "c->user";
        else if (c.code == Code::StructPtr) obj = "mpb_new_struct_ref(&" + record_symbol(c.record) + ", " + a + ", MP_OBJ_NULL)";
        else obj = to_py_expr(m, fn.params[i], a);
        args += (i ? ", " : "") + obj;
    }
    std::string s = "// callback " + key + "\n";
    s += "static " + abi_type(m, fn.ret) + " " + name + "(" + (ps.empty() ? "void" : ps) + ") {\n";
    s += "    mpb_closure_t *c = (mpb_closure_t *)a" + std::to_string(ctx_arg) + ";\n";
    if (ret.code != Code::Void) s += "    " + abi_type(m, fn.ret) + " volatile ret = 0;\n";
    s += "    nlr_buf_t nlr;\n    if (nlr_push(&nlr) == 0) {\n";
    s += "        mp_obj_t args[" + std::to_string(fn.params.size()) + "] = { " + args + " };\n";
    s += "        mp_obj_t r = mp_call_function_n_kw(c->callables[" + std::to_string(slot) + "], " + std::to_string(fn.params.size()) + ", 0, args);\n";
    if (ret.code != Code::Void) s += "        ret = " + from_py_plain(m, fn.ret, "r") + ";\n";
    else s += "        (void)r;\n";
    s += "        nlr_pop();\n    } else {\n        mpb_callback_failed(nlr.ret_val);\n    }\n";
    if (ret.code != Code::Void) s += "    return ret;\n";
    s += "}\n\n";
    ctx.out += s;
    return name;
}

} // namespace mpbind::emit
