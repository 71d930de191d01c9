// Callbacks pass: finds the user-data convention of every function-pointer field and parameter (issue 4).
#include "callbacks.h"

#include <optional>
#include <regex>
#include <stdexcept>

namespace mpbind::passes {

namespace {

const char *const default_user_field = "user_data";

// The canonical Function type a slot of type t points to (none if t is not a function pointer).
ir::TypeId function_pointee(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    if (c.kind != ir::TypeKind::Pointer) return {};
    ir::TypeId inner = m.canonical_id(c.inner);
    return m.type(inner).kind == ir::TypeKind::Function ? inner : ir::TypeId{};
}

bool is_void_pointer(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    return c.kind == ir::TypeKind::Pointer && m.canonical(c.inner).kind == ir::TypeKind::Void;
}

ir::RecordId pointee_record(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    if (c.kind != ir::TypeKind::Pointer) return {};
    const ir::Type &p = m.canonical(c.inner);
    return p.kind == ir::TypeKind::Record ? p.record : ir::RecordId{};
}

class Finder {
public:
    Finder(const ir::Module &m, const CallbackOptions &opt) : m_(m), opt_(opt) {
        if (!opt.isr.empty()) {
            try {
                isr_.emplace(opt.isr, std::regex::ECMAScript);
            } catch (const std::regex_error &e) {
                throw std::invalid_argument("invalid --isr regex '" + opt.isr + "': " + e.what());
            }
        }
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

    bool isr(const std::string &slot) const { return isr_ && std::regex_search(slot, *isr_); }

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

    ir::Callback field(const ir::Record &owner, const ir::Field &f, ir::TypeId fn) const {
        ir::Callback cb;
        cb.fn_type = fn;
        cb.dict_key = c_type_name(owner) + "_" + f.c_name;
        cb.isr = isr(owner.info.py_name + "." + f.c_name);
        if (struct_arg(fn, cb)) {
            cb.convention = ir::CallbackConvention::StructField;
            return cb;
        }
        // zlib's shape: the struct's own user field (e.g. `opaque`) is handed to the callback as a void *.
        ir::RecordId self{static_cast<uint32_t>(&owner - m_.records.data())};
        std::string own = user_field(self);
        int back = void_arg(fn, true);
        if (!own.empty() && back >= 0) {
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

    ir::Callback param(const ir::Function &f, size_t pi, ir::TypeId fn) const {
        ir::Callback cb;
        cb.fn_type = fn;
        const ir::Param &p = f.params[pi];
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
    // The void * user-data parameter of a registration function: the only one, else the one right after the
    // callback, else one named like user data.
    int registration_user_param(const ir::Function &f, size_t callback) const {
        std::vector<int> candidates;
        for (size_t i = 0; i < f.params.size(); ++i)
            if (i != callback && is_void_pointer(m_, f.params[i].type)) candidates.push_back(static_cast<int>(i));
        if (candidates.size() == 1) return candidates[0];
        for (int i : candidates)
            if (i == static_cast<int>(callback) + 1) return i;
        static const std::regex named("user|data|arg|ctx|context|closure|cookie|opaque|priv", std::regex::icase);
        for (int i : candidates)
            if (std::regex_search(f.params[static_cast<size_t>(i)].c_name, named)) return i;
        return -1;
    }

    const ir::Module &m_;
    const CallbackOptions &opt_;
    std::optional<std::regex> isr_;
};

} // namespace

void callbacks(ir::Module &m, const CallbackOptions &opt) {
    Finder find(m, opt);
    for (ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        std::string u = find.user_field(ir::RecordId{static_cast<uint32_t>(&r - m.records.data())});
        for (size_t i = 0; i < r.fields.size(); ++i) {
            if (r.fields[i].c_name == u && !u.empty()) r.user_field = i;
            ir::TypeId fn = function_pointee(m, r.fields[i].type);
            if (fn.valid()) r.fields[i].callback = find.field(r, r.fields[i], fn);
        }
    }
    for (ir::Function &f : m.functions) {
        if (!f.info.binding.bound()) continue;
        for (size_t i = 0; i < f.params.size(); ++i) {
            ir::TypeId fn = function_pointee(m, f.params[i].type);
            if (fn.valid()) f.params[i].callback = find.param(f, i, fn);
        }
    }
}

} // namespace mpbind::passes
