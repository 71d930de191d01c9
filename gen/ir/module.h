// The IR arena: every type and declaration of one generation run, named by typed ids.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

#include "decls.h"
#include "types.h"

namespace mpbind::ir {

// What has been done to a Module: the front end's translation, then one stage per pass (gen/passes/README.md).
enum class Stage : uint8_t {
    Parsed, Filtered, Available, Supported, Variables, Named, Methods, Callbacks, Grouped, Collisions, ClassConstants,
    Identity,
};
const char *stage_name(Stage s);

// The target whose C data layout the sizes, offsets and bit positions of the IR describe.
struct Target {
    std::string triple;        // as asked for (mpbind --target), else clang's default (the host)
    std::string clang_triple;  // what clang parsed for: the same, or a stand-in of equal layout
    uint32_t pointer_bytes = 0;
};

struct Module {
    // Headers named on the command line, in order, as given (the emitter #includes them).
    std::vector<std::string> headers;
    Target target;

    std::vector<Type> types;
    std::vector<Record> records;
    std::vector<Enum> enums;
    std::vector<Typedef> typedefs;
    std::vector<Function> functions;
    std::vector<Macro> macros;
    std::vector<Variable> variables;
    std::vector<Group> groups;
    GcRoot gc_root;           // checked against the headers by the gc_root pass; disabled by default
    std::vector<ObjectClass> object_classes; // filled by the methods pass

    // Access by id (asserts validity in debug builds).
    Type &type(TypeId id) { return types.at(id.index); }
    const Type &type(TypeId id) const { return types.at(id.index); }
    Record &record(RecordId id) { return records.at(id.index); }
    const Record &record(RecordId id) const { return records.at(id.index); }
    Enum &enum_(EnumId id) { return enums.at(id.index); }
    const Enum &enum_(EnumId id) const { return enums.at(id.index); }
    Typedef &typedef_(TypedefId id) { return typedefs.at(id.index); }
    const Typedef &typedef_(TypedefId id) const { return typedefs.at(id.index); }
    Function &function(FunctionId id) { return functions.at(id.index); }
    const Function &function(FunctionId id) const { return functions.at(id.index); }
    Macro &macro(MacroId id) { return macros.at(id.index); }
    const Macro &macro(MacroId id) const { return macros.at(id.index); }
    Group &group(GroupId id) { return groups.at(id.index); }
    const Group &group(GroupId id) const { return groups.at(id.index); }

    // Adds a type, or returns the id of a structurally equal one (spelling ignored).
    // Sets `canonical` to itself when the caller left it unset.
    TypeId intern(Type t);

    // The type with typedefs resolved (Type::canonical), and pointer/array element helpers.
    const Type &canonical(TypeId id) const { return type(type(id).canonical); }
    TypeId canonical_id(TypeId id) const { return type(id).canonical; }

    RecordId add(Record r);
    EnumId add(Enum e);
    TypedefId add(Typedef t);
    FunctionId add(Function f);
    MacroId add(Macro m);
    VariableId add(Variable v);
    GroupId add(Group g);

    // Pass order: a pass (or the plan) names the stages it relies on; missing ones throw std::logic_error naming
    // `who` and them. A pass marks its own stage done at its end.
    void require(const char *who, std::initializer_list<Stage> stages) const;
    void complete(Stage s) { done_ |= 1u << static_cast<unsigned>(s); }
    bool completed(Stage s) const { return done_ & (1u << static_cast<unsigned>(s)); }

private:
    std::unordered_map<std::string, TypeId> interned_; // structural key -> id
    uint32_t done_ = 0;
};

// Structural key of a type (used for interning and for signature keys).
std::string type_key(const Type &t);

} // namespace mpbind::ir
