// functions.cpp: emits one wrapper per distinct ABI signature and one function object per bound function.
#include <algorithm>
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

// A Python callable for this parameter goes through a trampoline, found through the void * user-data parameter
// (a closure) or through the first parameter's user-data dict (a slot).
struct CallbackParam {
    size_t index;       // the function-pointer parameter
    size_t user;        // closure: the void * user-data parameter
    std::string tramp;  // closure: the trampoline's name; slot: the slot's name
    std::string sig;    // the callback's ABI signature (for C functions given instead)
    bool slot = false;  // StructFirstArg: mpb_cb_store into the first parameter's struct
};

// The runtime's MPB_CLOSURE_MAX: callbacks beyond it on one user-data parameter get the C-address-only form.
constexpr size_t kClosureMax = 4;

// Callbacks sharing one user-data parameter share one closure: each gets its slot (its rank among them), and its
// trampoline calls the closure's callable of that slot.
std::vector<CallbackParam> callback_params(Context &ctx, const ir::Function &f) {
    const ir::Module &m = ctx.m;
    std::vector<CallbackParam> out;
    std::map<size_t, size_t> per_user; // user-data parameter -> callbacks so far
    for (size_t i = 0; i < f.params.size(); ++i) {
        const auto &cb = f.params[i].callback;
        if (!cb || !trampoline_supported(m, cb->fn_type)) continue;
        const ir::Type &fn = m.canonical(cb->fn_type);
        std::string sig = abi_signature(m, fn.ret, fn.params);
        if (cb->convention == ir::CallbackConvention::StructFirstArg && i > 0) {
            // The trampoline looks in the dict of its own struct argument: the callable can go into the first
            // parameter's dict only when that is the same struct type; otherwise into the module roots.
            ir::RecordId owner = cb->ctx_record.index == cb->reg_record.index ? cb->reg_record : ir::RecordId{};
            out.push_back({i, 0, ctx.tramps->slot(ctx, *cb, owner), sig, true});
            continue;
        }
        if (cb->convention != ir::CallbackConvention::VoidPtrArg || cb->ctx_arg < 0 || cb->reg_user_param < 0 ||
            static_cast<size_t>(cb->reg_user_param) >= f.params.size())
            continue;
        size_t user = static_cast<size_t>(cb->reg_user_param);
        size_t slot = per_user[user];
        if (slot >= kClosureMax) continue;
        per_user[user] = slot + 1;
        out.push_back({i, user, ctx.tramps->closure(ctx, *cb, slot), sig});
    }
    return out;
}

// The object a registration is made on (sqlite3_update_hook's db): the first pointer parameter that is neither a
// callback nor the user data, as a C expression; "NULL" when there is none. Closures are kept per (slot, instance).
std::string instance_expr(const ir::Module &m, const ir::Function &f, size_t user, const std::vector<size_t> &cbs,
                          const std::vector<std::string> &exprs) {
    for (size_t i = 0; i < f.params.size(); ++i) {
        if (i == user || std::find(cbs.begin(), cbs.end(), i) != cbs.end()) continue;
        Code c = classify(m, f.params[i].type).code;
        if (c == Code::Ptr || c == Code::StructPtr) return "(const void *)" + exprs[i];
    }
    return "NULL";
}

// Per callback: the trampoline for a Python callable, else the C address. Per user-data parameter: one closure of
// all its callbacks when any of them is a Python callable, else the caller's pointer unchanged. Slot callbacks keep
// their callable in the first parameter's user-data dict.
std::string callback_setup(const ir::Module &m, const ir::Function &f, const std::vector<CallbackParam> &cbs,
                           std::vector<std::string> &exprs) {
    std::string s;
    std::map<size_t, std::vector<size_t>> groups; // user-data parameter -> its callback parameters, in order
    for (const CallbackParam &cb : cbs) {
        std::string i = std::to_string(cb.index);
        if (cb.slot) {
            if (exprs[0] != "p0") {
                s += "    " + abi_type(m, f.params[0].type) + " p0 = " + exprs[0] + ";\n";
                exprs[0] = "p0";
            }
            s += "    mpb_cfun_t cb" + i + " = mpb_cb_store(&" + cb.tramp + ", (void *)p0, args[" + i + "], self, " + i +
                 ");\n";
            exprs[cb.index] = "cb" + i;
            continue;
        }
        s += "    mpb_cfun_t cb" + i + " = mpb_is_py_callback(args[" + i + "]) ? (mpb_cfun_t)" + cb.tramp +
             "\n        : mpb_get_funptr(args[" + i + "], \"" + cb.sig + "\", self, " + i + ");\n";
        exprs[cb.index] = "cb" + i;
        groups[cb.user].push_back(cb.index);
    }
    for (const auto &[user, members] : groups) {
        std::string u = std::to_string(user), any, list;
        for (size_t k = 0; k < members.size(); ++k) {
            std::string i = std::to_string(members[k]);
            any += (k ? " || " : "") + std::string("mpb_is_py_callback(args[") + i + "])";
            list += (k ? ", " : "") + i;
        }
        std::string key = "(const char *)self + " + u, inst = instance_expr(m, f, user, members, exprs);
        s += "    void *ud" + u + ";\n    if (" + any + ") {\n";
        s += "        static const uint8_t cbs" + u + "[] = { " + list + " };\n";
        s += "        ud" + u + " = mpb_closure_new(self, args, cbs" + u + ", " + std::to_string(members.size()) + ", " +
             u + ", " + key + ", " + inst + ");\n";
        s += "    } else {\n        mpb_closure_release(" + key + ", " + inst + ");\n";
        s += "        ud" + u + " = mpb_get_ptr(args[" + u + "], self, " + u + ");\n    }\n";
        exprs[user] = "ud" + u;
    }
    return s;
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
    s += callback_setup(m, f, cbs, exprs);
    std::string call = "((" + name + "_ft *)self->addr)(";
    for (size_t i = 0; i < exprs.size(); ++i) call += (i ? ",\n        " : "\n        ") + exprs[i];
    call += ")";
    // A callback's exception is raised by the function object once the wrapper has returned (runtime/mpb_fun.c).
    s += "    " + to_py_return(m, f.ret, call, f.params.size());
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
    std::string objects;
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &f = m.functions[k];
        if (!f.info.binding.bound()) continue;
        std::string sig = abi_signature(m, f.ret, param_types(f));
        std::vector<CallbackParam> cbs = callback_params(ctx, f);
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
