// functions.cpp: one function object per bound function; one wrapper per ABI signature and callback plumbing.
#include <algorithm>
#include <map>
#include <stdexcept>

#include "builder.h"
#include "ctype.h"

namespace mpbind::plan {

namespace {

std::string prototype(const ir::Module &m, const ir::Function &f) {
    std::string ps;
    for (size_t i = 0; i < f.params.size(); ++i) ps += (i ? ", " : "") + c_decl(m, f.params[i].type, f.params[i].c_name);
    return c_decl(m, f.ret, f.info.c_name + "(" + (ps.empty() ? "void" : ps) + ")");
}

Param value(const Builder &b, ir::TypeId t, const std::string &py_name, const std::string &c_name) {
    Param p;
    p.py_name = py_name;
    p.c_name = c_name;
    p.type = t;
    p.conv = classify(b.m, t);
    p.abi_type = abi_type(b.m, t);
    if (p.conv.record.valid()) p.cls = b.class_symbol(p.conv.record);
    if (p.conv.code == Code::FUNPTR && p.conv.count == 0) p.fn_sig = pointee_signature(b.m, t);
    return p;
}

// The class a struct-pointer value must have (the function object's `types`), "" for other values.
std::string pointed_class(const Param &p) { return p.conv.code == Code::STRUCT_PTR ? p.cls : ""; }

// The object a registration is made on (sqlite3_update_hook's db): the first pointer parameter that is neither a
// callback of the group nor its user data. Closures are kept per (registration slot, instance).
std::optional<size_t> instance_param(const std::vector<Param> &params, const ClosureGroup &g) {
    for (size_t i = 0; i < params.size(); ++i) {
        if (i == g.user_param || std::find(g.callback_params.begin(), g.callback_params.end(), i) != g.callback_params.end())
            continue;
        if (params[i].conv.code == Code::PTR || params[i].conv.code == Code::STRUCT_PTR) return i;
    }
    return std::nullopt;
}

// What distinguishes wrappers beyond the ABI signature: the elements of untyped array parameters (struct pointers
// find theirs in the function object, like their class), and how each Python-callable parameter is passed.
std::string plumbing_key(const Plan &p, const std::vector<Param> &params) {
    std::string k;
    for (size_t i = 0; i < params.size(); ++i)
        if (params[i].array.code != Code::VOID && params[i].conv.code != Code::STRUCT_PTR)
            k += "|a" + std::to_string(i) + ":" + info(params[i].array.code).abi;
    for (size_t i = 0; i < params.size(); ++i) {
        if (params[i].callback == none || !p.callbacks[params[i].callback].python()) continue;
        const Callback &cb = p.callbacks[params[i].callback];
        k += "|" + std::to_string(i) + ":" + p.trampolines[cb.trampoline].symbol;
        if (const auto *c = std::get_if<cb::Closure>(&cb.convention))
            k += ":" + std::to_string(c->user_param) + ":" + std::to_string(static_cast<int>(c->release));
    }
    return k;
}

std::vector<ClosureGroup> closure_groups(const Plan &p, const std::vector<Param> &params) {
    std::map<size_t, ClosureGroup> groups;
    for (size_t i = 0; i < params.size(); ++i) {
        if (params[i].callback == none) continue;
        if (const auto *c = std::get_if<cb::Closure>(&p.callbacks[params[i].callback].convention)) {
            ClosureGroup &g = groups[c->user_param];
            g.user_param = c->user_param;
            g.release = c->release;
            g.records_handle = c->release != ir::Release::Call && c->records_handle;
            if (c->destroy_notify) g.destroy_param = i;
            g.callback_params.push_back(i);
        }
    }
    std::vector<ClosureGroup> out;
    for (auto &[user, g] : groups) {
        g.instance_param = instance_param(params, g);
        out.push_back(std::move(g));
    }
    return out;
}

// A registration's handles, then the closures this function releases as a removal or deletion function.
std::vector<PostCall> post_calls(const Builder &b, const ir::Function &f, const std::vector<ClosureGroup> &groups) {
    std::vector<PostCall> out;
    for (const ClosureGroup &g : groups)
        if (g.records_handle) out.push_back(PostCall{PostCall::Kind::RecordHandle, g.user_param, "", 0, std::nullopt});
    for (const ir::Function::ReleaseTrigger &t : f.release_triggers) {
        std::string slot = "(const char *)&" + b.object_symbol(t.registration) + " + " + std::to_string(t.user_param);
        bool by_handle = t.handle_param >= 0;
        PostCall c{by_handle ? PostCall::Kind::ReleaseHandle : PostCall::Kind::ReleaseObject, 0, slot,
                   static_cast<size_t>(by_handle ? t.handle_param : 0), std::nullopt};
        // remove(obj, handle): handles may be numbered per object, so the object must match too.
        if (by_handle && t.handle_param > 0 && b.m.canonical(f.params[0].type).kind == ir::TypeKind::Pointer)
            c.object_param = 0;
        out.push_back(std::move(c));
    }
    return out;
}

std::string post_key(const std::vector<PostCall> &post) {
    std::string k;
    for (const PostCall &c : post)
        k += "|post" + std::to_string(static_cast<int>(c.kind)) + ":" + std::to_string(c.user_param) + ":" + c.slot + ":" +
             std::to_string(c.param) + (c.object_param ? "o" : "");
    return k;
}

// Gives each function its shape (one per wrapper), its place in the module's classes and its parameter names' in the
// strings, sharing classes and strings between functions that have the same. The string pool holds the signatures
// first (their offsets stay small), then the parameter-name lists.
class SharedShapes {
public:
    explicit SharedShapes(Plan &p) : p_(p) {}

