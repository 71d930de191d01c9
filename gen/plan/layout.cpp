// layout.cpp: what the C file takes from the compiler that builds the module (offsetof, sizeof), and the checks of
// what mpbind decided for its target (MPB_LAYOUT_CHECK): scalar widths and array lengths of fields, the layout
// bit-fields were placed in, the scalar types wrappers and trampolines pass by value.
#include <map>

#include "builder.h"

namespace mpbind::plan {

namespace {

// The member designator of record r within its top-level record `top` ("" for a top-level record): anonymous
// members are transparent in C, an unnamed struct type of a named member is reached through the member. Empty
// optional when a step has no name C could write.
std::optional<std::string> path_of(const ir::Module &m, ir::RecordId r, ir::RecordId &top) {
    top = r;
    std::string path;
    for (int depth = 0; m.record(top).parent.valid(); ++depth) {
        if (depth > 32) return std::nullopt;
        const ir::Record &parent = m.record(m.record(top).parent);
        std::optional<std::string> part;
        for (const ir::Field &f : parent.fields) {
            const ir::Type *t = &m.canonical(f.type);
            std::string index;
            for (; t->kind == ir::TypeKind::Array; t = &m.canonical(t->inner)) index += "[0]";
            if (t->kind != ir::TypeKind::Record || t->record != top) continue;
            if (f.anonymous) part = "";
            else if (!f.c_name.empty()) part = f.c_name + index;
            break;
        }
        if (!part) return std::nullopt;
        if (!part->empty()) path = path.empty() ? *part : *part + "." + path;
        top = m.record(top).parent;
    }
    return path;
}

// Where C reaches record r: a record it can name and the designator of r inside it; empty when it cannot.
struct Access {
    std::string record_c;
    std::string base;
};
std::optional<Access> access(const ir::Module &m, ir::RecordId r) {
    ir::RecordId top;
    std::optional<std::string> base = path_of(m, r, top);
    if (!base || m.record(top).c_spelling.empty()) return std::nullopt;
    return Access{m.record(top).c_spelling, *base};
}

std::string bytes_text(uint64_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

// Bytes of one value of a scalar type code, as the runtime reads and writes it; 0 for the others.
uint64_t scalar_bytes(Code c) {
    switch (c) {
    case Code::BOOL: case Code::I8: case Code::U8: return 1;
    case Code::I16: case Code::U16: return 2;
    case Code::I32: case Code::U32: case Code::F32: return 4;
    case Code::I64: case Code::U64: case Code::F64: return 8;
    default: return 0;
    }
}

// Scalar types whose width a wrapper or trampoline takes from mpbind's target (they call C through fixed-width ABI
// types: `long` as int64_t on x86-64, int32_t on ARM): value parameters and results of bound functions and of the
// callbacks they and the bound fields take. Keyed by C spelling, once each.
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
    std::vector<LayoutCheck> checks() const {
        std::vector<LayoutCheck> out;
        for (const auto &[spelling, lines] : checks_) out.insert(out.end(), lines.begin(), lines.end());
        return out;
    }

private:
    // signedness: 1 signed, 0 unsigned, -1 not checked (only plain char's varies between targets).
    void add(const std::string &spelling, uint64_t size, int signedness) {
        if (size == 0 || checks_.count(spelling)) return;
        std::vector<LayoutCheck> &lines = checks_[spelling];
        lines.push_back({"sizeof(" + spelling + ") == " + std::to_string(size), spelling + " is " + bytes_text(size)});
        if (signedness >= 0)
            lines.push_back({"((" + spelling + ")-1 < 0) == " + std::to_string(signedness),
                             spelling + (signedness ? " is signed" : " is unsigned")});
    }

    const ir::Module &m_;
    std::map<std::string, std::vector<LayoutCheck>> checks_;
};

bool is_function_pointer(const ir::Module &m, ir::TypeId t) {
    const ir::Type &c = m.canonical(t);
    return c.kind == ir::TypeKind::Pointer && m.canonical(c.inner).kind == ir::TypeKind::Function;
}

} // namespace

Offset member_offset(const ir::Module &m, ir::RecordId r, const std::string &member, uint64_t bytes) {
    ir::RecordId top;
    std::optional<std::string> base = path_of(m, r, top);
    Offset o{bytes, m.record(top).c_spelling, "", base.value_or(""), std::to_string(bytes)};
    o.designator = o.base.empty() ? member : o.base + "." + member;
    if (!base || o.record_c.empty()) {
        o.record_c.clear();
        return o;
    }
    o.c = "offsetof(" + o.record_c + ", " + o.designator + ")";
    if (!o.base.empty()) o.c = "(" + o.c + " - offsetof(" + o.record_c + ", " + o.base + "))";
    return o;
}

std::string record_size(const ir::Module &m, ir::RecordId r) {
    std::optional<Access> a = access(m, r);
    if (!a) return std::to_string(m.record(r).size);
    if (a->base.empty()) return "sizeof(" + a->record_c + ")";
    return "sizeof(((" + a->record_c + " *)0)->" + a->base + ")";
}

std::optional<LayoutCheck> field_check(const ir::Module &m, const FieldRow &row, const std::string &what) {
    if (row.bit_width || row.offset.record_c.empty()) return std::nullopt;
    const std::string size = "sizeof(((" + row.offset.record_c + " *)0)->" + row.offset.designator + ")";
    const uint64_t n = row.conv.count ? row.conv.count : 1;
    if (uint64_t bytes = scalar_bytes(row.conv.code))
        return LayoutCheck{size + " == " + std::to_string(n * bytes), what + " is " + bytes_text(n * bytes)};
    if (!row.conv.count) return std::nullopt; // a pointer or a nested struct: its size is the compiler's
    std::string elem = row.conv.code == Code::STRUCT ? record_size(m, row.conv.record) : "sizeof(void *)";
    return LayoutCheck{size + " == " + std::to_string(n) + " * " + elem, what + " has " + std::to_string(n) + " elements"};
}

std::optional<LayoutCheck> bitfield_check(const ir::Module &m, ir::RecordId r, const std::vector<FieldRow> &rows) {
    std::string names, cond;
    for (const FieldRow &row : rows) {
        if (row.bit_width) names += (names.empty() ? "" : ", ") + row.c_name;
        else if (!row.offset.record_c.empty()) cond += " && " + row.offset.c + " == " + std::to_string(row.offset.bytes);
    }
    if (names.empty() || !access(m, r)) return std::nullopt;
    const uint64_t size = m.record(r).size;
    return LayoutCheck{record_size(m, r) + " == " + std::to_string(size) + cond,
                       record_label(m.record(r)) + " (bitfields " + names + ") has size " + std::to_string(size) +
                           " and the member offsets mpbind placed the bits in"};
}

std::vector<LayoutCheck> target_checks(const ir::Module &m, const Plan &p) {
    ScalarTypes scalars(m);
    for (const Function &f : p.functions) {
        const ir::Function &fn = m.function(f.id);
        scalars.value(fn.ret);
        for (const ir::Param &param : fn.params) scalars.value(param.type);
    }
    // Callback fields: their trampolines convert the callback's arguments.
    for (const ir::Record &r : m.records) {
        if (!r.info.binding.bound()) continue;
        for (const ir::Field &f : r.fields)
            if (f.binding.bound() && is_function_pointer(m, f.type)) scalars.value(f.type);
    }
    return scalars.checks();
}

} // namespace mpbind::plan
