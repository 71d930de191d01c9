// callbacks.cpp: each function-pointer slot's convention as a typed variant (offsets resolved), and the trampolines
// and runtime slots that carry it out.
#include <stdexcept>

#include "builder.h"

namespace mpbind::plan {

const char *Callback::convention_name() const {
    static const char *const names[] = {"none", "void_ptr_arg", "struct_field", "void_ptr_arg", "struct_first_arg",
                                        "pool"};
    const auto *a = std::get_if<cb::AddressOnly>(&convention);
    return a && a->on_closure ? "closure_target" : names[convention.index()];
}

namespace {

// Which struct class each struct argument gives: trampolines of one signature differ by it.
std::string struct_args_key(const std::vector<TrampolineValue> &args) {
    std::string k;
    for (const TrampolineValue &a : args)
        if (!a.cls.empty()) k += "," + a.cls;
    return k;
}

struct SlotSpec {
    std::optional<size_t> ctx_arg;
    UserRef ctx;
    UserRef owner;
    bool ctx_is_user_data = false;
    size_t pool = 0;
};

class Resolver {
public:
    Resolver(Builder &b, Callback &out, const ir::Callback &cb) : b_(b), out_(out), cb_(cb) {
        const ir::Type &fn = b.m.canonical(cb.fn_type);
        ret_ = b.trampoline_value(fn.ret);
        for (ir::TypeId t : fn.params) args_.push_back(b.trampoline_value(t));
    }

    // The trampoline of a closure convention, shared by every slot with the same signature, context argument,
    // closure index, struct classes and interrupt context.
    void closure(const std::string &stem, const cb::Closure &c) {
        std::string key = out_.abi_sig + "@" + std::to_string(c.back_arg) + "#" + std::to_string(c.index) +
                          struct_args_key(args_) + (cb_.isr ? " isr" : "") + (c.destroy_notify ? " releases" : "") + (cb_.ends_handles ? " ends" : "") + " " + c.accessor;
        auto [it, fresh] = b_.shared_trampolines.try_emplace(key, b_.p.trampolines.size());
        if (fresh) {
            Trampoline t = base(b_.syms.family(stem, {"_tramp"}) + "_tramp");
            t.find = Trampoline::Find::Closure;
            t.ctx_arg = c.back_arg;
            t.index = c.index;
            t.releases_closure = c.destroy_notify;
            t.accessor = c.accessor;
            b_.p.trampolines.push_back(std::move(t));
        }
        out_.trampoline = it->second;
        b_.p.trampolines[it->second].serves.push_back(out_.where);
    }

    // The trampoline and runtime slot of a struct convention: one per slot (the key names the slot).
    void slot(const std::string &stem, const SlotSpec &s) {
        std::string base_name = b_.syms.family(stem, {"_tramp", "_slot"});
        Trampoline t = base(base_name + "_tramp");
        t.find = Trampoline::Find::Slot;
        t.ctx_arg = s.ctx_arg;
        t.slot = b_.p.slots.size();
        t.ctx_is_user_data = s.ctx_is_user_data;
        t.serves.push_back(out_.where);
        out_.trampoline = b_.p.trampolines.size();
        out_.slot_desc = b_.p.slots.size();
        b_.p.slots.push_back(Slot{base_name + "_slot", out_.trampoline, out_.abi_sig, out_.key, s.ctx, s.owner, s.pool});
        share_body(t, s);
        b_.p.trampolines.push_back(std::move(t));
    }

private:
    // Slot trampolines that would differ only in the slot they name share one body: the same C types (the body
    // takes the first one's), context argument, struct classes, pool or not, interrupt context and handle release.
    void share_body(Trampoline &t, const SlotSpec &s) {
        // An interrupt-context body views struct arguments through static objects (no allocation there): each slot
        // keeps its own, so a handler keeping its argument never sees another slot's data.
        if (t.isr && !struct_args_key(t.args).empty()) return;
        std::string key = out_.abi_sig + " " + t.ret.c_type + "(";
        for (const TrampolineValue &a : t.args) key += a.c_type + ",";
        key += ")@" + (s.ctx_arg ? std::to_string(*s.ctx_arg) : "-") + struct_args_key(t.args) +
               (s.pool ? " pool" : "") + (s.ctx_is_user_data ? " user" : "") + (t.isr ? " isr" : "") +
               (t.releases_handles ? " ends" : "");
        auto [it, fresh] = b_.slot_bodies.try_emplace(key, out_.trampoline);
        if (fresh) return;
        b_.p.trampolines[it->second].body = it->second;
        t.body = it->second;
    }

    Trampoline base(std::string symbol) const {
        Trampoline t;
        t.symbol = std::move(symbol);
        t.ret = ret_;
        t.args = args_;
        t.isr = cb_.isr;
        // Releasing looks up a dict, which may allocate: not in interrupt context, where the handle stays kept.
        t.releases_handles = cb_.ends_handles && !cb_.isr;
        return t;
    }

