// report.cpp: the report model of the plan: every declaration of the bound headers with its status, the skips
// (what --strict refuses and the C file lists), and the Python API (--json).
#include "builder.h"

namespace mpbind::plan {

namespace {

bool shown(const ir::DeclInfo &d) { return d.in_bound_header || d.in_excluded_header || d.binding.bound(); }

Decl head(Decl::Kind kind, const std::string &c_name, const ir::DeclInfo &d) {
    Decl out;
    out.kind = kind;
    out.c_name = c_name;
    if (d.binding.bound()) out.py_name = d.py_name;
    out.status = d.binding.status;
    out.reason = d.binding.reason;
    out.loc = d.loc;
    out.in_bound_header = d.in_bound_header;
    out.in_excluded_header = d.in_excluded_header;
    return out;
}

MacroValue macro_value(const ir::Macro &mc) {
    return MacroValue{mc.kind, mc.is_unsigned, mc.int_value, mc.uint_value, mc.float_value, mc.string_value};
}

class Reporter {
public:
    Reporter(Builder &b) : b_(b), m_(b.m), p_(b.p) {}

    void run() {
        p_.decls.reserve(m_.functions.size() + m_.records.size() + m_.enums.size() + m_.typedefs.size() +
                         m_.macros.size() + m_.variables.size());
        functions();
        records();
        enums();
        for (const ir::Typedef &t : m_.typedefs) {
            if (!shown(t.info)) continue;
            Decl d = head(Decl::Kind::Typedef, t.info.c_name, t.info);
            d.type = b_.type_text(t.target);
            add(d, "typedef " + t.info.c_name);
        }
        for (const ir::Macro &mc : m_.macros) {
            if (!shown(mc.info)) continue;
            Decl d = head(Decl::Kind::Macro, mc.info.c_name, mc.info);
            if (mc.info.binding.bound()) d.value = macro_value(mc);
            if (mc.info.binding.bound() && !mc.flat && mc.group.valid()) // reachable through its class only
                d.py_name = m_.group(mc.group).py_name + "." + mc.member_name;
            add(d, "macro " + mc.info.c_name);
        }
        for (const ir::Variable &v : m_.variables) {
            if (!shown(v.info)) continue;
            Decl d = head(Decl::Kind::Variable, v.info.c_name, v.info);
            d.type = b_.type_text(v.type);
            add(d, "variable " + v.info.c_name);
        }
        for (const ir::Group &g : m_.groups)
            if (g.binding.status == ir::Status::Skipped) p_.skipped.push_back({"constant class " + g.py_name, g.binding.reason, {}});
        for (const Callback &cb : p_.callbacks)
            if (const auto *a = std::get_if<cb::AddressOnly>(&cb.convention)) {
                if (a->on_closure)
                    ++p_.closure_targets;
                else
                    p_.address_only.push_back({"callback " + cb.where, a->reason, cb.loc});
            }
        api();
    }

private:
    // Adds a declaration; a Skipped one is also a skip, an Excluded one of the bound headers is counted.
    void add(Decl &d, const std::string &what) {
        if (d.status == ir::Status::Skipped) p_.skipped.push_back({what, d.reason, d.loc});
        if (d.status == ir::Status::Excluded && (d.in_bound_header || d.in_excluded_header) &&
            (d.kind == Decl::Kind::Function || d.kind == Decl::Kind::Macro)) {
            ++p_.excluded;
            if (d.in_excluded_header) ++p_.excluded_by_header;
        }
        p_.decls.push_back(std::move(d));
    }

    void functions() {
        size_t next = 0; // plan functions follow the IR's order
        for (const ir::Function &f : m_.functions) {
            if (!shown(f.info)) continue;
            Decl d = head(Decl::Kind::Function, f.info.c_name, f.info);
            d.type = b_.type_text(f.type);
            if (f.info.binding.bound()) {
                const Function &pf = p_.functions.at(next++);
                for (size_t i = 0; i < f.params.size(); ++i)
                    d.params.push_back({f.params[i].py_name, b_.type_text(f.params[i].type), pf.params[i].callback});
                d.is_inline = f.is_inline;
                d.is_method = f.method_of.valid();
            }
            add(d, "function " + f.info.c_name);
        }
    }