    void place(Function &f) {
        // A table is read only at struct-pointer positions: it ends at its last class, so tables that differ only in
        // trailing non-struct positions are one.
        std::vector<std::string> classes = f.types;
        while (!classes.empty() && classes.back().empty()) classes.pop_back();
        f.classes_offset = none;
        if (!classes.empty()) {
            auto [it, fresh] = classes_.try_emplace(classes, 0);
            if (fresh) {
                it->second = place_classes(classes);
                check_offset(it->second, "struct classes of its functions' arguments", f);
            }
            f.classes_offset = it->second;
        }
        auto [it, fresh] = shapes_.try_emplace(f.wrapper, p_.shapes.size());
        if (fresh) {
            size_t sig = intern(sigs_, sig_offsets_, f.abi_sig);
            check_offset(sig, "C signatures", f);
            check_offset(p_.shapes.size(), "function shapes", f);
            p_.shapes.push_back({f.wrapper, sig, f.params.size()});
        }
        f.shape = it->second;
        f.params_offset = intern(names_, name_offsets_, f.param_names);
    }

    // The pool: names follow the signatures; a list whose offset would not fit gets no_params.
    void finish() {
        for (Function &f : p_.functions) {
            size_t at = sigs_.size() + f.params_offset;
            f.params_offset = at <= max_string_offset ? at : no_params;
        }
        p_.strings = sigs_ + names_;
        p_.param_names_at = sigs_.size();
    }

private:
    static size_t intern(std::string &pool, std::map<std::string, size_t> &offsets, const std::string &s) {
        auto [it, fresh] = offsets.try_emplace(s, pool.size());
        if (fresh) pool += s + '\0';
        return it->second;
    }

    // The offset of a table in the module's classes: the first place where it agrees with what is there (a position
    // without a class is never read, so it agrees with anything, on either side), extending the pool at its end
    // where the table runs past it.
    size_t place_classes(const std::vector<std::string> &t) {
        std::vector<std::string> &pool = p_.class_pool;
        auto agrees = [&](size_t at) {
            for (size_t k = 0; k < t.size() && at + k < pool.size(); ++k)
                if (!t[k].empty() && !pool[at + k].empty() && t[k] != pool[at + k]) return false;
            return true;
        };
        size_t at = 0;
        while (!agrees(at)) ++at;
        for (size_t k = 0; k < t.size(); ++k) {
            if (at + k == pool.size()) pool.emplace_back();
            if (!t[k].empty()) pool[at + k] = t[k];
        }
        return at;
    }

    // The runtime holds these offsets and indexes in 16 bits.
    static void check_offset(size_t at, const char *what, const Function &f) {
        if (at > max_string_offset)
            throw std::runtime_error(std::string("plan: the module's ") + what + " take more than the runtime's 16-bit "
                                     "offsets reach (" + f.c_name + "); split the module");
    }

