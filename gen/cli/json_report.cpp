// The --json document: every declaration of the bound headers and the generated Python API, from the plan.
#include "json_writer.h"
#include "report.h"

namespace mpbind::cli {

using plan::Decl;

namespace {

const char *status_name(ir::Status s) {
    switch (s) {
    case ir::Status::Bound: return "bound";
    case ir::Status::Excluded: return "excluded";
    case ir::Status::Skipped: return "skipped";
    }
    return "?";
}

std::string loc_text(const ir::Location &l) { return l.file.empty() ? "" : l.file + ":" + std::to_string(l.line); }

void status(JsonWriter &w, ir::Status s, const std::string &reason) {
    w.key("status").value(status_name(s));
    if (s != ir::Status::Bound) w.key("reason").value(reason);
}

void user_ref(JsonWriter &w, const plan::UserRef &u, const char *struct_key) {
    if (u.kind != plan::UserRef::Kind::Field) return;
    w.key(struct_key).value(u.record_c);
    w.key("user_field").value(u.field);
}

// Where a store keeps the callable: a struct's user-data dict, or the module roots.
void kept_in(JsonWriter &w, const plan::UserRef &owner) {
    w.key("kept_in").value(owner.kind == plan::UserRef::Kind::Field ? owner.record_c + "." + owner.field : "roots");
}

void callback(JsonWriter &w, const plan::Plan &p, size_t index) {
    const plan::Callback &cb = p.callbacks[index];
    w.key("callback").begin_object();
    w.key("convention").value(cb.convention_name());
    w.key("signature").value(cb.signature);
    std::visit(
        [&](const auto &c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, plan::cb::AddressOnly>) {
                w.key("reason").value(c.reason);
            } else if constexpr (std::is_same_v<T, plan::cb::Closure>) {
                w.key("context_arg").value(static_cast<uint64_t>(c.back_arg));
                w.key("user_param").value(static_cast<uint64_t>(c.user_param));
                if (c.index) w.key("closure_index").value(static_cast<uint64_t>(c.index));
                static const char *const rules[] = {"keep", "call", "replace", "destroy"};
                w.key("release").value(rules[static_cast<int>(c.release)]);
                w.key("release_origin").value(c.release_origin);
                if (c.destroy_notify) w.key("destroy_notify").value(true);
            } else if constexpr (std::is_same_v<T, plan::cb::Pool>) {
                w.key("kept_in").value("pool");
                w.key("pool_size").value(static_cast<uint64_t>(c.size));
            } else if constexpr (std::is_same_v<T, plan::cb::StructArg>) {
                w.key("context_arg").value(static_cast<uint64_t>(c.ctx_arg));
                user_ref(w, c.ctx, "context_struct");
                if (c.pool_size) {
                    w.key("kept_in").value("pool");
                    w.key("pool_size").value(static_cast<uint64_t>(c.pool_size));
                } else {
                    kept_in(w, c.owner);
                }
            } else if constexpr (std::is_same_v<T, plan::cb::OwnUserData>) {
                w.key("context_arg").value(static_cast<uint64_t>(c.ctx_arg));
                user_ref(w, c.owner, "context_struct");
                kept_in(w, c.owner);
            } else {
                if (c.ctx_arg) w.key("context_arg").value(static_cast<uint64_t>(*c.ctx_arg));
                user_ref(w, c.ctx, "context_struct");
                w.key("user_param").value(0);
                w.key("registration_struct").value(c.registration);
                kept_in(w, c.owner);
            }
        },
        cb.convention);
    if (cb.python()) {
        w.key("key").value(cb.key);
        w.key("trampoline").value(p.trampolines[cb.trampoline].symbol);
    }
    if (cb.isr) w.key("isr").value(true);
    if (cb.ends_handles) w.key("ends_handles").value(true);
    w.end_object();
}

const char *kind_name(Decl::Kind k) {
    switch (k) {
    case Decl::Kind::Function: return "function";
    case Decl::Kind::Struct: return "struct";
    case Decl::Kind::Union: return "union";
    case Decl::Kind::Enum: return "enum";
    case Decl::Kind::Typedef: return "typedef";
    case Decl::Kind::Macro: return "macro";
    case Decl::Kind::Variable: return "variable";
    }
    return "?";
}

void macro_value(JsonWriter &w, const plan::MacroValue &v) {
    switch (v.kind) {
    case ir::MacroKind::Int:
        if (v.is_unsigned) w.value(v.u);
        else w.value(v.i);
        break;
    case ir::MacroKind::Float: w.value(v.f); break;
    case ir::MacroKind::String: w.value(v.s); break;
    }
}

void value(JsonWriter &w, const plan::Value &v) {
    switch (v.kind) {
    case plan::Value::Kind::SmallInt:
    case plan::Value::Kind::WideInt:
    case plan::Value::Kind::BigInt:
        if (v.is_unsigned) w.value(v.u);
        else w.value(v.i);
        break;
    case plan::Value::Kind::Float: w.value(v.f); break;
    case plan::Value::Kind::Str: w.value(v.s); break;
    }
}

void declaration(JsonWriter &w, const plan::Plan &p, const Decl &d) {
    bool bound = d.status == ir::Status::Bound;
    w.begin_object();
    w.key("kind").value(kind_name(d.kind));
    w.key("c_name").value(d.c_name);
    if (bound && !d.py_name.empty()) w.key("py_name").value(d.py_name);
    status(w, d.status, d.reason);
    w.key("location").value(loc_text(d.loc));
    switch (d.kind) {
    case Decl::Kind::Function:
        w.key("type").value(d.type);
        if (!bound) break;
        w.key("params").begin_array();
        for (const plan::ReportParam &prm : d.params) {
            w.begin_object();
            w.key("name").value(prm.name);
            w.key("type").value(prm.type);
            if (prm.callback != plan::none) callback(w, p, prm.callback);
            w.end_object();
        }
        w.end_array();
        if (d.is_inline) w.key("inline").value(true);
        break;
    case Decl::Kind::Struct:
    case Decl::Kind::Union:
        if (!bound) break;
        w.key("complete").value(d.complete);
        w.key("fields").begin_array();
        for (const plan::ReportField &f : d.fields) {
            w.begin_object();
            w.key("c_name").value(f.c_name);
            if (!f.anonymous) w.key("py_name").value(f.py_name);
            w.key("type").value(f.type);
            if (f.bits) w.key("bits").value(static_cast<uint64_t>(*f.bits));
            if (f.is_const) w.key("const").value(true);
            if (f.anonymous) w.key("anonymous").value(true);
            status(w, f.status, f.reason);
            if (f.callback != plan::none) callback(w, p, f.callback);
            w.end_object();
        }
        w.end_array();
        break;
    case Decl::Kind::Enum:
        w.key("constants").begin_array();
        for (const plan::ReportConstant &k : d.constants) {
            w.begin_object();
            w.key("c_name").value(k.c_name);
            if (k.is_signed) w.key("value").value(k.value);
            else w.key("value").value(k.uvalue);
            status(w, k.status, k.reason);
            w.end_object();
        }
        w.end_array();
        break;
    case Decl::Kind::Typedef:
    case Decl::Kind::Variable: w.key("type").value(d.type); break;
    case Decl::Kind::Macro:
        if (bound) macro_value(w.key("value"), d.value);
        break;
    }
    w.end_object();
}

void api(JsonWriter &w, const plan::Plan &p) {
    w.key("api").begin_object();
    w.key("functions").begin_array();
    for (const plan::Function &f : p.functions)
        if (f.module_attribute) w.value(f.py_name);
    w.end_array();
    w.key("classes").begin_array();
    for (const plan::ApiClass &c : p.api_classes) {
        w.begin_object();
        w.key("name").value(c.name);
        w.key("c_type").value(c.c_type);
        if (!c.base.empty()) w.key("base").value(c.base);
        if (!c.identity_slot.empty()) {
            w.key("identity").begin_object();
            w.key("slot").value(c.identity_slot);
            // Python's own state on the object, kept in its wrapper (runtime/mpb_object_state.h).
            w.key("instance_attributes").value(true);
            if (!c.user_data_get.empty()) w.key("user_data_get").value(c.user_data_get);
            if (!c.user_data_set.empty()) w.key("user_data_set").value(c.user_data_set);
            if (!c.class_accessor.empty()) w.key("class_accessor").value(c.class_accessor);
            w.key("descriptors").begin_object();
            for (const auto &[cls, desc] : c.descriptors) w.key(cls).value(desc);
            w.end_object();
            w.end_object();
        }
        w.key("attributes").begin_array();
        for (const std::string &a : c.attributes) w.value(a);
        w.end_array();
        if (!c.constructor.empty()) w.key("constructor").value(c.constructor);
        w.key("methods").begin_object();
        for (const auto &[name, fn] : c.methods) w.key(name).value(fn);
        w.end_object();
        if (!c.constant_classes.empty()) {
            w.key("constant_classes").begin_object();
            for (const auto &[name, cls] : c.constant_classes) w.key(name).value(cls);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();
    w.key("aliases").begin_object();
    for (const auto &[alias, cls] : p.aliases) w.key(alias).value(p.classes[cls].name);
    w.end_object();
    w.key("constant_classes").begin_array();
    for (const plan::Group &g : p.groups) {
        w.begin_object();
        w.key("name").value(g.name);
        w.key("members").begin_object();
        for (const plan::Constant &c : g.members) value(w.key(c.name), p.values[c.value]);
        w.end_object();
        w.end_object();
    }
    w.end_array();
    w.key("constants").begin_object();
    for (const plan::Constant &c : p.flat_constants) value(w.key(c.name), p.values[c.value]);
    w.end_object();
    if (p.nesting) w.key("nesting").value("_nesting"); // the depth of running callbacks, `_nesting.value`
    w.end_object();
}

} // namespace

std::string json(const plan::Plan &p) {
    JsonWriter w;
    w.begin_object();
    w.key("module").value(p.module);
    w.key("declarations").begin_array();
    for (const Decl &d : p.decls) declaration(w, p, d);
    w.end_array();
    api(w, p);
    if (p.gc_root.enabled()) {
        w.key("gc_root").begin_object();
        w.key("variable").value(p.gc_root.var);
        w.key("type").value(p.gc_root.type);
        w.key("init").value(p.gc_root.init);
        w.key("deinit").value(p.gc_root.deinit);
        w.end_object();
    }
    w.end_object();
    return w.str();
}

} // namespace mpbind::cli