    void records() {
        for (size_t k = 0; k < m_.records.size(); ++k) {
            const ir::Record &r = m_.records[k];
            if (!shown(r.info)) continue;
            // Nested anonymous records are no declaration of their own, but their fields' skips count.
            Decl d = head(r.is_union ? Decl::Kind::Union : Decl::Kind::Struct, record_label(r), r.info);
            if (r.info.binding.bound()) {
                d.complete = r.complete;
                for (size_t i = 0; i < r.fields.size(); ++i) {
                    const ir::Field &fl = r.fields[i];
                    ReportField rf{fl.c_name, fl.anonymous ? "" : fl.py_name, b_.type_text(fl.type), fl.bit_width,
                                   fl.is_const, fl.anonymous, fl.binding.status, fl.binding.reason, none};
                    auto cb = b_.field_callbacks.find({static_cast<uint32_t>(k), i});
                    if (cb != b_.field_callbacks.end()) rf.callback = cb->second;
                    if (fl.binding.status == ir::Status::Skipped)
                        p_.skipped.push_back({"field " + record_label(r) + "." + fl.c_name, fl.binding.reason, r.info.loc});
                    d.fields.push_back(std::move(rf));
                }
            }
            if (r.parent.valid()) continue;
            add(d, record_label(r));
        }
    }

    void enums() {
        for (const ir::Enum &e : m_.enums) {
            if (!shown(e.info)) continue;
            Decl d = head(Decl::Kind::Enum, e.info.c_name.empty() ? e.c_spelling : e.info.c_name, e.info);
            for (const ir::EnumConstant &k : e.constants) {
                d.constants.push_back({k.c_name, e.is_signed, k.value, k.uvalue, k.binding.status, k.binding.reason});
                if (k.binding.status == ir::Status::Skipped)
                    p_.skipped.push_back({"enum constant " + k.c_name, k.binding.reason, e.info.loc});
            }
            d.status = e.info.binding.status; // the enum itself is never a skip: its constants are
            p_.decls.push_back(std::move(d));
        }
    }

    void api() {
        for (const Class &c : p_.classes) {
            if (!c.module_attribute) continue;
            ApiClass a;
            a.name = c.name;
            a.c_type = c.c_spelling;
            for (const Class &base : p_.classes)
                if (base.symbol == c.parent) a.base = base.name;
            for (const Identity &id : p_.identities) {
                if (id.symbol != c.identity) continue;
                a.identity_slot = id.field.empty() ? id.get + " and " + id.set : "field " + id.field;
                a.class_accessor = id.get_class;
                for (const auto &[cls, desc] : id.classes)
                    for (const Class &k : p_.classes)
                        if (k.symbol == cls && !desc.empty()) a.descriptors.push_back({k.name, desc});
            }
            if (!a.identity_slot.empty())
                for (const Function &f : p_.functions) {
                    auto kind = p_.wrappers[f.wrapper].identity_user_data;
                    if (f.method_of != c.symbol || kind == ir::Function::IdentityUserData::None) continue;
                    (kind == ir::Function::IdentityUserData::Get ? a.user_data_get : a.user_data_set) = f.c_name;
                }
            for (const FieldRow &row : c.rows) a.attributes.push_back(row.py_name);
            for (const Function &f : p_.functions) {
                if (f.method_of != c.symbol) continue;
                if (f.is_constructor) a.constructor = f.py_name;
                else a.methods.push_back({f.method_name, f.py_name});
            }
            for (const Group &g : p_.groups)
                if (g.owner == c.symbol) a.constant_classes.push_back({g.owner_name, g.name});
            p_.api_classes.push_back(std::move(a));
        }
    }

    Builder &b_;
    const ir::Module &m_;
    Plan &p_;
};

} // namespace

void Builder::report() { Reporter(*this).run(); }

} // namespace mpbind::plan
