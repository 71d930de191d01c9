// plan.h: the emission plan: everything the outputs contain, decided before any of them is written. The C emitter,
// the .pyi emitter, --json, the summary and --strict only read it, so what they say and what is emitted agree.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "conv.h"
#include "ir/module.h"

namespace mpbind::plan {

inline constexpr size_t none = SIZE_MAX;
// The runtime's 16-bit offsets into a module's string pool, shapes and classes (mpb_fun_t, mpb_fun_shape_t): the
// largest one, and the parameter names' offset that says "none" (MPB_NO_PARAMS: error messages then number the
// argument; MPB_NO_CLASSES likewise for a shape without struct classes).
inline constexpr size_t max_string_offset = 0xfffe;
inline constexpr size_t no_params = 0xffff;

// ---- where things lie in C memory ----

// A member's place: the byte offset mpbind computed for its target (--target), the member designator relative to
// the top-level record that contains it, and the C expression a table holds: `offsetof(record_c, designator)`
// (minus `offsetof(record_c, base)` inside a nested record), measured by the compiler that builds the module, or
// the computed bytes where C cannot name the record (and for bit-fields, whose bits only mpbind places).
struct Offset {
    uint64_t bytes = 0;     // from the start of the record whose table holds the row
    std::string record_c;   // C spelling of the top-level record ("struct geom", "point_t"), "" when C cannot name it
    std::string designator; // the member within record_c ("x", "inner.y", a flattened anonymous member's field "u")
    std::string base;       // designator of the row's own record within record_c ("" when that is record_c itself)
    std::string c;          // what the C file writes: the offsetof expression, or `bytes`
};

// A compile-time check of what mpbind decided for its target (MPB_LAYOUT_CHECK, runtime/mpb_layout.h): `condition`
// must hold for the compiler that builds the module; `what` names what was assumed ("pt_t.x (int) is 4 bytes").
struct LayoutCheck {
    std::string condition;
    std::string what;
};

// Where a user-data pointer is found: nowhere, the callback argument itself, or a struct's user field.
struct UserRef {
    enum class Kind : uint8_t { None, IsArg, Field } kind = Kind::None;
    ir::RecordId record;    // Field: the struct holding the user field
    std::string record_c;   // Field: that struct's C spelling (its class name when anonymous), for reports
    std::string field;      // Field: its C name
    Offset offset;          // Field: its place
};

// ---- callbacks: how each function-pointer slot takes Python callables, one type per convention ----
namespace cb {

// C addresses only (C function objects, Blobs, None): nothing leads from C's arguments back to a callable. Unless
// on_closure: the function acts on the closure a registration made, so Python callables are taken there (reason).
struct AddressOnly {
    std::string reason;
    bool on_closure = false;
};
// A registration function's void * user data comes back as callback argument back_arg (qsort_r, sqlite3_exec):
// the wrapper passes a closure of every callable sharing that user-data parameter; this one is callables[index].
// The closure is released by `release` (the same for every callback of one user-data parameter; `release_origin`
// says how that was decided); a destroy-notify callback's trampoline releases it after calling its callable.
struct Closure {
    size_t user_param = 0;
    size_t back_arg = 0;
    size_t index = 0;
    ir::Release release = ir::Release::Keep;
    std::string release_origin;
    bool destroy_notify = false;
    bool records_handle = false; // a removal function releases by what the registration returned
    bool released_by_call = false; // a removal or deletion function releases it (the origin names which)
    std::string accessor; // the user data comes back as accessor(argument back_arg) (lv_event_get_user_data(e))
};
// A callback field whose argument ctx_arg points to a struct with a user field (LVGL's drv.flush_cb, ESP-IDF's
// devcfg.post_cb through trans.user): the callable is in that struct's user-data dict, stored through the owner
// (the field's own struct) when it has a user field, else in the module roots.
struct StructArg {
    size_t ctx_arg = 0;
    UserRef ctx;   // Kind::Field
    UserRef owner; // Kind::Field or Kind::None (a pool of pool_size trampolines)
    size_t pool_size = 0;
};
// A callback field handed its own struct's user field (zlib's zalloc(opaque, ...)): the argument is the dict.
struct OwnUserData {
    size_t ctx_arg = 0;
    UserRef owner; // Kind::Field
};
// A registration function whose first parameter points to a struct with a user field (obj_add_event_cb(obj, cb)):
// the callable goes into that struct's dict when the callback gets the same struct back (ctx_arg), else the roots.
struct FirstArg {
    std::string registration; // the first parameter's struct (C spelling), for reports
    std::optional<size_t> ctx_arg;
    UserRef ctx;   // Kind::Field, or Kind::None when the callback gets no struct with a user field
    UserRef owner; // Kind::Field when the callback's struct is the registration's, else Kind::None (roots)
};

// A field nothing in C's arguments leads back from: a pool of `size` trampolines, one per instance holding a callable.
struct Pool {
    size_t size = 0;
};

using Convention = std::variant<AddressOnly, Closure, StructArg, OwnUserData, FirstArg, Pool>;

} // namespace cb

// One function-pointer slot (a field or a parameter).
struct Callback {
    std::string where;      // "field post_cb of devcfg_t", "parameter cb of foo"
    ir::Location loc;       // of the record or function
    std::string signature;  // the callback's C function type, for reports
    std::string abi_sig;    // its ABI signature: a C function given instead must match it
    std::string key;        // "<owner>_<slot>": the qstr under which a struct convention keeps the callable
    bool isr = false;       // --isr: runs in interrupt context
    bool ends_handles = false; // its trampoline releases the handles (mpb_handle) it is handed as void * arguments
    cb::Convention convention;
    size_t trampoline = none; // index into Plan::trampolines (none for AddressOnly)
    size_t slot_desc = none;  // index into Plan::slots (struct conventions)

