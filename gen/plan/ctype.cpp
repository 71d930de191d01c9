// ctype.cpp: builds C declarators from the IR's type structure (clang's spellings cannot name anonymous records).
#include "ctype.h"

namespace mpbind::plan {

using ir::TypeKind;

namespace {

std::string join_inner(const std::string &base, const std::string &inner) {
    return inner.empty() ? base : base + " " + inner;
}

// The name of a type without declarator parts: primitives, typedef, record and enum names.
std::string base_name(const ir::Module &m, const ir::Type &t) {
    switch (t.kind) {
    case TypeKind::Typedef: return m.typedef_(t.typedef_).info.c_name;
    case TypeKind::Record: {
        const ir::Record &r = m.record(t.record);
        if (!r.c_spelling.empty()) return r.c_spelling;
        return std::string(r.is_union ? "union " : "struct ") + r.info.c_name;
    }
    case TypeKind::Enum: {
        const ir::Enum &e = m.enum_(t.enum_);
        if (!e.c_spelling.empty()) return e.c_spelling;
        return c_decl(m, e.underlying); // an anonymous enum is its integer type
    }
    case TypeKind::Bool: return "_Bool";
    case TypeKind::Void: return "void";
    default: {
        // Primitives: clang's spelling, without the qualifiers we add ourselves.
        std::string s = t.spelling;
        for (const char *q : {"const ", "volatile "})
            for (size_t p; (p = s.find(q)) != std::string::npos;) s.erase(p, std::string(q).size());
        return s;
    }
    }
}

} // namespace

std::string c_decl(const ir::Module &m, ir::TypeId id, const std::string &inner) {
    const ir::Type &t = m.type(id);
    std::string quals = std::string(t.is_const ? "const " : "") + (t.is_volatile ? "volatile " : "");
    switch (t.kind) {
    case TypeKind::Pointer: {
        std::string d = "*";
        if (!quals.empty()) d += " " + quals.substr(0, quals.size() - 1);
        if (!inner.empty()) d += (quals.empty() ? "" : " ") + inner;
        TypeKind pk = m.type(t.inner).kind;
        if (pk == TypeKind::Function || pk == TypeKind::Array) d = "(" + d + ")";
        return c_decl(m, t.inner, d);
    }
    case TypeKind::Array:
        return c_decl(m, t.inner, inner + "[" + (t.array_len ? std::to_string(*t.array_len) : "") + "]");
    case TypeKind::Function: {
        std::string ps;
        for (size_t i = 0; i < t.params.size(); ++i) ps += (i ? ", " : "") + c_decl(m, t.params[i]);
        if (t.variadic) ps += t.params.empty() ? "..." : ", ...";
        if (ps.empty() && !t.no_prototype) ps = "void";
        return c_decl(m, t.ret, inner + "(" + ps + ")");
    }
    default: return join_inner(quals + base_name(m, t), inner);
    }
}

} // namespace mpbind::plan
