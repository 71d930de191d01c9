// layout.cpp: record layouts as sizeof/offsetof expressions and the checks of what mpbind's target decided.
#include "layout.h"

#include <map>

#include "context.h"

namespace mpbind::emit {

namespace {

// Where C reaches a record's members from. `transparent`: the record is an anonymous member, whose members C names
// as members of the enclosing record (base and path are the parent's), so it has no designator of its own.
struct Reach {
    RecordAccess access;
    bool transparent = false;
};

std::optional<Reach> reach(const ir::Module &m, ir::RecordId r, int depth) {
    const ir::Record &rec = m.record(r);
    if (!rec.c_spelling.empty()) return Reach{{rec.c_spelling, ""}, false};
    if (!rec.parent.valid() || depth > 32) return std::nullopt;
    std::optional<Reach> up = reach(m, rec.parent, depth + 1);
    if (!up) return std::nullopt;
    for (const ir::Field &f : m.record(rec.parent).fields) {
        std::string subscripts;
        const ir::Type *t = &m.canonical(f.type);
        for (; t->kind == ir::TypeKind::Array; t = &m.canonical(t->inner)) subscripts += "[0]";
        if (t->kind != ir::TypeKind::Record || t->record.index != r.index) continue;
        if (f.anonymous) return Reach{up->access, true};
        if (f.c_name.empty()) return std::nullopt;
        return Reach{{up->access.base, up->access.path + f.c_name + subscripts + "."}, false};
    }
    return std::nullopt;
}

// The designator of the record itself inside its base ("color" for path "color.").
std::string trimmed(const std::string &path) { return path.substr(0, path.size() - 1); }

std::string bytes_text(uint64_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

// Bytes of one element of a scalar type code (the runtime's widths), 0 for the others.
uint64_t scalar_bytes(Code c) {
    switch (c) {
    case Code::Bool: case Code::I8: case Code::U8: return 1;
    case Code::I16: case Code::U16: return 2;
    case Code::I32: case Code::U32: case Code::F32: return 4;
    case Code::I64: case Code::U64: case Code::F64: return 8;
    default: return 0;
    }
}

// Scalar types whose width a wrapper or trampoline takes from mpbind's target: value parameters and results of
// bound functions and of the callbacks they take (through function pointers). Keyed by C spelling.
class ScalarTypes {
public:
    explicit ScalarTypes(const ir::Module &m) : m_(m) {}

    void value(ir::TypeId id, int depth = 0) {
        const ir::Type &t = m_.canonical(id);
        if (depth > 16) return;
        if (t.kind == ir::TypeKind::Pointer) {
            const ir::Type &fn = m_.canonical(t.inner);
            if (fn.kind == ir::TypeKind::Function) signature(fn, depth + 1);
        } else if (t.kind == ir::TypeKind::Int || t.kind == ir::TypeKind::Float || t.kind == ir::TypeKind::Bool) {
            add(ir::prim_name(t.prim), t.size, t.prim == ir::Prim::Char ? (t.is_signed ? 1 : 0) : -1);
        } else if (t.kind == ir::TypeKind::Enum && !m_.enum_(t.enum_).c_spelling.empty()) {
            add(m_.enum_(t.enum_).c_spelling, t.size, -1);
        }
    }
    void signature(const ir::Type &fn, int depth = 0) {
        value(fn.ret, depth);
        for (ir::TypeId p : fn.params) value(p, depth);
    }
    std::string checks() const {
        std::string out;
        for (const auto &[spelling, line] : lines_) out += line;
        return out;
    }

private:
    // signedness: 1 signed, 0 unsigned, -1 not checked (only plain char's varies between targets).
    void add(const std::string &spelling, uint64_t size, int signedness) {
        if (size == 0 || lines_.count(spelling)) return;
        std::string line = layout_check("sizeof(" + spelling + ") == " + std::to_string(size),
                                        spelling + " is " + bytes_text(size));
        if (signedness >= 0)
            line += layout_check("((" + spelling + ")-1 < 0) == " + std::to_string(signedness),
                                 spelling + (signedness ? " is signed" : " is unsigned"));
        lines_.emplace(spelling, line);
    }

    const ir::Module &m_;
    std::map<std::string, std::string> lines_;
};

} // namespace

std::optional<RecordAccess> record_access(const ir::Module &m, ir::RecordId r) {
    std::optional<Reach> found = reach(m, r, 0);
    if (!found || found->transparent) return std::nullopt;
    return found->access;
}

std::string record_size_expr(const ir::Module &m, ir::RecordId r) {
    std::optional<RecordAccess> a = record_access(m, r);
    if (!a) return std::to_string(m.record(r).size);
    if (a->path.empty()) return "sizeof(" + a->base + ")";
    return "sizeof(((" + a->base + " *)0)->" + trimmed(a->path) + ")";
}

std::string member_offset_expr(const ir::Module &m, ir::RecordId r, const std::string &member, uint64_t ir_bytes) {
    std::optional<RecordAccess> a = record_access(m, r);
    if (!a) return std::to_string(ir_bytes);
    std::string off = "offsetof(" + a->base + ", " + a->path + member + ")";
    if (a->path.empty()) return off;
    return "(" + off + " - offsetof(" + a->base + ", " + trimmed(a->path) + "))";
}

std::string member_size_expr(const ir::Module &m, ir::RecordId r, const std::string &member) {
    std::optional<RecordAccess> a = record_access(m, r);
    return a ? "sizeof(((" + a->base + " *)0)->" + a->path + member + ")" : "";
}

std::string field_size_check(const ir::Module &m, ir::RecordId r, const std::string &member, const std::string &what,
                             const Conv &c) {
    std::string size = member_size_expr(m, r, member);
    if (size.empty()) return "";
    uint64_t n = c.count ? c.count : 1;
    if (uint64_t bytes = scalar_bytes(c.code))
        return layout_check(size + " == " + std::to_string(n * bytes), what + " is " + bytes_text(n * bytes));
    if (!c.count) return ""; // a pointer or a nested struct: its size is the compiler's, nothing assumed
    std::string elem = c.code == Code::Struct ? record_size_expr(m, c.record) : "sizeof(void *)";
    return layout_check(size + " == " + std::to_string(n) + " * " + elem, what + " has " + std::to_string(n) + " elements");
}

std::string layout_check(const std::string &cond, const std::string &what) {
    return "MPB_LAYOUT_CHECK(" + cond + ", " + c_string(what) + ");\n";
}

std::string target_checks(const ir::Module &m) {
    ScalarTypes scalars(m);
    for (const ir::Function &f : m.functions) {
        if (!f.info.binding.bound()) continue;
        scalars.value(f.ret);
        for (const ir::Param &p : f.params) scalars.value(p.type);
    }
    // Callback fields: their trampolines convert the callback's arguments.
    for (const ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        for (const ir::Field &f : r.fields)
            if (f.binding.bound() && m.canonical(f.type).kind == ir::TypeKind::Pointer &&
                m.canonical(m.canonical(f.type).inner).kind == ir::TypeKind::Function)
                scalars.value(f.type);
    }
    std::string triple = m.target.triple.empty() ? "an unknown target" : m.target.triple;
    return "#define MPB_GENERATED_FOR " + c_string(triple) + "\n" + scalars.checks();
}

} // namespace mpbind::emit
