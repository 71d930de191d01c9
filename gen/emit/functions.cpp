// functions.cpp: emits one wrapper per distinct ABI signature and one function object per bound function.
#include <map>

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

// The wrapper shared by every function of f's ABI signature: converts the arguments inline and calls
// self->addr through a function type made of ABI types (int32_t, void *, ...), which every such function matches.
std::string wrapper(const ir::Module &m, const ir::Function &f, const std::string &name, const std::string &sig) {
    std::string s = "// " + sig + "\n";
    std::string ps;
    for (size_t i = 0; i < f.params.size(); ++i) ps += (i ? ", " : "") + abi_type(m, f.params[i].type);
    s += "typedef " + abi_type(m, f.ret) + " " + name + "_ft(" + (ps.empty() ? "void" : ps) + ");\n";
    s += "static mp_obj_t " + name + "(const mpb_fun_t *self, const mp_obj_t *args) {\n";
    if (f.params.empty()) s += "    (void)args;\n";
    std::string call = "((" + name + "_ft *)self->addr)(";
    for (size_t i = 0; i < f.params.size(); ++i) {
        call += i ? ",\n        " : "\n        ";
        call += from_py(m, f.params[i].type, "args[" + std::to_string(i) + "]", i);
    }
    call += ")";
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
    std::map<std::string, std::string> wrappers; // ABI signature -> wrapper name
    std::string objects;
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &f = m.functions[k];
        if (!f.info.binding.bound()) continue;
        std::string sig = abi_signature(m, f.ret, param_types(f));
        auto it = wrappers.find(sig);
        if (it == wrappers.end()) {
            std::string name = "mpb_w_" + std::to_string(wrappers.size());
            it = wrappers.emplace(sig, name).first;
            ctx.out += wrapper(m, f, name, sig);
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
