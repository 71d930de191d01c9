// functions.cpp: emits one wrapper per distinct ABI signature and one function object per bound function.
#include <map>

#include "callbacks.h"
#include "context.h"
#include "conv.h"
#include "ctype.h"

namespace mpbind::emit {

namespace {

std::vector<ir::TypeId> param_types(const ir::Function &f) {
    std::vector<ir::TypeId> ts;
    for (const ir::Param &p : f.params) ts.push_back(p.type);
    return ts;
}

// A Python callable for this parameter goes through a trampoline; the void * user-data parameter then carries it.
struct CallbackParam {
    size_t index;       // the function-pointer parameter
    size_t user;        // the void * user-data parameter
    std::string tramp;  // the trampoline's name
    std::string sig;    // the callback's ABI signature (for C functions given instead)
};

std::vector<CallbackParam> callback_params(Context &ctx, Trampolines &tramps, const ir::Function &f) {
    const ir::Module &m = ctx.m;
    std::vector<CallbackParam> out;
    for (size_t i = 0; i < f.params.size(); ++i) {
        const auto &cb = f.params[i].callback;
        if (!cb || cb->convention != ir::CallbackConvention::VoidPtrArg || cb->ctx_arg < 0 || cb->reg_user_param < 0 ||
            static_cast<size_t>(cb->reg_user_param) >= f.params.size() || !trampoline_supported(m, cb->fn_type))
            continue;
        const ir::Type &fn = m.canonical(cb->fn_type);
        out.push_back({i, static_cast<size_t>(cb->reg_user_param), tramps.write(ctx, cb->fn_type, cb->ctx_arg),
                       abi_signature(m, fn.ret, fn.params)});
    }
    return out;
}

// The wrapper shared by every function of f's ABI signature: converts the arguments inline and calls
// self->addr through a function type made of ABI types (int32_t, void *, ...), which every such function matches.
std::string wrapper(const ir::Module &m, const ir::Function &f, const std::string &name, const std::string &sig,
                    const std::vector<CallbackParam> &cbs) {
    std::string s = "// " + sig + "\n";
    std::string ps;
    for (size_t i = 0; i < f.params.size(); ++i) ps += (i ? ", " : "") + abi_type(m, f.params[i].type);
    s += "typedef " + abi_type(m, f.ret) + " " + name + "_ft(" + (ps.empty() ? "void" : ps) + ");\n";
    s += "static mp_obj_t " + name + "(const mpb_fun_t *self, const mp_obj_t *args) {\n";
    if (f.params.empty()) s += "    (void)args;\n";
    std::vector<std::string> exprs;
    for (size_t i = 0; i < f.params.size(); ++i)
        exprs.push_back(from_py(m, f.params[i].type, "args[" + std::to_string(i) + "]", i));
    for (const CallbackParam &cb : cbs) {
        std::string i = std::to_string(cb.index), u = std::to_string(cb.user);
        s += "    mpb_cfun_t cb" + i + ";\n    void *ud" + i + ";\n";
        s += "    if (mpb_is_py_callback(args[" + i + "])) {\n";
        s += "        cb" + i + " = (mpb_cfun_t)" + cb.tramp + ";\n";
        s += "        ud" + i + " = mpb_closure_new(args[" + i + "], args[" + u + "], (const char *)self + " + i + ");\n";
        s += "    } else {\n";
        s += "        cb" + i + " = mpb_get_funptr(args[" + i + "], \"" + cb.sig + "\", self, " + i + ");\n";
        s += "        ud" + i + " = mpb_get_ptr(args[" + u + "], self, " + u + ");\n    }\n";
        exprs[cb.index] = "cb" + i;
        exprs[cb.user] = "ud" + i;
    }
    std::string call = "((" + name + "_ft *)self->addr)(";
    for (size_t i = 0; i < exprs.size(); ++i) call += (i ? ",\n        " : "\n        ") + exprs[i];
    call += ")";
    if (cbs.empty()) {
        s += "    " + to_py_return(m, f.ret, call, f.params.size());
        return s + "}\n\n";
    }
    // A callback may have raised: raise it here, once C has returned.
    Conv ret = classify(m, f.ret);
    if (ret.code == Code::Void) {
        s += "    " + call + ";\n    mpb_raise_pending();\n    return mp_const_none;\n";
    } else {
        s += "    " + abi_type(m, f.ret) + " r = " + call + ";\n    mpb_raise_pending();\n";
        if (ret.code == Code::Struct)
            s += "    return mpb_new_struct_copy(&" + record_symbol(ret.record) + ", &r);\n";
        else if (ret.code == Code::StructPtr)
            s += "    return mpb_new_struct_ref(self->types[" + std::to_string(f.params.size()) + "], r, MP_OBJ_NULL);\n";
        else
            s += "    return " + to_py_expr(m, f.ret, "r") + ";\n";
    }
    return s + "}\n\n";
}

// The struct classes of f's struct-pointer arguments and result, as a table (or "NULL" when there are none).
std::string types_table(const ir::Module &m, const ir::Function &f, const std::string &sym, std::string &defs) {
    std::vector<ir::TypeId> ts = param_types(f);
    ts.push_back(f.ret);
    std::string rows;
    bool any = false;
    for (ir::TypeId t : ts) {
        Conv c = classify(m, t);
        if (c.code == Code::StructPtr) {
            rows += "&" + record_symbol(c.record) + ", ";
            any = true;
        } else {
            rows += "NULL, ";
        }
    }
    if (!any) return "NULL";
    defs += "static const mpb_struct_type_t *const " + sym + "_types[] = { " + rows + "};\n";
    return sym + "_types";
}

} // namespace

void emit_functions(Context &ctx) {
    const ir::Module &m = ctx.m;
    std::map<std::string, std::string> wrappers; // ABI signature (and callback plumbing) -> wrapper name
    Trampolines tramps;
    std::string objects;
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &f = m.functions[k];
        if (!f.info.binding.bound()) continue;
        std::string sig = abi_signature(m, f.ret, param_types(f));
        std::vector<CallbackParam> cbs = callback_params(ctx, tramps, f);
        std::string key = sig;
        for (const CallbackParam &cb : cbs)
            key += "|" + std::to_string(cb.index) + ":" + std::to_string(cb.user) + ":" + cb.tramp;
        auto it = wrappers.find(key);
        if (it == wrappers.end()) {
            std::string name = "mpb_w_" + std::to_string(wrappers.size());
            it = wrappers.emplace(key, name).first;
            ctx.out += wrapper(m, f, name, sig, cbs);
        }
        std::string params;
        for (size_t i = 0; i < f.params.size(); ++i) params += (i ? "," : "") + f.params[i].py_name;
        std::string obj = function_symbol(ir::FunctionId(k));
        std::string types = types_table(m, f, obj, objects);
        objects += "static MPB_DEFINE_FUN(" + obj + ", MP_QSTR_" + f.info.py_name + ", " + it->second + ", " +
                   f.info.c_name + ", " + c_string(sig) + ", " + c_string(params) + ", " + types + ", " +
                   std::to_string(f.params.size()) + ");\n";
        ctx.globals.push_back({f.info.py_name, "MP_ROM_PTR(&" + obj + ")", ""});
    }
    if (!objects.empty()) ctx.out += objects + "\n";
}

} // namespace mpbind::emit
