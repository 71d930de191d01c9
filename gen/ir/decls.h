// IR declarations: functions, records (with fields), enums, typedefs, macros, variables, constant groups.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ids.h"

namespace mpbind::ir {

// Whether the emitter writes an item. Set by the passes; the emitter writes only Bound items.
enum class Status : uint8_t {
    Bound,    // emitted
    Excluded, // deliberately not bound: declared outside the bound headers, or removed by --allow/--block
    Skipped,  // wanted but cannot be bound: `reason` says why (a user-facing sentence); --strict fails on these
};

// The reason of every declaration of a header --exclude-headers matches.
inline constexpr const char *excluded_header_reason = "excluded header (--exclude-headers)";

struct Binding {
    Status status = Status::Bound;
    std::string reason; // empty when Bound

    bool bound() const { return status == Status::Bound; }
};

struct Location {
    std::string file; // file name as a report shows it (no directories), "" for builtins
    uint32_t line = 0;
    uint32_t column = 0;
};

// What every declaration carries.
struct DeclInfo {
    std::string c_name;   // as in C ("" for anonymous records/enums)
    std::string py_name;  // set by the naming pass: prefix stripped, reserved words renamed
    Location loc;
    bool in_bound_header = false; // declared in a header named on the command line (or --include-headers)
    bool in_excluded_header = false; // declared in a header --exclude-headers matches: Excluded, still reported
    Binding binding;
    std::string doc;      // brief doc comment, may be empty
    bool deprecated = false;  // __attribute__((deprecated)): using it warns (-Werror=deprecated-declarations)
    bool unavailable = false; // __attribute__((unavailable)): any use is a compile error
};

// ---- callbacks: the convention the callbacks pass finds for each function-pointer slot ----

enum class CallbackConvention : uint8_t {
    None,           // no way to find the Python callable: only a raw C address (hybrid) can be stored
    StructField,    // (1)/(4) field of a struct that has a user field; callback's ctx_arg points to that struct
    VoidPtrArg,     // (2) registration function has a void* user-data parameter handed back to the callback;
                    //     for a field: the struct's own user field (ctx_record.user_field) is handed back (zlib)
    StructFirstArg, // (3) registration function's first parameter is a struct pointer with a user field
    Pooled,         // a field nothing in C's arguments leads back from: a pool of trampolines per slot (pool_size)
};

// When the closure of a void * user-data registration is released: Keep (unknown: never, reported), Call (when the
// C call returns: a synchronous API), Replace (when the same function registers again on the same object, or gets
// None), Destroy (when C calls the registration's destroy-notify callback).
enum class Release : uint8_t { Keep, Call, Replace, Destroy };

// How the trampoline of one function-pointer slot (a field or a parameter) finds its Python callable.
struct Callback {
    CallbackConvention convention = CallbackConvention::None;
    TypeId fn_type;          // the Function type (pointee of the slot's pointer type)
    int ctx_arg = -1;        // index of the callback parameter that leads to the callable (struct* or void*)
    RecordId ctx_record;     // StructField/StructFirstArg: the struct holding the user field
    std::string user_field;  // that field's C name ("user_data", or configured e.g. "user")
    int reg_user_param = -1; // VoidPtrArg/StructFirstArg of a parameter: the registration function's parameter index
    RecordId reg_record;     // StructFirstArg: the struct of the registration function's first parameter (its user
                             // field stores the callable); ctx_record is then the struct the callback's argument
                             // ctx_arg points to (-1 and invalid: the callback takes none, the module roots hold it)
    std::string dict_key;    // "<struct>_<field>" (the struct's C type name) or "<function>_<param>"
    bool isr = false;        // matched --isr: trampoline runs in interrupt context
    std::string skip_reason; // when convention == None: why no callback convention applies
    // A parameter of a function acting on a registration's closure (Function::closure_target): Python callables
    // replace or remove that closure's, and only C addresses reach C (convention None).
    bool on_closure = false;
    // VoidPtrArg of a parameter: when the closure of a registration is released (the same for every callback of
    // one user-data parameter), how that was decided, and whether this callback is the registration's
    // destroy-notify (C calls it once when it drops the user data; its trampoline releases the closure).
    Release release = Release::Keep;
    std::string release_origin;
    bool destroy_notify = false;
    bool records_handle = false; // a removal function releases the closure by what the registration returned
    std::string accessor;        // VoidPtrArg: the user data comes back through accessor(argument ctx_arg), e.g.
                                 // lv_event_get_user_data(e), instead of as the argument itself
    bool released_by_call = false; // a removal or deletion function (--release remove:/delete:) releases it
    // Fields whose owner has no user field (Pooled, and StructField of such an owner): trampolines per slot, so
    // each instance gets its own C function pointer (--slot-pool N); 0: none.
    size_t pool_size = 0;
    // The slot's name says it ends what it is handed (`close_cb`, `free_fn`): Python objects a callback gave C as
    // `void *` results (mpb_handle) are released when this callback gets them back.
    bool ends_handles = false;
};

// ---- records ----

struct Field {
    std::string c_name;       // "" for an anonymous nested struct/union member
    std::string py_name;
    TypeId type;
    uint64_t offset_bits = 0; // from the start of the enclosing record
    std::optional<uint32_t> bit_width; // bitfields only
    bool is_const = false;    // field type is const-qualified: read-only from Python
    bool anonymous = false;   // unnamed struct/union member whose fields are reachable through the parent
    Binding binding;
    std::optional<Callback> callback; // function-pointer fields
};

struct Record {
    DeclInfo info;            // c_name = tag ("" if anonymous); py_name = class name
    bool is_union = false;
    bool complete = false;    // has a definition; incomplete records are opaque handles
    bool anonymous = false;   // no tag
    // How C code names the type: "struct foo", or the typedef name for `typedef struct {...} foo_t`,
    // "" for anonymous members (reachable only through the parent's field).
    std::string c_spelling;
    TypeId type;              // the Record type naming this record
    uint64_t size = 0;        // bytes (complete only)
    uint64_t align = 0;
    std::vector<Field> fields;
    RecordId parent;          // anonymous nested records: the enclosing record
    // Object-oriented API: filled by the methods pass.
    std::vector<FunctionId> methods;
    FunctionId constructor;
    std::optional<size_t> user_field; // index into fields of the user-data field, if any
    // Identity (the identity pass): the user-data slot an object keeps its Python wrapper in, so that one C object
    // is one Python object, and how the most specific class of an object is found.
    struct Identity {
        std::optional<size_t> field; // the user-data field (index into fields), or
        FunctionId get, set;         // the user-data accessors <T>_get_user_data(T *), <T>_set_user_data(T *, void *)
        FunctionId get_class;        // <T>_get_class(T *) returning a pointer to a class descriptor, if any
        // Every class of its objects (-1: the record's own class, else an object class) with the C name of its
        // descriptor global (<prefix>_<w>_class), "" when there is none or no get_class.
        std::vector<std::pair<int32_t, std::string>> classes;
    };
    std::optional<Identity> identity;
};

// ---- object classes: one per constructor of a base object type ----

// A class of objects of one record type made by one constructor: `<prefix>_<w>_create(...)` returning a pointer to
// a base object type (a record that constructors of several names return: LVGL's `lv_button_create` returning
// `lv_obj_t *` gives class `button`). It inherits the record's class; its methods are `<prefix>_<w>_<m>(T *self, ...)`.
struct ObjectClass {
    std::string py_name;       // "button"
    std::string stem;          // the function name stem, prefix stripped ("button")
    RecordId record;           // the base object type
    FunctionId constructor;
    std::vector<FunctionId> methods;
    Binding binding;
};

// ---- enums ----

struct EnumConstant {
    std::string c_name;
    int64_t value = 0;        // as signed; see Enum::is_signed
    uint64_t uvalue = 0;      // as unsigned
    std::string py_name;      // flat module name (prefix stripped)
    GroupId group;            // class this constant is a member of, if grouped
    std::string member_name;  // name inside that class
    bool flat = true;         // also a module attribute named py_name
    // The object-like macro that is the whole initializer (`ENUM_X = X`), "" for any other initializer. The only
    // enumerator of an anonymous enum exports that macro (passes::macro_export).
    std::string initializer_macro;
    Binding binding;
};

struct Enum {
    DeclInfo info;            // c_name = tag ("" if anonymous)
    bool anonymous = false;
    std::string c_spelling;   // "enum foo", a typedef name, or ""
    TypeId type;              // the Enum type
    TypeId underlying;        // integer type
    bool is_signed = true;
    std::vector<EnumConstant> constants;
};

// ---- typedefs ----

struct Typedef {
    DeclInfo info;
    TypeId type;              // the Typedef type naming this typedef
    TypeId target;            // aliased type (one step)
    // Set by naming: this typedef only names a record/enum whose class already has its Python name
    // (`typedef struct foo foo_t` with class foo_t): no separate module attribute.
    bool merged = false;
};

// ---- functions ----

struct Param {
    std::string c_name;       // may be "" in prototypes; naming gives py_name "arg<i>" then
    std::string py_name;
    TypeId type;              // as declared (arrays already decayed to pointers)
    std::optional<Callback> callback; // function-pointer parameters
};

struct Function {
    DeclInfo info;
    TypeId type;              // the Function type
    TypeId ret;
    std::vector<Param> params;
    bool variadic = false;
    bool no_prototype = false; // K&R
    bool is_inline = false;    // static inline, defined in the header
    // Object-oriented API (the methods pass)
    RecordId method_of;        // set: also a method of that record's class, first parameter is self
    std::string method_name;   // name inside the class
    bool is_constructor = false;
    int32_t object_class = -1; // a method or the constructor of Module::object_classes[object_class], not of the
                               // record's own class (method_of is then that class's base object type)
    bool flat = true;          // also a module attribute (methods and constructors are not, unless --flat-methods)
    // Closures of other functions' registrations this one releases once it returns (--release REG=remove:THIS or
    // REG=delete:THIS): by the handle the registration returned (its argument handle_param), or every one
    // registered on the object it gets (its argument 0).
    struct ReleaseTrigger {
        FunctionId registration;
        int user_param = -1;      // the registration's user-data parameter
        int handle_param = -1;    // -1: by object (argument 0)
    };
    std::vector<ReleaseTrigger> release_triggers;
    bool user_data_accessor = false; // a callback convention reads user data through it: its result is the user's
    // The user-data accessors of a record with identity (the identity pass): the slot holds the object's wrapper, so
    // these read and store the user's Python object kept in the wrapper instead (runtime/mpb_object_state.h).
    enum class IdentityUserData : uint8_t { None, Get, Set };
    IdentityUserData identity_user_data = IdentityUserData::None;
    // A function that acts on the closures another function's registrations made (the callbacks pass), given a
    // Python callable as its callback argument `param` (whose own convention is then None: C addresses pass as
    // usual). Rebind (`lv_timer_set_cb(timer, cb)`): the callable replaces the one the object's closure holds, read
    // through `accessor` (the object's user data). Remove (`lv_obj_remove_event_cb(obj, cb)`): each registration of
    // that callable on the object is removed by `remove_one(obj, cb, user_data)` given its closure, and released;
    // remove_one itself, given a Python callable, does the same for the registrations with that user data.
    struct ClosureTarget {
        enum class Kind : uint8_t { Rebind, Remove } kind = Kind::Rebind;
        size_t param = 0;
        FunctionId registration; // whose closures: its callback parameter reg_param, user data reg_user_param
        size_t reg_param = 0;
        int reg_user_param = -1;
        size_t index = 0;        // the callable's index in the closure
        std::string accessor;    // Rebind
        FunctionId remove_one;   // Remove
        bool with_user_data = false; // Remove: this is remove_one itself, its last argument the user data to match
    };
    std::optional<ClosureTarget> closure_target;
};

// ---- macros ----

enum class MacroKind : uint8_t { Int, Float, String };

struct Macro {
    DeclInfo info;
    MacroKind kind = MacroKind::Int;
    bool is_unsigned = false; // Int: the value's C type is unsigned
    int64_t int_value = 0;    // Int, signed view
    uint64_t uint_value = 0;  // Int, unsigned view
    double float_value = 0;   // Float
    std::string string_value; // String (bytes as in C, without the terminating NUL)
    std::string py_name;      // flat module name; same as info.py_name
    GroupId group;            // class this macro is also a member of
    std::string member_name;
    bool flat = true;         // module attribute named py_name (a grouped macro is a class member only by default)
};

// ---- global variables (the variables pass decides which are module attributes) ----

struct Variable {
    DeclInfo info;
    TypeId type;
    // `extern`: the storage lives in the library, the address is one for the whole program. Others (a
    // tentative definition `int x;`, `static`) would be a separate object in the generated module.
    bool is_extern = false;
    bool is_const = false;    // the variable itself is const-qualified: a read-only attribute
};

// ---- constant groups: Python classes holding enum constants and macros ----

struct GroupMember {
    std::string name;         // attribute name in the class
    EnumId enum_;             // either (enum_, constant) ...
    uint32_t constant = 0;
    MacroId macro;            // ... or a macro
};

struct Group {
    std::string py_name;      // class name at module level, e.g. "GPIO_MODE"
    std::string c_prefix;     // the C prefix it stands for, e.g. "GPIO_MODE_"
    std::vector<GroupMember> members;
    Binding binding;
    // Also an attribute `owner_name` of record class `owner` (LV_OBJ_FLAG_* -> obj.FLAG), if valid, or of object
    // class `owner_class` (LV_BUTTONMATRIX_CTRL_* -> buttonmatrix.CTRL) when that is not -1.
    RecordId owner;
    int32_t owner_class = -1;
    std::string owner_name;
};

// ---- memory the library keeps in MicroPython's GC heap ----

// A library whose state lives in the GC heap reaches it through a global pointer it declares (LVGL's lv_conf.h:
// `extern void *mp_lv_roots`); the module defines that variable and the two hooks the library calls to allocate
// and drop the block (`void init(void)`, `void deinit(void)`), the block sized by a type of the headers.
struct GcRoot {
    std::string var;    // the global `void *` the module defines
    std::string type;   // its block holds one of these (C spelling: a typedef name or "struct tag")
    std::string init;   // allocates the zeroed block unless it is already there
    std::string deinit; // lets the GC take it back
    bool enabled() const { return !var.empty(); }
};

} // namespace mpbind::ir