    Plan &p_;
    std::map<std::vector<std::string>, size_t> classes_; // a table -> its offset in the pool
    std::map<size_t, size_t> shapes_;                    // a wrapper -> its shape
    std::string sigs_, names_;
    std::map<std::string, size_t> sig_offsets_, name_offsets_;
};

} // namespace

void Builder::functions() {
    std::map<std::string, size_t> wrappers; // ABI signature and plumbing -> index into p.wrappers
    SharedShapes shapes(p);
    p.functions.reserve(m.functions.size()); // thousands on LVGL: no reallocation moves
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &f = m.functions[k];
        if (!f.info.binding.bound()) continue;
        Function out;
        out.id = ir::FunctionId(k);
        out.c_name = f.info.c_name;
        out.py_name = f.info.py_name;
        out.prototype = prototype(m, f);
        out.object = object_symbol(out.id);
        out.doc = f.info.doc;
        size_t first_tramp = p.trampolines.size();
        std::vector<ir::TypeId> types;
        for (size_t i = 0; i < f.params.size(); ++i) {
            const ir::Param &ip = f.params[i];
            Param param = value(*this, ip.type, ip.py_name, ip.c_name);
            param.array = array_element(m, ip.type);
            if (ip.callback) param.callback = param_callback(f, i);
            out.param_names += (i ? "," : "") + ip.py_name;
            out.params.push_back(std::move(param));
            types.push_back(ip.type);
        }
        out.ret = value(*this, f.ret, "", "");
        out.abi_sig = abi_signature(m, f.ret, types);
        for (const Param &q : out.params) out.types.push_back(pointed_class(q));
        out.types.push_back(pointed_class(out.ret));
        out.method_of = owner_symbol(f);
        if (!out.method_of.empty()) {
            out.method_name = f.method_name;
            out.is_constructor = f.is_constructor;
        }
        out.module_attribute = f.flat || out.method_of.empty(); // a method whose class is not bound stays a function
        // A method's object is named as the method (one qstr for every set_x), a constructor's as its class.
        out.name = out.module_attribute ? out.py_name
                   : !out.is_constructor ? out.method_name
                   : f.object_class >= 0 ? m.object_classes[f.object_class].py_name
                                         : m.record(f.method_of).info.py_name;
        std::vector<ClosureGroup> groups = closure_groups(p, out.params);
        std::vector<PostCall> post = post_calls(*this, f, groups);
        static const char *const identity_keys[] = {"", "|identity get", "|identity set"};
        auto [it, fresh] = wrappers.try_emplace(out.abi_sig + plumbing_key(p, out.params) + post_key(post) +
                                                    (f.user_data_accessor ? "|user data" : "") +
                                                    identity_keys[static_cast<int>(f.identity_user_data)] +
                                                    (f.closure_target ? "|closures of " + f.info.c_name : ""),
                                                p.wrappers.size());
        out.wrapper = it->second;
        out.defines_wrapper = fresh;
        if (fresh) {
            Wrapper w;
            w.symbol = function_base[k];
            w.c_type = function_base[k] + "_ft";
            w.abi_sig = out.abi_sig;
            w.params = out.params;
            w.ret = out.ret;
            w.closures = std::move(groups);
            w.post = std::move(post);
            w.returns_user_data = f.user_data_accessor;
            w.identity_user_data = f.identity_user_data;
            for (size_t t = first_tramp; t < p.trampolines.size(); ++t) w.trampolines.push_back(t);
            p.wrappers.push_back(std::move(w));
        } else if (first_tramp != p.trampolines.size()) {
            throw std::logic_error("plan: " + f.info.c_name + " reuses a wrapper but needs new trampolines");
        }
        shapes.place(out);
        p.functions.push_back(std::move(out));
    }
    shapes.finish();
    closure_targets();
}

// Once every registration has its trampolines: what the functions acting on their closures need.
void Builder::closure_targets() {
    for (const Function &fn : p.functions) {
        const ir::Function &f = m.function(fn.id);
        if (!f.closure_target) continue;
        const ir::Function::ClosureTarget &t = *f.closure_target;
        const Function *reg = nullptr;
        for (const Function &g : p.functions)
            if (g.id == t.registration) reg = &g;
        if (reg == nullptr) throw std::logic_error("plan: " + f.info.c_name + " acts on an unplanned registration");
        const Trampoline &tr = p.trampolines[p.callbacks[reg->params[t.reg_param].callback].trampoline];
        Wrapper::ClosureTarget c;
        c.remove = t.kind == ir::Function::ClosureTarget::Kind::Remove;
        c.key = "(const char *)&" + reg->object + " + " + std::to_string(t.reg_user_param);
        c.index = t.index;
        c.trampoline = tr.symbol;
        std::string args;
        for (size_t i = 0; i < tr.args.size(); ++i) args += (i ? ", " : "") + tr.args[i].c_type;
        c.trampoline_decl = "static " + tr.ret.c_type + " " + tr.symbol + "(" + (args.empty() ? "void" : args) + ");";
        c.accessor = t.accessor;
        c.registration = reg->c_name;
        c.with_user_data = t.with_user_data;
        if (c.remove) {
            const ir::Function &one = m.function(t.remove_one);
            c.remove_one = object_symbol(t.remove_one);
            c.remove_ret = abi_type(m, one.ret);
            for (const ir::Param &q : one.params) c.remove_params.push_back(abi_type(m, q.type));
        }
        p.wrappers[fn.wrapper].closure_target = std::move(c);
    }
}

} // namespace mpbind::plan
