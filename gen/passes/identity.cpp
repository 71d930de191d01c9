// Identity pass: the user-data slot each record type's objects keep their Python wrapper in, and the class
// descriptors that tell an object's most specific class.
#include "identity.h"

#include <unordered_set>

#include "pointers.h"

namespace mpbind::passes {

namespace {

// Records whose user data a callback convention reads or stores callables in, and accessors through which one reads
// them: their user data is not free for a wrapper. A registration struct whose callables the plan keeps in the module
// roots (its callback's own struct argument is of another type) is not among them: its user data stays untouched.
struct Taken {
    std::unordered_set<uint32_t> records;
    std::unordered_set<std::string> accessors;

    void note(const std::optional<ir::Callback> &cb) {
        if (!cb || cb->convention == ir::CallbackConvention::None) return;
        if (cb->ctx_record.valid()) records.insert(cb->ctx_record.index); // where the trampoline looks
        if (cb->reg_record.valid() && cb->reg_record == cb->ctx_record) records.insert(cb->reg_record.index);
        if (!cb->accessor.empty()) accessors.insert(cb->accessor);
    }
};

Taken taken_by_callbacks(const ir::Module &m) {
    Taken t;
    for (uint32_t i = 0; i < m.records.size(); ++i)
        for (const ir::Field &f : m.records[i].fields) {
            t.note(f.callback);
            if (f.callback && f.callback->convention != ir::CallbackConvention::None) t.records.insert(i); // the owner
        }
    for (const ir::Function &f : m.functions)
        for (const ir::Param &p : f.params) t.note(p.callback);
    return t;
}

// The bound method `name` of record r, if any.
ir::FunctionId method(const ir::Module &m, const ir::Record &r, const std::string &name) {
    for (ir::FunctionId id : r.methods) {
        const ir::Function &f = m.function(id);
        if (f.info.binding.bound() && f.method_name == name) return id;
    }
    return {};
}

// The extern global named c_name of the bound headers whose type is record d (a class descriptor), "" if none.
std::string descriptor(const ir::Module &m, const std::string &c_name, ir::RecordId d) {
    for (const ir::Variable &v : m.variables) {
        if (v.info.c_name != c_name || !v.is_extern || !v.info.in_bound_header || v.info.unavailable) continue;
        const ir::Type &t = m.canonical(v.type);
        if (t.kind == ir::TypeKind::Record && t.record == d) return c_name;
    }
    return "";
}

// `<prefix>_<w>_create` -> `<prefix>_<w>_class`.
std::string descriptor_name(const ir::Function &ctor) {
    const std::string &n = ctor.info.c_name;
    return n.substr(0, n.size() - std::string("create").size()) + "class";
}

} // namespace

void identity(ir::Module &m) {
    m.require("identity", {ir::Stage::Callbacks});
    Taken taken = taken_by_callbacks(m);
    for (uint32_t i = 0; i < m.records.size(); ++i) {
        ir::Record &r = m.records[i];
        if (!r.info.binding.bound() || r.parent.valid() || taken.records.count(i)) continue;
        // Only objects the library makes (a constructor): a descriptor the caller fills (LVGL's draw descriptors)
        // passes its user data on to C code, which must not find a wrapper there.
        bool made = r.constructor.valid();
        for (const ir::ObjectClass &c : m.object_classes) made = made || c.record == ir::RecordId{i};
        if (!made) continue;
        ir::Record::Identity id;
        ir::FunctionId get = method(m, r, "get_user_data"), set = method(m, r, "set_user_data");
        bool accessors = get.valid() && set.valid() && m.function(get).params.size() == 1 &&
                         is_void_pointer(m, m.function(get).ret) &&
                         !taken.accessors.count(m.function(get).info.c_name) && m.function(set).params.size() == 2 &&
                         is_void_pointer(m, m.function(set).params[1].type);
        if (r.user_field && is_void_pointer(m, r.fields[*r.user_field].type) && r.fields[*r.user_field].binding.bound()) {
            id.field = r.user_field;
        } else if (accessors) {
            id.get = get;
            id.set = set;
        } else {
            continue;
        }
        // The slot is the wrapper's: the library's user-data accessors keep the user's Python object in the wrapper.
        if (accessors) {
            m.function(get).identity_user_data = ir::Function::IdentityUserData::Get;
            m.function(set).identity_user_data = ir::Function::IdentityUserData::Set;
        }
        ir::FunctionId get_class = method(m, r, "get_class");
        ir::RecordId d = get_class.valid() && m.function(get_class).params.size() == 1
                             ? pointee_record(m, m.function(get_class).ret)
                             : ir::RecordId{};
        if (d.valid()) id.get_class = get_class;
        auto named = [&](const ir::Function &ctor) { return d.valid() ? descriptor(m, descriptor_name(ctor), d) : ""; };
        id.classes.push_back({-1, r.constructor.valid() ? named(m.function(r.constructor)) : ""});
        for (size_t k = 0; k < m.object_classes.size(); ++k) {
            const ir::ObjectClass &c = m.object_classes[k];
            if (c.record == ir::RecordId{i} && c.binding.bound())
                id.classes.push_back({static_cast<int32_t>(k), named(m.function(c.constructor))});
        }
        r.identity = std::move(id);
    }
    m.complete(ir::Stage::Identity);
}

} // namespace mpbind::passes
