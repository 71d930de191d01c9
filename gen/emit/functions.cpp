// functions.cpp: emits one wrapper per distinct C signature and one function object per bound function.
#include <map>

#include "context.h"
#include "conv.h"
#include "ctype.h"

namespace mpbind::emit {

namespace {

// The wrapper for the signature of f, named `name`: converts arguments inline, calls through self->addr.
std::string wrapper(const ir::Module &m, const ir::Function &f, const std::string &name) {
    std::string s = "// " + c_decl(m, f.type) + "\n";
    s += "typedef " + c_decl(m, f.type, name + "_ft") + ";\n";
    s += "static mp_obj_t " + name + "(const mpb_fun_t *self, const mp_obj_t *args) {\n";
    if (f.params.empty()) s += "    (void)args;\n";
    std::string call = "((" + name + "_ft *)self->addr)(";
    for (size_t i = 0; i < f.params.size(); ++i) {
        call += i ? ",\n        " : "\n        ";
        call += from_py(m, f.params[i].type, "args[" + std::to_string(i) + "]", i);
    }
    call += ")";
    s += "    " + to_py_return(m, f.ret, call);
    return s + "}\n\n";
}

std::string signature_string(const ir::Module &m, const ir::Function &f) {
    std::string s = sig_code(m, classify(m, f.ret)) + "(";
    for (size_t i = 0; i < f.params.size(); ++i) s += (i ? "," : "") + sig_code(m, classify(m, f.params[i].type));
    return s + ")";
}

} // namespace

void emit_functions(Context &ctx) {
    const ir::Module &m = ctx.m;
    std::map<std::string, std::string> wrappers; // signature key -> wrapper name
    std::string objects;
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &f = m.functions[k];
        if (!f.info.binding.bound()) continue;
        std::string key = f.signature_key.empty() ? c_decl(m, m.canonical_id(f.type)) : f.signature_key;
        auto it = wrappers.find(key);
        if (it == wrappers.end()) {
            std::string name = "mpb_w_" + std::to_string(wrappers.size());
            it = wrappers.emplace(key, name).first;
            ctx.out += wrapper(m, f, name);
        }
        std::string params;
        for (size_t i = 0; i < f.params.size(); ++i) params += (i ? "," : "") + f.params[i].py_name;
        std::string obj = "mpb_fun_" + std::to_string(k);
        objects += "static MPB_DEFINE_FUN(" + obj + ", MP_QSTR_" + f.info.py_name + ", " + it->second + ", " +
                   f.info.c_name + ", " + c_string(signature_string(m, f)) + ", " + c_string(params) + ", " +
                   std::to_string(f.params.size()) + ");\n";
        ctx.globals.push_back({f.info.py_name, "MP_ROM_PTR(&" + obj + ")", ""});
    }
    if (!objects.empty()) ctx.out += objects + "\n";
}

} // namespace mpbind::emit
