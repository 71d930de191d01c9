// Callbacks pass: finds the user-data convention of every function-pointer field and parameter, and keeps only
// those a trampoline can carry out.
#include "callbacks.h"

#include <cctype>
#include <initializer_list>
#include <map>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "options.h"
#include "pointers.h"
#include "regex.h"
#include "support.h"

namespace mpbind::passes {

namespace {

const char *const default_user_field = "user_data";

// Whether name contains one of the words, ignoring ASCII case: what a case-insensitive regex alternation of plain
// words finds, without std::regex's per-character locale look-ups (tens of thousands of instructions a name).
bool names_any(const std::string &name, std::initializer_list<std::string_view> words) {
    std::string lower(name);
    for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view w : words)
        if (lower.find(w) != std::string::npos) return true;
    return false;
}

// The canonical Function type a slot of type t points to (none if t is not a function pointer).
ir::TypeId function_pointee(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    if (c.kind != ir::TypeKind::Pointer) return {};
    ir::TypeId inner = m.canonical_id(c.inner);
    return m.type(inner).kind == ir::TypeKind::Function ? inner : ir::TypeId{};
}

// A bound `void *..._get_user_data(...)`: it reads back user data a registration stored.
bool is_user_data_accessor(const ir::Module &m, const ir::Function &f) {
    static const std::string suffix = "get_user_data";
    const std::string &n = f.info.c_name;
    return f.info.binding.bound() && is_void_pointer(m, f.ret) && n.size() >= suffix.size() &&
           n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Why no trampoline can call a Python callable for callback type fn (nullopt: one can): its values must convert,
// a struct by value only as an argument (a trampoline cannot return one from a Python result).
std::optional<std::string> no_trampoline(const ir::Module &m, ir::TypeId fn) {
    const ir::Type &t = m.type(fn);
    if (t.variadic) return "no trampoline for a variadic callback type";
    if (t.no_prototype) return "no trampoline for a callback type without prototype";
    if (m.canonical(t.ret).kind == ir::TypeKind::Record) return "no trampoline for a callback returning a struct by value";
    std::optional<std::string> why = unsupported(m, t.ret, Use::Return, "the callback's result");
    for (size_t i = 0; !why && i < t.params.size(); ++i)
        why = unsupported(m, t.params[i], Use::Param, "the callback's argument " + std::to_string(i + 1));
    if (why) return "no trampoline: " + *why;
    return std::nullopt;
}

// A callback slot (mpb_cbslot_t) holds user-field offsets in 16 signed bits.
constexpr uint64_t max_user_offset = INT16_MAX;

class Finder {
public:
    Finder(const ir::Module &m, const CallbackOptions &opt) : m_(m), opt_(opt) {
        if (!opt.isr.empty()) isr_.emplace(compile_regex(opt.isr, "--isr"));
        // User-data accessors of one struct, `void *<name>get_user_data(T *)`: the first one per struct.
        for (const ir::Function &f : m.functions) {
            if (!is_user_data_accessor(m, f) || f.params.size() != 1) continue;
            ir::RecordId r = pointee_record(m, f.params[0].type);
            if (r.valid()) accessors_.try_emplace(r.index, f.info.c_name);
        }
        for (const auto &[type, field] : opt.user_fields) check_user_field(type, field);
    }

    // --isr must name some slot: a pattern that matches none is a typo.
    void check_isr_used() const {
        if (isr_ && !isr_used_)
            throw OptionError("--isr '" + opt_.isr + "' matches no callback slot (<struct>.<field> or "
                              "<function>.<parameter>)");
    }

    // Where a slot's user field lies, if it is further than a callback slot reaches: the reason, else nullopt.
    std::optional<std::string> user_field_too_far(ir::RecordId r) const {
        if (!r.valid()) return std::nullopt;
        const ir::Record &rec = m_.record(r);
        for (const ir::Field &f : rec.fields)
            if (f.c_name == user_field(r) && f.offset_bits / 8 > max_user_offset)
                return "user field '" + f.c_name + "' of " + rec.c_spelling + " lies at byte " +
                       std::to_string(f.offset_bits / 8) + " (a callback slot reaches 32767)";
        return std::nullopt;
    }

    // The user field of record r: configured by --user-field, else "user_data"; "" when r has none.
    std::string user_field(ir::RecordId r) const {
        const ir::Record &rec = m_.record(r);
        std::string want = default_user_field;
        for (const auto &[type, field] : opt_.user_fields)
            if (type == rec.info.c_name || type == rec.c_spelling || type == rec.info.py_name) want = field;
        for (const ir::Field &f : rec.fields)
            if (f.c_name == want && m_.canonical(f.type).kind == ir::TypeKind::Pointer) return want;
        return "";
    }

    // First callback parameter pointing to a struct with a user field: (index, record, field).
    bool struct_arg(ir::TypeId fn, ir::Callback &cb) const {
        const ir::Type &ft = m_.type(fn);
        for (size_t i = 0; i < ft.params.size(); ++i) {
            ir::RecordId r = pointee_record(m_, ft.params[i]);
            if (!r.valid()) continue;
            std::string u = user_field(r);
            if (u.empty()) continue;
            cb.ctx_arg = static_cast<int>(i);
            cb.ctx_record = r;
            cb.user_field = u;
            return true;
        }
        return false;
    }

    // The callback parameter receiving the user data: the last non-const `void *`, else the last `const void *`
    // (qsort_r's compar(a, b, arg)); with `first`, the first of each kind instead (zlib's zfree(opaque, address),
    // where a struct's own user field comes first).
    int void_arg(ir::TypeId fn, bool first = false) const {
        const ir::Type &ft = m_.type(fn);
        int any = -1, mutable_ = -1;
        for (size_t i = 0; i < ft.params.size(); ++i) {
            if (!is_void_pointer(m_, ft.params[i])) continue;
            int k = static_cast<int>(i);
            if (!first || any < 0) any = k;
            if (!m_.type(m_.canonical(ft.params[i]).inner).is_const && (!first || mutable_ < 0)) mutable_ = k;
        }
        return mutable_ >= 0 ? mutable_ : any;
    }

    // The first callback parameter pointing to a struct (opaque ones too) whose user data a bound function
    // `..._get_user_data(T *)` returns as a void *: the registration's user data comes back through it.
    bool accessor_arg(ir::TypeId fn, ir::Callback &cb) const {
        const ir::Type &ft = m_.type(fn);
        for (size_t i = 0; i < ft.params.size(); ++i) {
            ir::RecordId r = pointee_record(m_, ft.params[i]);
            auto it = r.valid() ? accessors_.find(r.index) : accessors_.end();
            if (it == accessors_.end()) continue;
            cb.ctx_arg = static_cast<int>(i);
            cb.accessor = it->second;
            return true;
        }
        return false;
    }

    // A slot named for ending something (LVGL's lv_fs_drv_t close_cb and dir_close_cb, a `free` hook).
    static bool ends_handles(const std::string &slot) {
        return names_any(slot, {"close", "free", "destroy", "release", "dispose", "delete", "deinit", "unref", "finalis",
                                "finaliz"});
    }

    bool isr(const std::string &slot) {
        bool hit = isr_ && std::regex_search(slot, *isr_);
        isr_used_ = isr_used_ || hit;
        return hit;
    }

    // The record's C type name, which the original binding's user-data keys use (`lv_disp_drv_t_flush_cb`, C helpers
    // look them up by that name): the typedef its class is named after (naming marks it merged), else its tag.
    std::string c_type_name(const ir::Record &r) const {
        const uint32_t index = static_cast<uint32_t>(&r - m_.records.data());
        for (const ir::Typedef &t : m_.typedefs) {
            const ir::Type &target = m_.type(t.target);
            if (t.merged && target.kind == ir::TypeKind::Record && target.record.index == index) return t.info.c_name;
        }
        return r.info.c_name.empty() ? r.c_spelling : r.info.c_name;
    }

    ir::Callback field(const ir::Record &owner, const ir::Field &f, ir::TypeId fn) {
        ir::Callback cb;
        cb.fn_type = fn;
        cb.ends_handles = ends_handles(f.c_name);
        cb.dict_key = c_type_name(owner) + "_" + f.c_name;
        cb.isr = isr(owner.info.py_name + "." + f.c_name);
        // zlib's shape: the struct's own user field (e.g. `opaque`) is handed to the callback as a void *. It wins
        // over a struct argument of another type (LVGL's lv_layout_dsc_t.cb(obj, user_data)): the callback is
        // handed what the owner holds, where the other struct's user field belongs to that struct's own users.
        ir::RecordId self{static_cast<uint32_t>(&owner - m_.records.data())};
        std::string own = user_field(self);
        int back = void_arg(fn, true);
        bool own_back = !own.empty() && back >= 0;
        if (struct_arg(fn, cb) && (!own_back || cb.ctx_record == self)) {
            cb.convention = ir::CallbackConvention::StructField;
            return cb;
        }
        cb.ctx_arg = -1;
        cb.ctx_record = {};
        cb.user_field.clear();
        if (own_back) {
            cb.convention = ir::CallbackConvention::VoidPtrArg;
            cb.ctx_arg = back;
            cb.ctx_record = self;
            cb.user_field = own;
            return cb;
        }
        cb.skip_reason = "no user_data convention: no argument of callback field '" + f.c_name +
                         "' points to a struct with a user field, and " +
                         (own.empty() ? "the struct has no user field" : "the callback takes no void *");
        return cb;
    }

    ir::Callback param(const ir::Function &f, size_t pi, ir::TypeId fn) {
        ir::Callback cb;
        cb.fn_type = fn;
        const ir::Param &p = f.params[pi];
        cb.ends_handles = ends_handles(p.c_name);
        cb.dict_key = f.info.c_name + "_" + (p.c_name.empty() ? "arg" + std::to_string(pi) : p.c_name);
        cb.isr = isr(f.info.c_name + "." + p.c_name);
        int user = registration_user_param(f, pi);
        int back = void_arg(fn);
        if (user >= 0 && back >= 0) {
            cb.convention = ir::CallbackConvention::VoidPtrArg;
            cb.reg_user_param = user;
            cb.ctx_arg = back;
            return cb;
        }
        if (user >= 0 && accessor_arg(fn, cb)) { // LVGL v9: lv_event_get_user_data(e), lv_timer_get_user_data(t)
            cb.convention = ir::CallbackConvention::VoidPtrArg;
            cb.reg_user_param = user;
            return cb;
        }
        ir::RecordId first = f.params.empty() ? ir::RecordId{} : pointee_record(m_, f.params[0].type);
        if (first.valid() && !user_field(first).empty()) {
            cb.convention = ir::CallbackConvention::StructFirstArg;
            cb.reg_user_param = 0;
            cb.reg_record = first;
            struct_arg(fn, cb); // the callback's own struct argument with a user field, if any
            return cb;
        }
        cb.skip_reason = "no user_data convention: " + f.info.c_name + " has no void * user-data parameter handed "
                         "back to callback '" + p.c_name + "', and its first parameter is no struct with user_data";
        return cb;
    }

private:
    // --user-field TYPE=FIELD must name a struct of the bound headers and one of its pointer fields.
    void check_user_field(const std::string &type, const std::string &field) const {
        bool found = false;
        for (const ir::Record &r : m_.records) {
            if (!r.info.in_bound_header || (type != r.info.c_name && type != r.c_spelling && type != r.info.py_name))
                continue;
            found = true;
            for (const ir::Field &f : r.fields)
                if (f.c_name == field && m_.canonical(f.type).kind == ir::TypeKind::Pointer) return;
        }
        throw OptionError("--user-field '" + type + "=" + field + "': " +
                          (found ? "'" + type + "' has no pointer field '" + field + "'"
                                 : "no struct or union '" + type + "' in the bound headers"));
    }

    // The void * user-data parameter of a registration function: the only one, else the one right after the
    // callback, else one named like user data.
    int registration_user_param(const ir::Function &f, size_t callback) const {
        std::vector<int> candidates;
        for (size_t i = 0; i < f.params.size(); ++i)
            if (i != callback && is_void_pointer(m_, f.params[i].type)) candidates.push_back(static_cast<int>(i));
        if (candidates.size() == 1) return candidates[0];
        for (int i : candidates)
            if (i == static_cast<int>(callback) + 1) return i;
        for (int i : candidates)
            if (names_any(f.params[static_cast<size_t>(i)].c_name,
                          {"user", "data", "arg", "ctx", "context", "closure", "cookie", "opaque", "priv"}))
                return i;
        return -1;
    }

    const ir::Module &m_;
    const CallbackOptions &opt_;
    std::optional<std::regex> isr_;
    bool isr_used_ = false;
    std::map<uint32_t, std::string> accessors_; // record index -> its user-data accessor
};

// A convention the pass found but no trampoline can carry out becomes C-address-only, with the reason.
void keep_if_possible(const ir::Module &m, const Finder &find, ir::Callback &cb, ir::RecordId owner) {
    if (cb.convention == ir::CallbackConvention::None) return;
    std::optional<std::string> why = no_trampoline(m, cb.fn_type);
    if (!why) why = find.user_field_too_far(cb.ctx_record);
    if (!why) why = find.user_field_too_far(owner);
    if (!why) return;
    cb.convention = ir::CallbackConvention::None;
    cb.skip_reason = *why;
}

// A destroy-notify parameter: `void (*)(void *)` handed the user data, named like one (sqlite3's xDestroy, cairo's
// cairo_destroy_func_t destroy, GLib's GDestroyNotify notify). The shape alone would also match a one-shot or
// periodic `void (*fn)(void *arg)`, which must not release its closure after the first call.
bool destroy_shape(const ir::Module &m, const ir::Param &p) {
    const ir::Callback &cb = *p.callback;
    const ir::Type &fn = m.canonical(cb.fn_type);
    return cb.convention == ir::CallbackConvention::VoidPtrArg && fn.params.size() == 1 && cb.ctx_arg == 0 &&
           m.canonical(fn.ret).kind == ir::TypeKind::Void;
}

bool looks_like_destroy(const ir::Module &m, const ir::Param &p) {
    if (!destroy_shape(m, p)) return false;
    auto named = [](const std::string &s) {
        return names_any(s, {"destroy", "destruct", "free", "release", "dtor", "cleanup", "finalis", "finaliz", "dispose",
                             "notify", "unref"});
    };
    return named(p.c_name) || named(m.type(p.type).spelling);
}

bool is_handle_type(const ir::Module &m, ir::TypeId t) {
    ir::TypeKind k = m.canonical(t).kind;
    return k == ir::TypeKind::Pointer || k == ir::TypeKind::Int || k == ir::TypeKind::Enum;
}

// What --release says about one registration function: a base rule (call, replace, keep, destroy:PARAM) and the
// functions that release its closures (remove:FUNC by the handle it returned, delete:FUNC by the object).
struct ReleaseOptions {
    std::optional<std::string> base;
    std::vector<std::pair<std::string, std::string>> triggers; // ("remove" | "delete", function)
    std::string text;                                         // the options, for messages
};

ReleaseOptions release_options(const std::string &fn, const CallbackOptions &opt, std::vector<bool> &used) {
    ReleaseOptions r;
    for (size_t k = 0; k < opt.releases.size(); ++k) {
        if (opt.releases[k].first != fn) continue;
        used[k] = true;
        const std::string &rule = opt.releases[k].second;
        r.text += (r.text.empty() ? "" : ", ") + std::string("--release ") + fn + "=" + rule;
        size_t colon = rule.find(':');
        std::string kind = rule.substr(0, colon);
        if (kind == "remove" || kind == "delete") r.triggers.emplace_back(kind, rule.substr(colon + 1));
        else r.base = rule;
    }
    return r;
}

// The function named by a remove:/delete: trigger, checked: bound, and taking what it needs (the handle the
// registration returns, or the object first).
ir::Function &trigger_function(ir::Module &m, const ir::Function &reg, const std::string &kind, const std::string &name,
    const std::string &text) {
    for (ir::Function &g : m.functions) {
        if (g.info.c_name != name || !g.info.binding.bound()) continue;
        if (kind == "delete" && !g.params.empty() && m.canonical(g.params[0].type).kind == ir::TypeKind::Pointer) return g;
        if (kind == "remove" && is_handle_type(m, reg.ret)) return g;
        throw OptionError(text + ": " + name + (kind == "delete" ? " takes no object pointer first"
                                                                 : " cannot release by handle: " + reg.info.c_name +
                                                                       " returns no pointer or integer"));
    }
    throw OptionError(text + ": no bound function " + name);
}

// The argument of a removal function that is the handle: the one of the registration's result type (after the
// object, when there are several), else its last.
int handle_param(const ir::Module &m, const ir::Function &reg, const ir::Function &remove) {
    ir::TypeId want = m.canonical_id(reg.ret);
    for (size_t i = remove.params.size() > 1 ? 1 : 0; i < remove.params.size(); ++i)
        if (m.canonical_id(remove.params[i].type) == want) return static_cast<int>(i);
    return static_cast<int>(remove.params.size()) - 1;
}

// The release rule of each user-data closure of f: --release FUNCTION=RULE, else a destroy-notify parameter sharing
// the user data, else Keep (nothing in a header says how long C holds a callback). Removal and deletion functions
// named by --release learn which closures they release.
void decide_releases(ir::Module &m, size_t fi, const CallbackOptions &opt, std::vector<bool> &used) {
    ir::Function &f = m.functions[fi];
    ReleaseOptions ro = release_options(f.info.c_name, opt, used);
    const std::optional<std::string> &rule = ro.base;
    std::map<int, std::vector<ir::Param *>> groups; // by user-data parameter
    for (ir::Param &p : f.params)
        if (p.callback && p.callback->convention == ir::CallbackConvention::VoidPtrArg)
            groups[p.callback->reg_user_param].push_back(&p);
    if (!ro.text.empty() && groups.empty())
        throw OptionError(ro.text + ": " + f.info.c_name + " registers no callback with void * user data");
    for (auto &[user, params] : groups) {
        ir::Release how = ir::Release::Keep;
        std::string origin = "unknown: kept (--release " + f.info.c_name + "=call|replace names a rule)";
        ir::Param *destroy = nullptr;
        for (ir::Param *p : params)
            if (!destroy && looks_like_destroy(m, *p)) destroy = p;
        if (rule && rule->rfind("destroy:", 0) == 0) {
            std::string name = rule->substr(8);
            destroy = nullptr;
            for (ir::Param *p : params)
                if (p->c_name == name && destroy_shape(m, *p)) destroy = p;
            if (!destroy)
                throw OptionError(ro.text + ": no callback parameter '" + name + "' of " + f.info.c_name +
                                  " of type void (*)(void *user_data)");
        }
        if (destroy && (!rule || rule->rfind("destroy:", 0) == 0)) {
            how = ir::Release::Destroy;
            origin = "destroy-notify " + destroy->c_name + (rule ? " (--release)" : "");
            destroy->callback->destroy_notify = true;
            destroy->callback->ends_handles = false; // it is handed the closure, never a handle
        } else if (rule && *rule != "keep") {
            how = *rule == "call" ? ir::Release::Call : ir::Release::Replace;
            origin = *rule == "call" ? "when the call returns (--release)"
                                     : "by the next registration on the same object, or None (--release)";
        } else if (rule) {
            origin = "kept (--release)";
        }
        if (how == ir::Release::Call && !ro.triggers.empty())
            throw OptionError(ro.text + ": a closure released when the call returns needs no removal function");
        bool by_handle = false;
        for (const auto &[kind, name] : ro.triggers) {
            ir::Function &g = trigger_function(m, f, kind, name, ro.text);
            int hp = kind == "remove" ? handle_param(m, f, g) : -1;
            g.release_triggers.push_back(ir::Function::ReleaseTrigger{ir::FunctionId(fi), user, hp});
            by_handle = by_handle || kind == "remove";
            origin += std::string(origin.empty() ? "" : "; ") + "by " + name + (kind == "remove" ? " (handle)" : " (object)");
        }
        for (ir::Param *p : params) {
            p->callback->release = how;
            p->callback->release_origin = origin;
            p->callback->records_handle = by_handle;
            p->callback->released_by_call = !ro.triggers.empty();
        }
    }
}

// A field with no user data to find its callable (no convention, or a struct-argument convention whose owner has
// no user field to keep it in): each instance gets a trampoline of the slot's pool (the struct-argument convention
// still looks in that argument's dict first).
void pool_if_needed(const ir::Module &m, ir::Callback &cb, ir::RecordId owner, size_t size) {
    const bool owner_has_user = m.record(owner).user_field.has_value();
    if (cb.convention == ir::CallbackConvention::StructField && !owner_has_user) {
        cb.pool_size = size;
    } else if (cb.convention == ir::CallbackConvention::None && !no_trampoline(m, cb.fn_type)) {
        cb.convention = ir::CallbackConvention::Pooled;
        cb.pool_size = size;
        cb.skip_reason.clear();
    }
}

// The record whose instance a callback field's slot gets as its owner: the top-level record of the field's record.
ir::RecordId top_record(const ir::Module &m, ir::RecordId r) {
    while (m.record(r).parent.valid()) r = m.record(r).parent;
    return r;
}

// ---- functions acting on other registrations' closures ----

bool names_removal(const std::string &name) {
    return names_any(name, {"remove", "unregister", "delete", "_del_", "_off_"});
}

bool has_void_pointer_param(const ir::Module &m, const ir::Function &f) {
    for (const ir::Param &p : f.params)
        if (is_void_pointer(m, p.type)) return true;
    return false;
}

// R2 = `<R>...(the parameters of R, void *user_data)`: removes the registrations of one callback and user data.
ir::FunctionId remove_with_user_data(const ir::Module &m, const ir::Function &r) {
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &g = m.functions[k];
        if (!g.info.binding.bound() || &g == &r || g.info.c_name.rfind(r.info.c_name, 0) != 0 ||
            g.params.size() != r.params.size() + 1 || !is_void_pointer(m, g.params.back().type))
            continue;
        bool same = true;
        for (size_t i = 0; same && i < r.params.size(); ++i)
            same = m.canonical_id(g.params[i].type) == m.canonical_id(r.params[i].type);
        if (same) return ir::FunctionId(k);
    }
    return {};
}

// Where a callable of callback type fn lives in the closures of a registration on objects of record t: the
// registration, its callback parameter and that callable's index among the callbacks sharing its user data.
// `by_object`: the registration makes the t (its result) and the callback reads the closure as that object's own
// user data (its accessor argument is a t): lv_timer_create, not lv_style_transition_dsc_init, whose path callback
// reads an animation's user data but whose animations are made elsewhere. Else the registration is made on a t
// (its first parameter) and the closure is found per object. `removal[k]`: names_removal of function k, matched once
// per function rather than once per (function, candidate) pair, which made this pass a sixth of generation time.
std::optional<ir::Function::ClosureTarget> registration_of(const ir::Module &m, const std::vector<bool> &removal,
                                                            ir::TypeId fn, ir::RecordId t, bool by_object) {
    for (size_t k = 0; k < m.functions.size(); ++k) {
        const ir::Function &f = m.functions[k];
        if (!f.info.binding.bound() || removal[k]) continue; // a removal registers nothing
        for (size_t i = 0; i < f.params.size(); ++i) {
            const std::optional<ir::Callback> &cb = f.params[i].callback;
            if (!cb || cb->convention != ir::CallbackConvention::VoidPtrArg || cb->destroy_notify ||
                cb->release == ir::Release::Call || m.canonical_id(cb->fn_type) != m.canonical_id(fn))
                continue;
            const ir::Type &ft = m.canonical(cb->fn_type);
            // by_object: the registration made the object (its result) with the closure as its user data.
            bool fits = by_object ? !cb->accessor.empty() && cb->ctx_arg >= 0 && pointee_record(m, f.ret) == t &&
                                        pointee_record(m, ft.params[static_cast<size_t>(cb->ctx_arg)]) == t
                                  : pointee_record(m, f.params[0].type) == t;
            if (!fits) continue;
            ir::Function::ClosureTarget c;
            c.registration = ir::FunctionId(k);
            c.reg_param = i;
            c.reg_user_param = cb->reg_user_param;
            for (size_t j = 0; j < i; ++j) {
                const std::optional<ir::Callback> &o = f.params[j].callback;
                c.index += o && o->convention == ir::CallbackConvention::VoidPtrArg &&
                           o->reg_user_param == cb->reg_user_param;
            }
            c.accessor = cb->accessor;
            return c;
        }
    }
    return std::nullopt;
}

// Function f acts on closures as c says: its callback parameter passes only C addresses to C itself.
void act_on(ir::Module &m, ir::Function &f, ir::Function::ClosureTarget c) {
    bool remove = c.kind == ir::Function::ClosureTarget::Kind::Remove;
    ir::Callback &cb = *f.params[c.param].callback;
    ir::TypeId fn = cb.fn_type;
    cb = ir::Callback{};
    cb.fn_type = fn;
    cb.on_closure = true;
    cb.skip_reason = std::string("Python callables: ") +
                     (remove ? "removes the registrations " + m.function(c.registration).info.c_name + " made with it" +
                                   (c.with_user_data ? " and that user data" : "") + " (through " +
                                   m.function(c.remove_one).info.c_name + ")"
                             : "replaces the callable of the closure " + m.function(c.registration).info.c_name +
                                   " left in the object's user data") +
                     "; C addresses pass as they are";
    f.closure_target = std::move(c);
}

// A function taking an object first and a callback, without user data of its own, may act on what a registration
// with user data made: the callback setter of an object whose user data is that registration's closure
// (lv_timer_set_cb(timer, cb) after lv_timer_create(cb, period, user_data): the callable is replaced), or a removal
// by callback (lv_obj_remove_event_cb(obj, cb) after lv_obj_add_event_cb(obj, cb, filter, user_data)), which C
// cannot carry out for a Python callable (every registration passes the same trampoline) unless a removal by
// callback and user data exists (lv_obj_remove_event_cb_with_user_data): each closure is removed with it.
void closure_targets(ir::Module &m) {
    std::vector<bool> removal(m.functions.size());
    for (size_t k = 0; k < m.functions.size(); ++k) removal[k] = names_removal(m.functions[k].info.c_name);
    for (size_t k = 0; k < m.functions.size(); ++k) {
        ir::Function &r = m.functions[k];
        // (object, callback): the shape of both.
        if (!r.info.binding.bound() || r.params.size() != 2 || has_void_pointer_param(m, r)) continue;
        ir::RecordId t = pointee_record(m, r.params[0].type);
        ir::TypeId fn = function_pointee(m, r.params[1].type);
        if (!t.valid() || !fn.valid() || !r.params[1].callback) continue;
        std::optional<ir::Function::ClosureTarget> c = registration_of(m, removal, fn, t, !removal[k]);
        if (!c) continue;
        c->param = 1;
        if (removal[k]) {
            c->kind = ir::Function::ClosureTarget::Kind::Remove;
            c->remove_one = remove_with_user_data(m, r);
            if (!c->remove_one.valid()) continue;
            // The removal by callback and user data, given a Python callable, is no registration either.
            ir::Function &one = m.function(c->remove_one);
            ir::Function::ClosureTarget c2 = *c;
            c2.with_user_data = true;
            act_on(m, one, std::move(c2));
        }
        act_on(m, r, std::move(*c));
    }
}

} // namespace