    Builder &b_;
    Callback &out_;
    const ir::Callback &cb_;
    TrampolineValue ret_;
    std::vector<TrampolineValue> args_;
};

Callback common(Builder &b, std::string where, const ir::Location &loc, const ir::Callback &cb) {
    Callback out;
    out.where = std::move(where);
    out.loc = loc;
    out.signature = b.type_text(cb.fn_type);
    const ir::Type &fn = b.m.canonical(cb.fn_type);
    out.abi_sig = abi_signature(b.m, fn.ret, fn.params);
    out.key = cb.dict_key;
    out.isr = cb.isr;
    out.ends_handles = cb.ends_handles && !cb.isr;
    out.convention = cb::AddressOnly{cb.skip_reason, cb.on_closure};
    return out;
}

// The class's own user field, where a store keeps callables (none: the module roots).
UserRef own_user_field(const Builder &b, ir::RecordId r) {
    const ir::Record &rec = b.m.record(r);
    return rec.user_field ? b.user_ref(r, rec.fields[*rec.user_field].c_name) : UserRef{};
}

} // namespace

size_t Builder::field_callback(ir::RecordId cls, const ir::Record &owner, const ir::Field &f) {
    const uint32_t owner_index = static_cast<uint32_t>(&owner - m.records.data());
    const ir::Callback &cb = *f.callback;
    Callback out = common(*this, "field " + f.c_name + " of " + record_label(m.record(cls)), m.record(cls).info.loc, cb);
    Resolver r(*this, out, cb);
    std::string stem = m.record(cls).info.py_name + "_" + f.c_name;
    switch (cb.convention) {
    case ir::CallbackConvention::None: break;
    case ir::CallbackConvention::StructField: {
        cb::StructArg c{static_cast<size_t>(cb.ctx_arg), user_ref(cb.ctx_record, cb.user_field), own_user_field(*this, cls),
                        cb.pool_size};
        out.convention = c;
        r.slot(stem, SlotSpec{c.ctx_arg, c.ctx, c.owner, false, c.pool_size});
        break;
    }
    case ir::CallbackConvention::Pooled:
        out.convention = cb::Pool{cb.pool_size};
        r.slot(stem, SlotSpec{std::nullopt, UserRef{}, UserRef{}, false, cb.pool_size});
        break;
    case ir::CallbackConvention::VoidPtrArg: {
        cb::OwnUserData c{static_cast<size_t>(cb.ctx_arg), own_user_field(*this, cls)};
        out.convention = c;
        r.slot(stem, SlotSpec{c.ctx_arg, UserRef{UserRef::Kind::IsArg, {}, "", "", {}}, c.owner, true});
        break;
    }
    case ir::CallbackConvention::StructFirstArg:
        throw std::logic_error("plan: field " + f.c_name + " with a registration convention");
    }
    p.callbacks.push_back(std::move(out));
    field_callbacks[{owner_index, static_cast<size_t>(&f - owner.fields.data())}] = p.callbacks.size() - 1;
    return p.callbacks.size() - 1;
}

size_t Builder::param_callback(const ir::Function &f, size_t i) {
    const ir::Param &param = f.params[i];
    const ir::Callback &cb = *param.callback;
    Callback out = common(*this, "parameter " + param.py_name + " of " + f.info.c_name, f.info.loc, cb);
    Resolver r(*this, out, cb);
    std::string stem = f.info.c_name + "_" + param.py_name;
    switch (cb.convention) {
    case ir::CallbackConvention::None: break;
    case ir::CallbackConvention::VoidPtrArg: {
        // Callbacks sharing one user-data parameter share its closure: this one's callable is at its rank.
        size_t index = 0;
        for (size_t j = 0; j < i; ++j) {
            const auto &other = f.params[j].callback;
            index += other && other->convention == ir::CallbackConvention::VoidPtrArg &&
                     other->reg_user_param == cb.reg_user_param;
        }
        cb::Closure c{static_cast<size_t>(cb.reg_user_param), static_cast<size_t>(cb.ctx_arg), index, cb.release,
                      cb.release_origin, cb.destroy_notify, cb.records_handle,
                      cb.released_by_call, cb.accessor};
        out.convention = c;
        r.closure(stem, c);
        break;
    }
    case ir::CallbackConvention::StructFirstArg: {
        cb::FirstArg c;
        c.registration = record_label(m.record(cb.reg_record));
        if (cb.ctx_arg >= 0) {
            c.ctx_arg = static_cast<size_t>(cb.ctx_arg);
            c.ctx = user_ref(cb.ctx_record, cb.user_field);
        }
        // The trampoline looks in the dict of its own struct argument: the callable goes into the first
        // parameter's dict only when that is the same struct type, otherwise into the module roots.
        if (cb.ctx_record.valid() && cb.ctx_record == cb.reg_record) c.owner = own_user_field(*this, cb.reg_record);
        out.convention = c;
        r.slot(stem, SlotSpec{c.ctx_arg, c.ctx, c.owner, false});
        break;
    }
    case ir::CallbackConvention::StructField:
    case ir::CallbackConvention::Pooled:
        throw std::logic_error("plan: parameter " + param.py_name + " of " + f.info.c_name + " with a field convention");
    }
    p.callbacks.push_back(std::move(out));
    return p.callbacks.size() - 1;
}

} // namespace mpbind::plan