    bool python() const { return !std::holds_alternative<cb::AddressOnly>(convention); }
    const char *convention_name() const;
};

// A value crossing a trampoline (an argument of the C callback, or its result).
struct TrampolineValue {
    std::string c_type; // ABI C type
    Conv conv;
    std::string cls;    // class symbol for struct pointers and structs by value
};

// A C function with the exact signature of a callback, calling a Python callable.
struct Trampoline {
    std::string symbol;
    std::vector<std::string> serves; // "parameter cb of foo", ...: the first names it, the others reuse it
    TrampolineValue ret;
    std::vector<TrampolineValue> args;
    bool isr = false;
    // Closure: the closure arrives as argument `ctx_arg`; the callable is its callables[index].
    // Slot: mpb_cb_find(&slot, argument ctx_arg); `ctx_is_user_data`: that argument is the user-data dict itself.
    enum class Find : uint8_t { Closure, Slot } find = Find::Closure;
    std::optional<size_t> ctx_arg;
    size_t index = 0;
    size_t slot = none;
    bool ctx_is_user_data = false;
    bool releases_closure = false; // Closure: a destroy-notify, called once; releases the closure after its callable
    std::string accessor;          // Closure: the closure is accessor(argument ctx_arg); the argument itself passes
    bool releases_handles = false; // after the call, its void * arguments are released as handles (a close callback)
    // Slot: slots whose trampolines would differ only in the slot they name share one body, which takes the slot;
    // each keeps its own small trampoline (its own address) that passes it. The trampoline defining that body, or
    // none when the body is its own and names its slot.
    size_t body = none;
};

// A runtime callback slot (mpb_cbslot_t) of a struct convention.
struct Slot {
    std::string symbol;
    size_t trampoline = none;
    std::string abi_sig;
    std::string key;
    UserRef ctx;   // where mpb_cb_find looks (the struct argument's user field, or the argument itself)
    UserRef owner; // where mpb_cb_store keeps it (the owner struct's user field, or the roots)
    size_t pool = 0; // trampolines of its pool (0: one trampoline)
};

// ---- classes ----

struct FieldRow {
    std::string py_name;
    std::string c_name;
    Conv conv;
    bool is_const = false;
    std::optional<uint32_t> bit_width; // bitfields: width; bit_shift is the first bit in the byte at offset
    uint32_t bit_shift = 0;
    Offset offset;
    std::string sub;                 // Struct, StructPtr: the class symbol
    size_t callback = none;          // FunPtr: index into Plan::callbacks
};

// How the objects of a record type keep their Python wrapper in their user-data slot, and find their most specific
// class (ir::Record::Identity); shared by the record's class and its object classes.
struct Identity {
    std::string symbol;     // the mpb_identity_t; symbol + "_get", "_set", "_class", "_classes": its parts
    std::string c_type;     // the record as C names it
    std::string field;      // the user-data field's C name, or
    std::string get, set;   // the user-data accessors (C functions)
    std::string get_class;  // the class accessor (C function), "" for none
    std::vector<std::pair<std::string, std::string>> classes; // class symbol, its descriptor global ("" for none)
};

struct Local {
    std::string name;   // attribute name (qstr)
    std::string symbol; // object it names
};

struct Class {
    ir::RecordId record;
    std::string symbol;        // the mpb_struct_type_t
    std::string fields_symbol; // its field table
    std::string locals_symbol; // its locals dict (and locals_symbol + "_table")
    std::string name;          // class name (qstr)
    std::string comment;       // "struct foo" or the class name
    std::string c_spelling;    // "" for anonymous records
    bool module_attribute = false; // nested anonymous records are reached through their parent only
    bool is_union = false;
    bool complete = false;
    uint64_t size = 0;             // for mpbind's target
    std::string size_c;            // what the C file writes: sizeof of the record as C names it, or `size`
    std::vector<LayoutCheck> checks; // the field widths, array lengths and bit-field layout the table assumes
    std::vector<FieldRow> rows;
    std::vector<Local> locals;     // methods, then attached constant classes
    std::string constructor;       // function object symbol, "" for none
    // An object class (ir::ObjectClass): the class symbol of its base object type's class, whose layout (size,
    // field table) it shares and whose locals it inherits; "" for a record's own class.
    std::string parent;
    std::string identity;          // its objects' mpb_identity_t, "" for none
    // Objects with identity, and no field shares a name with a member (locals, the runtime's own, a base's): lookups
    // may try members first.
    bool members_first = false;
    std::vector<size_t> trampolines; // written just before this class (its fields' callbacks)
    std::string doc;
};

// ---- functions ----

struct Param {
    std::string py_name;
    std::string c_name;
    ir::TypeId type;
    Conv conv;
    std::string abi_type;
    std::string cls;            // StructPtr / Struct: the class symbol
    std::string fn_sig;         // FunPtr: the ABI signature of the function it points to
    size_t callback = none;     // index into Plan::callbacks for function-pointer parameters
    Conv array;                 // parameters `T *`: the elements a list or tuple gives (Code::VOID: none)
};

// The callbacks sharing one void * user-data parameter: one closure holds their callables.
struct ClosureGroup {
    size_t user_param = 0;
    std::vector<size_t> callback_params; // in order; the callable of params[k] is callables[k]
    std::optional<size_t> instance_param; // the object a registration is made on (sqlite3_update_hook's db)
    ir::Release release = ir::Release::Keep; // when the closure is released
    std::optional<size_t> destroy_param;  // Release::Destroy: the destroy-notify parameter (always given a trampoline)
    bool records_handle = false;          // a removal function releases the closure by the registration's result
};

// What a wrapper does once its C call has returned: a registration records the handle it returned in its closure;
// a removal function releases the closures of a registration slot by the handle it was given, a deletion function
// those made on the object it was given.
struct PostCall {
    enum class Kind : uint8_t { RecordHandle, ReleaseHandle, ReleaseObject } kind = Kind::RecordHandle;
    size_t user_param = 0; // RecordHandle: the user-data parameter whose closure records it
    std::string slot;      // Release*: the registration slot, `(const char *)&<its function object> + <user param>`
    size_t param = 0;      // Release*: the argument holding the handle, or the object
    std::optional<size_t> object_param; // ReleaseHandle: the argument naming the object too (handles per object)
};

// One C function wrapper, shared by every function of its ABI signature and callback plumbing.
struct Wrapper {
    std::string symbol;   // named after the first function using it
    std::string c_type;   // the function type it calls self->addr through (ABI types)
    std::string abi_sig;
    std::vector<Param> params; // of the first function (others differ only in names and struct classes)
    Param ret;
    std::vector<ClosureGroup> closures;
    std::vector<PostCall> post;      // after the C call, in order
    bool returns_user_data = false;  // a user-data accessor: a closure pointer returns the registration's user data
    // A user-data accessor of a record with identity: reads or stores the Python object the wrapper keeps (the C
    // function is not called: its slot holds the wrapper).
    ir::Function::IdentityUserData identity_user_data = ir::Function::IdentityUserData::None;
    // A function acting on another registration's closures (ir::Function::ClosureTarget), given a Python callable as
    // its argument 1: the registration's closures are found under `key` (`(const char *)&<its function object> +
    // <user param>`), the callable at `index`; C gets `trampoline` (declared by `trampoline_decl`, as the
    // registration may come later in the module). Rebind reads the object's closure with `accessor`; Remove calls
    // the C function of function object `remove_one` (ABI result and parameter types: called through its address,
    // as wrappers call theirs) with the object, the trampoline and each closure.
    struct ClosureTarget {
        bool remove = false;
        std::string key;
        size_t index = 0;
        std::string trampoline, trampoline_decl;
        std::string accessor;
        std::string remove_one, remove_ret;
        std::vector<std::string> remove_params;
        bool with_user_data = false; // Remove: argument 2 is the user data the registrations must have had
        std::string registration; // C name, for comments and reports
    };
    std::optional<ClosureTarget> closure_target;
    std::vector<size_t> trampolines; // written just before the wrapper
};

// What the functions of one wrapper share (a row of the module's shapes, MPB_FUN_SHAPE): wrapper, signature, argument
// count.
struct Shape {
    size_t wrapper = 0;      // index into Plan::wrappers
    size_t sig_offset = 0;   // of the ABI signature in Plan::strings
    size_t n_args = 0;
};

struct Function {
    ir::FunctionId id;
    std::string c_name;
    std::string py_name;
    std::string prototype;      // "int geom_add(int a, int b)"
    std::string object;         // the mpb_fun_t symbol
    size_t wrapper = 0;         // index into Plan::wrappers
    bool defines_wrapper = false; // the first function of its wrapper: the wrapper is written before its object
    std::string abi_sig;
    std::string param_names;    // "a,b"
    std::vector<Param> params;
    Param ret;
    std::vector<std::string> types; // per parameter and the result: class symbol or ""
    size_t shape = 0;           // index into Plan::shapes (the module's shapes)
    size_t classes_offset = none; // of its struct classes (types, up to the last class) in Plan::class_pool
    size_t params_offset = 0;   // of param_names in Plan::strings, no_params when beyond 16-bit offsets
    std::string method_of;      // class symbol, "" when not a method
    std::string method_name;
    bool is_constructor = false;
    bool module_attribute = true; // also a module function (methods are not, unless --flat-methods)
    std::string name;           // the function object's own name (qstr): py_name, else the method or class name
    std::string doc;
};

// ---- constants ----

// A constant's value as a ROM object: a small int (31 bits, on every target); a wide int (63 bits: a small int with
// 64-bit words, else a const int object); a big int (beyond 63 bits: always a const int object); a float; a str.
struct Value {
    enum class Kind : uint8_t { SmallInt, WideInt, BigInt, Float, Str } kind = Kind::SmallInt;
    int64_t i = 0;
    uint64_t u = 0;
    bool is_unsigned = false;
    double f = 0;
    std::string s;
    std::string symbol; // WideInt, BigInt, Float, Str: the ROM object
    const char *guard() const; // preprocessor condition under which the value exists, "" for always
};

struct Constant {
    std::string name;
    size_t value = 0; // index into Plan::values
};

struct Group {
    std::string symbol;
    std::string locals_symbol;      // its locals dict (and locals_symbol + "_table")
    std::string name;               // class name (qstr)
    std::vector<Constant> members;
    bool module_attribute = false;  // also a module attribute (else only an attribute of its owner class)
    std::string owner;              // class symbol it is attached to, "" for none
    std::string owner_name;
};

// ---- global variables ----

// A global variable as a module attribute: a struct (or union) is an instance viewing the variable itself, so
// passing it to C passes the variable's own address; a scalar (number, enum, pointer, string) is a ROM object the
// module's attribute slot reads and writes (Plan::module_type).
struct Variable {
    std::string name;        // module attribute
    std::string c_name;
    std::string symbol;      // its ROM object
    Conv conv;               // Struct: by reference; otherwise the scalar's code
    std::string cls;         // Struct, StructPtr: the class symbol
    bool read_only = false;  // a const variable
    bool by_reference() const { return conv.code == Code::STRUCT; }
};

// ---- the module ----

// A module attribute: an object (symbol) or a constant (value).
struct Global {
    std::string name;
    std::string symbol;  // "" for a constant
    size_t value = none; // index into Plan::values
};

// A declaration (or a part: field, enum constant) that is not bound, or a callback slot taking C addresses only.
struct Skip {
    std::string what;   // "function foo", "field s.x", "enum constant A", "callback parameter cb of f"
    std::string reason;
    ir::Location loc;
};

// ---- the report model: every declaration of the bound headers, as --json lists it ----
struct ReportParam {
    std::string name;
    std::string type;
    size_t callback = none;
};
struct ReportField {
    std::string c_name;
    std::string py_name;    // "" for anonymous members
    std::string type;
    std::optional<uint32_t> bits;
    bool is_const = false;
    bool anonymous = false;
    ir::Status status = ir::Status::Bound;
    std::string reason;
    size_t callback = none;
};
struct ReportConstant {
    std::string c_name;
    bool is_signed = true;
    int64_t value = 0;
    uint64_t uvalue = 0;
    ir::Status status = ir::Status::Bound;
    std::string reason;
};
struct MacroValue {
    ir::MacroKind kind = ir::MacroKind::Int;
    bool is_unsigned = false;
    int64_t i = 0;
    uint64_t u = 0;
    double f = 0;
    std::string s;
};
struct Decl {
    enum class Kind : uint8_t { Function, Struct, Union, Enum, Typedef, Macro, Variable } kind;
    std::string c_name;
    std::string py_name;    // when bound
    ir::Status status = ir::Status::Bound;
    std::string reason;
    ir::Location loc;
    bool in_bound_header = false;
    bool in_excluded_header = false; // --exclude-headers
    std::string type;       // function type, typedef target, variable type
    std::vector<ReportParam> params;
    bool is_inline = false;
    bool is_method = false;
    bool complete = false;
    std::vector<ReportField> fields;
    std::vector<ReportConstant> constants;
    MacroValue value;
};

struct ApiClass {
    std::string name;
    std::string c_type;
    std::string base;                    // the class it inherits from, "" for none
    // One Python object per C object: where the wrapper is kept ("field user_data", "lv_obj_get_user_data and
    // lv_obj_set_user_data"), how the most specific class is found (the class accessor, the descriptors by class).
    std::string identity_slot;
    // The user-data accessors that keep the user's Python object in the wrapper (get, set: C function names), and
    // whether objects keep attributes of the user's own names (every class with identity does).
    std::string user_data_get, user_data_set;
    std::string class_accessor;
    std::vector<std::pair<std::string, std::string>> descriptors; // class name, descriptor global
    std::vector<std::string> attributes; // fields, anonymous members' fields included
    std::string constructor;             // function py name
    std::vector<std::pair<std::string, std::string>> methods;          // method name, function py name
    std::vector<std::pair<std::string, std::string>> constant_classes; // attribute, class name
};

struct Plan {
    std::string module;                 // Python module name
    std::vector<std::string> headers;   // as the generated C includes them ("geom.h")
    std::string target;                 // the triple every size and offset was computed for
    std::vector<LayoutCheck> target_checks; // the scalar types wrappers and trampolines pass by value