void callbacks(ir::Module &m, const CallbackOptions &opt) {
    m.require("callbacks", {ir::Stage::Named});
    Finder find(m, opt);
    for (ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        ir::RecordId id{static_cast<uint32_t>(&r - m.records.data())};
        std::string u = find.user_field(id);
        for (size_t i = 0; i < r.fields.size(); ++i)
            if (r.fields[i].c_name == u && !u.empty()) r.user_field = i;
    }
    for (ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        ir::RecordId owner = top_record(m, ir::RecordId{static_cast<uint32_t>(&r - m.records.data())});
        for (ir::Field &f : r.fields) {
            ir::TypeId fn = function_pointee(m, f.type);
            if (!fn.valid()) continue;
            f.callback = find.field(r, f, fn);
            keep_if_possible(m, find, *f.callback, owner);
            pool_if_needed(m, *f.callback, owner, opt.slot_pool);
        }
    }
    std::vector<bool> release_used(opt.releases.size());
    for (ir::Function &f : m.functions) {
        if (!f.info.binding.bound()) continue;
        for (size_t i = 0; i < f.params.size(); ++i) {
            ir::TypeId fn = function_pointee(m, f.params[i].type);
            if (!fn.valid()) continue;
            f.params[i].callback = find.param(f, i, fn);
            keep_if_possible(m, find, *f.params[i].callback, f.params[i].callback->reg_record);
        }
    }
    for (size_t fi = 0; fi < m.functions.size(); ++fi) {
        if (!m.functions[fi].info.binding.bound()) continue;
        decide_releases(m, fi, opt, release_used);
    }
    closure_targets(m);
    for (size_t k = 0; k < opt.releases.size(); ++k)
        if (!release_used[k])
            throw OptionError("--release '" + opt.releases[k].first + "=" + opt.releases[k].second +
                              "': no bound function " + opt.releases[k].first);
    // Accessors give back the registration's own user data: those of callback conventions, and every bound
    // `void *..._get_user_data(...)` (cairo_surface_get_user_data(surface, key)).
    for (ir::Function &g : m.functions) g.user_data_accessor = is_user_data_accessor(m, g);
    find.check_isr_used();
    m.complete(ir::Stage::Callbacks);
}

} // namespace mpbind::passes
