// Arena operations of the IR Module: structural interning of types and adding declarations.
#include "module.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace mpbind::ir {

namespace {
// Key fields are appended as raw bytes of a fixed width: no number formatting (types are interned by the thousand
// while a header is translated), and keys of different types never coincide.
template <class T> void put(std::string &k, T v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    k.append(bytes, sizeof v);
}
} // namespace

std::string type_key(const Type &t) {
    std::string k;
    k.reserve(48);
    put(k, static_cast<uint8_t>(t.kind));
    put(k, static_cast<uint8_t>((t.is_const ? 1 : 0) | (t.is_volatile ? 2 : 0) | (t.py_object ? 4 : 0)));
    put(k, static_cast<uint8_t>(t.prim));
    put(k, t.inner.index);
    put(k, t.array_len ? *t.array_len + 1 : uint64_t{0});
    put(k, t.record.index);
    put(k, t.enum_.index);
    put(k, t.typedef_.index);
    if (t.kind == TypeKind::Function) {
        put(k, t.ret.index);
        put(k, static_cast<uint8_t>((t.variadic ? 1 : 0) | (t.no_prototype ? 2 : 0)));
        for (TypeId p : t.params) put(k, p.index); // the last field: the key's length gives their number
    }
    if (t.kind == TypeKind::Unsupported) k += t.unsupported_what;
    return k;
}

TypeId Module::intern(Type t) {
    std::string key = type_key(t);
    if (auto it = interned_.find(key); it != interned_.end()) return it->second;
    TypeId id{static_cast<uint32_t>(types.size())};
    if (!t.canonical.valid()) t.canonical = id;
    types.push_back(std::move(t));
    interned_.emplace(std::move(key), id);
    return id;
}

template <class IdT, class T> static IdT push(std::vector<T> &v, T item) {
    v.push_back(std::move(item));
    return IdT{static_cast<uint32_t>(v.size() - 1)};
}

RecordId Module::add(Record r) { return push<RecordId>(records, std::move(r)); }
EnumId Module::add(Enum e) { return push<EnumId>(enums, std::move(e)); }
TypedefId Module::add(Typedef t) { return push<TypedefId>(typedefs, std::move(t)); }
FunctionId Module::add(Function f) { return push<FunctionId>(functions, std::move(f)); }
MacroId Module::add(Macro m) { return push<MacroId>(macros, std::move(m)); }
VariableId Module::add(Variable v) { return push<VariableId>(variables, std::move(v)); }
GroupId Module::add(Group g) { return push<GroupId>(groups, std::move(g)); }

const char *stage_name(Stage s) {
    switch (s) {
    case Stage::Parsed: return "parsing";
    case Stage::Filtered: return "filter";
    case Stage::Available: return "availability";
    case Stage::Supported: return "support";
    case Stage::Variables: return "variables";
    case Stage::Named: return "naming";
    case Stage::Methods: return "methods";
    case Stage::Callbacks: return "callbacks";
    case Stage::Grouped: return "grouping";
    case Stage::Collisions: return "collisions";
    case Stage::ClassConstants: return "class constants";
    case Stage::Identity: return "identity";
    }
    return "?";
}

void Module::require(const char *who, std::initializer_list<Stage> stages) const {
    std::string missing;
    for (Stage s : stages)
        if (!completed(s)) missing += std::string(missing.empty() ? "" : ", ") + stage_name(s);
    if (!missing.empty()) throw std::logic_error(std::string(who) + " runs after " + missing + ", which did not run");
}

const char *prim_name(Prim p) {
    switch (p) {
    case Prim::None: return "none";
    case Prim::Bool: return "_Bool";
    case Prim::Char: return "char";
    case Prim::SChar: return "signed char";
    case Prim::UChar: return "unsigned char";
    case Prim::WChar: return "wchar_t";
    case Prim::Char16: return "char16_t";
    case Prim::Char32: return "char32_t";
    case Prim::Short: return "short";
    case Prim::UShort: return "unsigned short";
    case Prim::Int: return "int";
    case Prim::UInt: return "unsigned int";
    case Prim::Long: return "long";
    case Prim::ULong: return "unsigned long";
    case Prim::LongLong: return "long long";
    case Prim::ULongLong: return "unsigned long long";
    case Prim::Int128: return "__int128";
    case Prim::UInt128: return "unsigned __int128";
    case Prim::Float16: return "_Float16";
    case Prim::Float: return "float";
    case Prim::Double: return "double";
    case Prim::LongDouble: return "long double";
    case Prim::Float128: return "__float128";
    }
    return "?";
}

} // namespace mpbind::ir