    std::vector<Callback> callbacks;
    std::vector<Trampoline> trampolines;
    std::vector<Slot> slots;
    std::vector<Value> values;          // constant values needing ROM objects or guards, once each
    std::vector<Group> groups;
    std::vector<Constant> flat_constants; // enum constants and macros that are module attributes
    std::vector<Class> classes;
    std::vector<Identity> identities;   // written before the classes
    std::vector<Wrapper> wrappers;
    std::vector<Function> functions;
    std::vector<std::string> class_pool; // the module's classes: each function's table, overlapping where they agree
                                         // (a position without a class, "", is never read)
    std::vector<Shape> shapes;
    std::string strings_symbol;         // the module's string pool: signatures, then parameter-name lists
    std::string shapes_symbol;          // the module's shapes (Plan::shapes), its classes (Plan::class_pool) and its
    std::string classes_symbol;         // function type, which holds both and the strings
    std::string fun_type_symbol;
    std::string strings;                // its contents, each string '\0'-terminated
    size_t param_names_at = 0;          // where the parameter-name lists begin in it
    std::vector<Variable> variables;
    std::vector<Global> globals;        // the module dict, in order (runtime names last)
    ir::GcRoot gc_root;                 // the GC-heap variable and hooks the module defines, when enabled
    // The module object's type: the core's, or (with scalar global variables) mp_module_<name>_type, defined by
    // the module with the runtime's slots that read and write them.
    std::string module_type = "mp_type_module";
    // `_nesting` (runtime/mpb_pending.h): modules with trampolines expose the depth of running callbacks, which an
    // event loop reads to stay out of the library while one of its callbacks runs (unless the library names it).
    bool nesting = false;
    bool own_module_type() const { return module_type != "mp_type_module"; }

    std::vector<Skip> skipped;          // Skipped declarations and parts: --strict fails on these
    std::vector<Skip> address_only;     // callback slots that take C addresses only (not a skip)
    size_t closure_targets = 0;         // callback parameters of functions acting on a registration's closure
    std::vector<Decl> decls;            // the report model
    std::vector<ApiClass> api_classes;
    std::vector<std::pair<std::string, size_t>> aliases; // typedef name, index into classes
    size_t excluded = 0;                // excluded functions and macros of the bound headers (for the summary)
    size_t excluded_by_header = 0;      // of which in headers --exclude-headers matches
};

} // namespace mpbind::plan
