// The --json document: every declaration of the bound headers and the generated Python API.
#include "json_writer.h"
#include "report.h"
#include "report_common.h"

namespace mpbind::cli {

using namespace detail;
using ir::Status;

namespace {

void binding(JsonWriter &w, const ir::Binding &b) {
    w.key("status").value(status_name(b.status));
    if (!b.bound()) w.key("reason").value(b.reason);
}

void callback(JsonWriter &w, const ir::Module &m, const ir::Callback &cb) {
    static const char *names[] = {"none", "struct_field", "void_ptr_arg", "struct_first_arg"};
    w.key("callback").begin_object();
    w.key("convention").value(names[static_cast<int>(cb.convention)]);
    w.key("signature").value(type_text(m, cb.fn_type));
    if (cb.convention == ir::CallbackConvention::None) {
        w.key("reason").value(cb.skip_reason);
    } else {
        w.key("context_arg").value(cb.ctx_arg);
        if (cb.ctx_record.valid()) w.key("context_struct").value(record_label(m.record(cb.ctx_record)));
        if (!cb.user_field.empty()) w.key("user_field").value(cb.user_field);
        if (cb.reg_user_param >= 0) w.key("user_param").value(cb.reg_user_param);
        if (cb.reg_record.valid()) w.key("registration_struct").value(record_label(m.record(cb.reg_record)));
        w.key("key").value(cb.dict_key);
    }
    if (cb.isr) w.key("isr").value(true);
    w.end_object();
}

void decl_head(JsonWriter &w, const char *kind, const std::string &c_name, const ir::DeclInfo &d) {
    w.begin_object();
    w.key("kind").value(kind);
    w.key("c_name").value(c_name);
    if (d.binding.bound() && !d.py_name.empty()) w.key("py_name").value(d.py_name);
    binding(w, d.binding);
    w.key("location").value(loc_text(d.loc));
}

void macro_value(JsonWriter &w, const ir::Macro &mc) {
    switch (mc.kind) {
    case ir::MacroKind::Int:
        if (mc.is_unsigned) w.value(mc.uint_value);
        else w.value(mc.int_value);
        break;
    case ir::MacroKind::Float: w.value(mc.float_value); break;
    case ir::MacroKind::String: w.value(mc.string_value); break;
    }
}

void declarations(JsonWriter &w, const ir::Module &m) {
    w.key("declarations").begin_array();
    for (const ir::Function &f : m.functions) {
        if (!shown(f.info)) continue;
        decl_head(w, "function", f.info.c_name, f.info);
        w.key("type").value(type_text(m, f.type));
        if (f.info.binding.bound()) {
            w.key("params").begin_array();
            for (const ir::Param &p : f.params) {
                w.begin_object();
                w.key("name").value(p.py_name);
                w.key("type").value(type_text(m, p.type));
                if (p.callback) callback(w, m, *p.callback);
                w.end_object();
            }
            w.end_array();
            if (f.is_inline) w.key("inline").value(true);
        }
        w.end_object();
    }
    for (const ir::Record &r : m.records) {
        if (!shown(r.info) || r.parent.valid()) continue;
        decl_head(w, r.is_union ? "union" : "struct", record_label(r), r.info);
        if (r.info.binding.bound()) {
            w.key("complete").value(r.complete);
            w.key("fields").begin_array();
            for (const ir::Field &fl : r.fields) {
                w.begin_object();
                w.key("c_name").value(fl.c_name);
                if (!fl.anonymous) w.key("py_name").value(fl.py_name);
                w.key("type").value(type_text(m, fl.type));
                if (fl.bit_width) w.key("bits").value(static_cast<uint64_t>(*fl.bit_width));
                if (fl.is_const) w.key("const").value(true);
                if (fl.anonymous) w.key("anonymous").value(true);
                binding(w, fl.binding);
                if (fl.callback) callback(w, m, *fl.callback);
                w.end_object();
            }
            w.end_array();
        }
        w.end_object();
    }
    for (const ir::Enum &e : m.enums) {
        if (!shown(e.info)) continue;
        decl_head(w, "enum", e.info.c_name.empty() ? e.c_spelling : e.info.c_name, e.info);
        w.key("constants").begin_array();
        for (const ir::EnumConstant &k : e.constants) {
            w.begin_object();
            w.key("c_name").value(k.c_name);
            if (e.is_signed) w.key("value").value(k.value);
            else w.key("value").value(k.uvalue);
            binding(w, k.binding);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    for (const ir::Typedef &t : m.typedefs) {
        if (!shown(t.info)) continue;
        decl_head(w, "typedef", t.info.c_name, t.info);
        w.key("type").value(type_text(m, t.target));
        w.end_object();
    }
    for (const ir::Macro &mc : m.macros) {
        if (!shown(mc.info)) continue;
        decl_head(w, "macro", mc.info.c_name, mc.info);
        if (mc.info.binding.bound()) macro_value(w.key("value"), mc);
        w.end_object();
    }
    for (const ir::Variable &v : m.variables) {
        if (!shown(v.info)) continue;
        decl_head(w, "variable", v.info.c_name, v.info);
        w.key("type").value(type_text(m, v.type));
        w.end_object();
    }
    w.end_array();
}

void enum_value(JsonWriter &w, const ir::Enum &e, const ir::EnumConstant &k) {
    if (e.is_signed) w.value(k.value);
    else w.value(k.uvalue);
}

void api(JsonWriter &w, const ir::Module &m) {
    w.key("api").begin_object();
    w.key("functions").begin_array();
    for (const ir::Function &f : m.functions)
        if (f.info.binding.bound()) w.value(f.info.py_name);
    w.end_array();
    w.key("classes").begin_array();
    for (const ir::Record &r : m.records) {
        if (!r.info.binding.bound() || r.parent.valid()) continue;
        w.begin_object();
        w.key("name").value(r.info.py_name);
        w.key("c_type").value(r.c_spelling);
        w.key("attributes").begin_array();
        for (const ir::Field &fl : r.fields)
            if (fl.binding.bound()) {
                if (!fl.anonymous) w.value(fl.py_name);
                else { // members of anonymous structs/unions are attributes of the parent
                    const ir::Type &t = m.canonical(fl.type);
                    for (const ir::Field &inner : m.record(t.record).fields)
                        if (inner.binding.bound() && !inner.anonymous) w.value(inner.py_name);
                }
            }
        w.end_array();
        if (r.constructor.valid()) w.key("constructor").value(m.function(r.constructor).info.py_name);
        w.key("methods").begin_object();
        for (ir::FunctionId f : r.methods) w.key(m.function(f).method_name).value(m.function(f).info.py_name);
        w.end_object();
        std::vector<const ir::Group *> owned;
        for (const ir::Group &g : m.groups)
            if (g.binding.bound() && g.owner.valid() && &m.record(g.owner) == &r) owned.push_back(&g);
        if (!owned.empty()) {
            w.key("constant_classes").begin_object();
            for (const ir::Group *g : owned) w.key(g->owner_name).value(g->py_name);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.key("aliases").begin_object();
    for (const ir::Typedef &t : m.typedefs)
        if (t.info.binding.bound() && !t.merged) w.key(t.info.py_name).value(m.record(m.canonical(t.type).record).info.py_name);
    w.end_object();
    w.key("constant_classes").begin_array();
    for (const ir::Group &g : m.groups) {
        if (!g.binding.bound()) continue;
        w.begin_object();
        w.key("name").value(g.py_name);
        w.key("members").begin_object();
        for (const ir::GroupMember &gm : g.members) {
            if (gm.macro.valid()) {
                macro_value(w.key(gm.name), m.macro(gm.macro));
            } else {
                const ir::Enum &e = m.enum_(gm.enum_);
                enum_value(w.key(gm.name), e, e.constants[gm.constant]);
            }
        }
        w.end_object();
        w.end_object();
    }
    w.end_array();
    w.key("constants").begin_object();
    for (const ir::Enum &e : m.enums) {
        if (!e.info.binding.bound()) continue;
        for (const ir::EnumConstant &k : e.constants)
            if (k.binding.bound() && k.flat) enum_value(w.key(k.py_name), e, k);
    }
    for (const ir::Macro &mc : m.macros)
        if (mc.info.binding.bound() && mc.flat) macro_value(w.key(mc.py_name), mc);
    w.end_object();
    w.end_object();
}

} // namespace

std::string json(const ir::Module &m, const std::string &module_name) {
    JsonWriter w;
    w.begin_object();
    w.key("module").value(module_name);
    declarations(w, m);
    api(w, m);
    w.end_object();
    return w.str();
}

} // namespace mpbind::cli
