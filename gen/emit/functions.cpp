// functions.cpp: per bound function its C prototype, the wrapper it shares (written by its first user) and its function
// object (MPB_DEFINE_FUN), as MicroPython's own modules pair each function with its object; then the module's struct
// classes, shapes and function type, which the objects point into with 16-bit offsets; and the module's string pool.
#include "context.h"
#include "expr.h"

namespace mpbind::emit {

namespace {

// One user-data parameter: a closure of its callbacks when any is a Python callable (made on the stack when it is
// released as the call returns, else kept in the runtime until its release rule says), else the caller's pointer.
// A destroy-notify parameter always gets its trampoline with a closure: it releases the closure when C calls it.
std::string closure_setup(const plan::Plan &p, const plan::Wrapper &w, const plan::ClosureGroup &g,
    std::vector<std::string> &exprs) {
    static const char *const rules[] = {"MPB_RELEASE_KEEP", "", "MPB_RELEASE_REPLACE", "MPB_RELEASE_DESTROY"};
    const bool on_stack = g.release == ir::Release::Call, replace = g.release == ir::Release::Replace;
    std::string u = std::to_string(g.user_param), n = std::to_string(g.callback_params.size()), any, list;
    for (size_t k = 0; k < g.callback_params.size(); ++k) {
        std::string i = std::to_string(g.callback_params[k]);
        any += (k ? " || " : "") + std::string("mpb_is_py_callback(args[") + i + "])";
        list += (k ? ", " : "") + i;
    }
    std::string key = "(const char *)self + " + u;
    std::string inst = g.instance_param ? "(const void *)" + exprs[*g.instance_param] : "NULL";
    // With a destroy-notify, user data that is a Python object (a dict) travels in a closure too, kept until C
    // drops it, and comes back as the same object.
    if (g.destroy_param) any += " || mpb_is_object_data(args[" + u + "])";
    std::string s = on_stack ? "    MPB_CLOSURE_ON_STACK(cl" + u + ", " + n + ");\n" : "";
    if (g.records_handle) s += "    void *cl" + u + " = NULL;\n";
    s += "    void *ud" + u + ";\n    if (" + any + ") {\n";
    s += "        static const uint8_t cbs" + u + "[] = { " + list + " };\n";
    if (on_stack) {
        s += "        ud" + u + " = mpb_closure_init(&cl" + u + ".c, self, args, cbs" + u + ", " + n + ", " + u + ");\n";
    } else {
        s += "        ud" + u + " = " + (g.records_handle ? "cl" + u + " = " : "") + "mpb_closure_new(self, args, cbs" + u +
             ", " + n + ", " + u + ", " + key + ", " + inst + ", " + rules[static_cast<int>(g.release)] + ");\n";
    }
    if (g.destroy_param) {
        const plan::Callback &cb = p.callbacks[w.params[*g.destroy_param].callback];
        s += "        cb" + std::to_string(*g.destroy_param) + " = (mpb_cfun_t)" + p.trampolines[cb.trampoline].symbol + ";\n";
    }
    s += "    } else {\n";
    if (replace) s += "        mpb_closure_release_slot(" + key + ", " + inst + ");\n";
    s += "        ud" + u + " = mpb_get_ptr(args[" + u + "], self, " + u + ");\n    }\n";
    exprs[g.user_param] = "ud" + u;
    return s;
}

// Per Python-callable parameter: the trampoline, else the C address. Per user-data parameter: one closure of its
// callbacks when any of them is a Python callable, else the caller's pointer unchanged. First-argument
// registrations keep the callable in the first parameter's user-data dict.
std::string callback_setup(const plan::Plan &p, const plan::Wrapper &w, std::vector<std::string> &exprs) {
    std::string s;
    for (size_t i = 0; i < w.params.size(); ++i) {
        if (w.params[i].callback == plan::none) continue;
        const plan::Callback &cb = p.callbacks[w.params[i].callback];
        if (!cb.python()) continue;
        std::string n = std::to_string(i);
        if (cb.slot_desc != plan::none) {
            if (exprs[0] != "p0") {
                s += "    " + w.params[0].abi_type + " p0 = " + exprs[0] + ";\n";
                exprs[0] = "p0";
            }
            s += "    mpb_cfun_t cb" + n + " = mpb_cb_store(&" + p.slots[cb.slot_desc].symbol + ", (void *)p0, NULL, args[" + n +
                 "], self, " + n + ");\n";
        } else {
            s += "    mpb_cfun_t cb" + n + " = mpb_is_py_callback(args[" + n + "]) ? (mpb_cfun_t)" +
                 p.trampolines[cb.trampoline].symbol + "\n        : mpb_get_funptr(args[" + n + "], \"" + cb.abi_sig +
                 "\", self, " + n + ");\n";
        }
        exprs[i] = "cb" + n;
    }
    for (const plan::ClosureGroup &g : w.closures) s += closure_setup(p, w, g, exprs);
    return s;
}

// After the C call (its result in res when there is one): handles recorded, closures released.
std::string post_call(const plan::Wrapper &w, const std::vector<std::string> &exprs) {
    std::string s;
    for (const plan::PostCall &c : w.post) {
        std::string u = std::to_string(c.user_param);
        switch (c.kind) {
        case plan::PostCall::Kind::RecordHandle:
            s += "    if (cl" + u + " != NULL) {\n        mpb_closure_set_handle(cl" + u + ", (uintptr_t)res);\n    }\n";
            break;
        case plan::PostCall::Kind::ReleaseHandle:
            s += "    mpb_closures_release_handle(" + c.slot + ", " +
                 (c.object_param ? "(const void *)" + exprs[*c.object_param] : std::string("NULL")) + ", (uintptr_t)" +
                 exprs[c.param] + ");\n";
            break;
        case plan::PostCall::Kind::ReleaseObject:
            s += "    mpb_closures_release_object(" + c.slot + ", (const void *)" + exprs[c.param] + ");\n";
            break;
        }
    }
    return s;
}

// A function acting on another registration's closures, given a Python callable as argument 1 (ABI types
// throughout, as wrappers call C). Rebind: C gets the registration's trampoline and the object's closure (its user
// data) the callable; the runtime checks the closure is that registration's. Remove: each closure of that callable
// on the object is removed from C by the removal by callback and user data (a helper written before the wrapper),
// then released; the count is the result. Other values take the usual path below.
std::string closure_target_helper(const plan::Wrapper &w) {
    const plan::Wrapper::ClosureTarget &t = *w.closure_target;
    std::string s = t.trampoline_decl + "\n";
    if (!t.remove) return s;
    std::string ps;
    for (size_t i = 0; i < t.remove_params.size(); ++i) ps += (i ? ", " : "") + t.remove_params[i];
    s += "typedef " + t.remove_ret + " " + w.symbol + "_remove_ft(" + ps + ");\n";
    s += "static mp_int_t " + w.symbol + "_remove_one(void *obj, void *closure) {\n";
    std::string call = "((" + w.symbol + "_remove_ft *)" + t.remove_one + ".addr)(obj, (mpb_cfun_t)" + t.trampoline +
                       ", closure)";
    s += t.remove_ret == "void" ? "    " + call + ";\n    return 1;\n}\n" : "    return (mp_int_t)" + call + ";\n}\n";
    return s;
}

std::string closure_target_call(const plan::Wrapper &w, std::vector<std::string> &exprs) {
    const plan::Wrapper::ClosureTarget &t = *w.closure_target;
    std::string s;
    if (exprs[0] != "p0") {
        s += "    " + w.params[0].abi_type + " p0 = " + exprs[0] + ";\n";
        exprs[0] = "p0";
    }
    if (!t.remove) {
        // A C function, Blob or None converts first (a wrong value changes nothing), then takes the callable's place.
        // No object (None) has no closure: the accessor is not called on NULL.
        s += "    mpb_cfun_t cb1 = mpb_is_py_callback(args[1]) ? NULL : " + exprs[1] + ";\n";
        s += "    cb1 = mpb_closure_rebind(self, 1, p0 != NULL ? " + t.accessor + "(p0) : NULL, " + t.key + ", " +
             std::to_string(t.index) + ", args[1], (mpb_cfun_t)" + t.trampoline + ", cb1);\n";
        exprs[1] = "cb1";
        return s;
    }
    s += "    if (mpb_is_py_callback(args[1])) { // the registrations of " + t.registration + " with it\n";
    s += "        mp_int_t n = mpb_closures_remove_callable(" + t.key + ", (const void *)p0, " +
         std::to_string(t.index) + ", args[1], " + (t.with_user_data ? "args[2]" : "MP_OBJ_NULL") + ", " + w.symbol +
         "_remove_one);\n";
    if (w.ret.conv.code == plan::Code::VOID)
        s += "        (void)n;\n        return mp_const_none;\n";
    else
        s += "        " + to_py_return(w.ret, "(" + w.ret.abi_type + ")n", w.params.size());
    s += "    }\n";
    return s;
}

// The wrapper converts the arguments inline and calls self->addr through a function type made of ABI types
// (int32_t, void *, ...), which every function of its signature matches. A callback's exception is raised by the
// function object once the wrapper has returned (runtime/mpb_fun.c).
std::string wrapper(const plan::Plan &p, const plan::Wrapper &w) {
    std::string ps;
    for (size_t i = 0; i < w.params.size(); ++i) ps += (i ? ", " : "") + w.params[i].abi_type;
    std::string s = "typedef " + w.ret.abi_type + " " + w.c_type + "(" + (ps.empty() ? "void" : ps) + ");\n";
    s += "static mp_obj_t " + w.symbol + "(const mpb_fun_t *self, const mp_obj_t *args) {\n";
    using IdentityUserData = ir::Function::IdentityUserData;
    if (w.identity_user_data != IdentityUserData::None) // the slot is the wrapper's: the user's object is kept there
        return s + "    return mpb_object_user_data(self, args[0], " +
               (w.identity_user_data == IdentityUserData::Set ? "args[1]" : "MP_OBJ_NULL") + ");\n}\n";
    if (w.params.empty()) s += "    (void)args;\n";
    std::vector<std::string> exprs;
    for (size_t i = 0; i < w.params.size(); ++i) exprs.push_back(from_py(w.params[i], "args[" + std::to_string(i) + "]", i));
    if (w.closure_target) s = closure_target_helper(w) + s + closure_target_call(w, exprs);
    s += callback_setup(p, w, exprs);
    std::string call = "((" + w.c_type + " *)self->addr)(";
    for (size_t i = 0; i < exprs.size(); ++i) call += (i ? ",\n        " : "\n        ") + exprs[i];
    call += ")";
    if (w.returns_user_data) return s + "    return mpb_user_data_to_py(" + call + ");\n}\n";
    if (w.post.empty()) return s + "    " + to_py_return(w.ret, call, w.params.size()) + "}\n";
    if (w.ret.conv.code == plan::Code::VOID) return s + "    " + call + ";\n" + post_call(w, exprs) + "    return mp_const_none;\n}\n";
    s += "    " + w.ret.abi_type + " res = " + call + ";\n" + post_call(w, exprs);
    s += "    " + to_py_return(w.ret, "res", w.params.size());
    return s + "}\n";
}

// The module's struct classes of function arguments and results: the functions' tables, overlapping where they agree.
std::string classes_pool(const plan::Plan &p) {
    std::string s = "static const mpb_struct_type_t *const " + p.classes_symbol + "[] = {\n";
    for (size_t k = 0; k < p.class_pool.size(); ++k)
        s += "    " + (p.class_pool[k].empty() ? "NULL" : "&" + p.class_pool[k]) + ", // " + std::to_string(k) + "\n";
    return s + "};\n";
}

// The module's shapes, indexed by the function objects.
std::string shapes(const plan::Plan &p) {
    std::string s = "static const mpb_fun_shape_t " + p.shapes_symbol + "[] = {\n";
    for (size_t k = 0; k < p.shapes.size(); ++k) {
        const plan::Shape &sh = p.shapes[k];
        s += "    MPB_FUN_SHAPE(" + p.wrappers[sh.wrapper].symbol + ", " + std::to_string(sh.sig_offset) + ", " +
             std::to_string(sh.n_args) + "), // " + std::to_string(k) + "\n";
    }
    return s + "};\n";
}

} // namespace

// The module's string pool, one string a line: signatures, then parameter-name lists (offsets in the comments). The
// names serve only error messages, so they are compiled where the port asks for detailed ones (MPB_PARAM_NAMES); the
// runtime tells from the pool's compiled size whether a function's names are there.
void emit_strings(const plan::Plan &p, std::string &out) {
    if (p.functions.empty()) return;
    out += "static const char " + p.strings_symbol + "[] =\n";
    for (size_t at = 0; at < p.strings.size();) {
        if (at == p.param_names_at) out += "#if MPB_PARAM_NAMES\n";
        size_t end = p.strings.find('\0', at);
        out += "    " + c_string(p.strings.substr(at, end - at + 1)) + " // " + std::to_string(at) + "\n";
        at = end + 1;
    }
    if (p.param_names_at < p.strings.size()) out += "#endif\n";
    out += ";\n\n";
}

void emit_functions(const plan::Plan &p, std::string &out) {
    for (const plan::Function &f : p.functions) {
        const plan::Wrapper &w = p.wrappers[f.wrapper];
        if (f.defines_wrapper) emit_trampolines(p, w.trampolines, out);
        out += "// " + comment_text(f.prototype) + "\n";
        out += f.defines_wrapper ? wrapper(p, w) : "/* Reusing " + w.symbol + " for " + f.c_name + " */\n";
        out += "static MPB_DEFINE_FUN(" + f.object + ", MP_QSTR_" + f.name + ", " + f.c_name + ", " + p.fun_type_symbol +
               ", " + std::to_string(f.shape) + ", " +
               (f.classes_offset == plan::none ? "MPB_NO_CLASSES" : std::to_string(f.classes_offset)) + ", " +
               (f.params_offset == plan::no_params ? "MPB_NO_PARAMS" : std::to_string(f.params_offset)) + ");\n\n";
    }
    if (p.functions.empty()) return;
    if (!p.class_pool.empty()) out += classes_pool(p) + "\n";
    out += shapes(p) + "\nstatic MPB_DEFINE_FUN_TYPE(" + p.fun_type_symbol + ", " + p.shapes_symbol + ", " + p.strings_symbol +
           ", " + (p.class_pool.empty() ? "NULL" : p.classes_symbol) + ");\n\n";
}

} // namespace mpbind::emit
