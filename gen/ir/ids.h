// Typed integer ids naming IR items in the Module arena (never pointers, never clang handles).
#pragma once
#include <compare>
#include <cstdint>
#include <functional>

namespace mpbind::ir {

// An index into one arena vector; the Tag makes ids of different kinds incompatible.
template <class Tag> struct Id {
    static constexpr uint32_t none = UINT32_MAX;
    uint32_t index = none;

    constexpr Id() = default;
    constexpr explicit Id(uint32_t i) : index(i) {}
    constexpr bool valid() const { return index != none; }
    constexpr explicit operator bool() const { return valid(); }
    friend constexpr auto operator<=>(Id, Id) = default;
};

using TypeId = Id<struct TypeTag>;
using RecordId = Id<struct RecordTag>;
using EnumId = Id<struct EnumTag>;
using TypedefId = Id<struct TypedefTag>;
using FunctionId = Id<struct FunctionTag>;
using MacroId = Id<struct MacroTag>;
using VariableId = Id<struct VariableTag>;
using GroupId = Id<struct GroupTag>;

} // namespace mpbind::ir

template <class Tag> struct std::hash<mpbind::ir::Id<Tag>> {
    size_t operator()(mpbind::ir::Id<Tag> id) const noexcept { return id.index; }
};
