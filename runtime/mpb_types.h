// mpb_types.h: the data shared by the runtime and generated modules: type codes, field and struct descriptors, objects.
#ifndef MPB_TYPES_H
#define MPB_TYPES_H

#include <stdint.h>
#include <stddef.h>
#include "mpb_compat.h"
#include "mpb_codes.h"

// How a C value is stored; fields and conversions are driven by this code. The codes are listed once, in
// mpb_codes.h, which the generator reads too: MPB_STR (char *: str <-> C string, None <-> NULL), MPB_PTR (untyped:
// Blob <-> address), MPB_STRUCT (stored inline, read by reference), MPB_STRUCT_PTR (an instance viewing C memory),
// MPB_FUNPTR (a C function object's address, Blob or None), MPB_OBJ (mp_obj_t: the object itself, NULL reads None).
typedef enum _mpb_code_t {
#define MPB_X(name, abi, ctype, size, get, make) MPB_##name,
    MPB_CODE_TABLE(MPB_X)
#undef MPB_X
} mpb_code_t;

// Field flags.
#define MPB_F_CONST (1)    // read-only from Python
#define MPB_F_BITFIELD (2) // ref.bits is valid; offset is the first byte holding bits
#define MPB_F_GLOBAL (4)   // the row describes a global variable, not a struct field (error messages say so)

struct _mpb_struct_type_t;
struct _mpb_identity_t;
struct _mpb_fun_t;
struct _mpb_cbslot_t;

// One field of a struct or union: data, not code, so a field costs a table row: 8 bytes and a pointer (16 on a 64-bit
// target, 12 on a 32-bit one). A bitfield has no struct class or slot, so its bits share the pointer's place; the
// generator leaves out (and reports) fields beyond what the 16-bit offset and count reach.
typedef struct _mpb_field_t {
    uint16_t name;       // qstr
    uint8_t code;        // mpb_code_t
    uint8_t flags;       // MPB_F_*
    uint16_t offset;     // byte offset in the struct (the first byte holding bits, for a bitfield)
    uint16_t count;      // array length for array fields, 0 for a single value
    union {
        const struct _mpb_struct_type_t *sub; // MPB_STRUCT, MPB_STRUCT_PTR: the struct's type
        const struct _mpb_cbslot_t *cb;       // MPB_FUNPTR: how a Python callable is stored (NULL: C addresses only)
        struct {
            uint8_t shift; // first bit within the byte at offset
            uint8_t width; // width in bits
        } bits;                               // MPB_F_BITFIELD
    } ref;
} mpb_field_t;

// Struct type flags.
#define MPB_S_UNION (1)
#define MPB_S_OPAQUE (2) // incomplete type: instances are handles, no fields, no T()
// No field shares a name with a member of the class or of the classes it inherits (the generator checks), so an
// attribute lookup may try the members first: a method call then skips the scan of the field table. Set for classes
// of objects with identity (used through their methods); plain structs keep fields first (read field by field).
#define MPB_S_MEMBERS_FIRST (4)

// A struct or union class: a MicroPython type followed by its layout. On >= 1.20 the type holds only the slots struct
// classes fill (MPB_STRUCT_SLOTS: make_new, print, unary_op, attr, subscr, buffer, locals_dict, binary_op, parent),
// laid out as mp_obj_type_t's own slots, where mp_obj_full_type_t would hold one for every slot MicroPython has.
#define MPB_STRUCT_SLOTS 9
typedef struct _mpb_struct_type_t {
    #if MPB_NEW_API
    mp_obj_empty_type_t type;
    const void *slots[MPB_STRUCT_SLOTS];
    #else
    mp_obj_type_t type;
    #endif
    uint32_t size;
    uint16_t n_fields;
    uint8_t flags;
    const mpb_field_t *fields;
    const struct _mpb_fun_t *ctor; // T(...) calls this C function when set (<prefix>_<T>_create)
    const struct _mpb_identity_t *identity; // objects keep their wrapper in a user-data slot (mpb_identity.h), or NULL
} mpb_struct_type_t;

// A class of a record type's objects and its class descriptor (what <T>_get_class(obj) returns for its objects).
typedef struct _mpb_class_entry_t {
    const void *descriptor; // NULL: none
    const mpb_struct_type_t *cls;
} mpb_class_entry_t;

// How the objects of one record type keep their Python wrapper (generated: the accessors of a user-data field, or
// the library's own user-data functions), and every class their wrappers can have.
typedef struct _mpb_identity_t {
    void *(*get)(const void *obj);
    void (*set)(void *obj, void *wrapper);
    const void *(*get_class)(const void *obj); // the object's class descriptor; NULL when the library has none
    const mpb_class_entry_t *classes;
    size_t n_classes;
} mpb_identity_t;

// The hash of an address, the same for a struct instance and a Blob of one address (a small int on every target).
#define MPB_ADDRESS_HASH(p) MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)(p) >> 2))

// The MicroPython type of a struct class, and back.
#define MPB_STRUCT_BASE(st) ((const mp_obj_type_t *)&(st)->type)
#define MPB_STRUCT_OF(t) ((const mpb_struct_type_t *)(t))

// The field named `name` of struct class t, or NULL (inline: every attribute access asks it, and a
// subclass instance reaching C asks it for the names it set).
// Removes key from m; true when it was there. MicroPython's map leaves a removed entry's value in its slot for the
// caller to clear ("caller must NULL the value so the GC can clean up", py/map.c): until that slot is reused, the
// GC would otherwise still reach the object, and everything it holds, through the map.
static inline bool mpb_map_remove(mp_map_t *m, mp_obj_t key) {
    mp_map_elem_t *e = mp_map_lookup(m, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e == NULL) {
        return false;
    }
    e->value = MP_OBJ_NULL;
    return true;
}

static inline const mpb_field_t *mpb_find_field(const mpb_struct_type_t *t, qstr name) {
    for (size_t k = 0; k < t->n_fields; ++k) {
        if (t->fields[k].name == name) {
            return &t->fields[k];
        }
    }
    return NULL;
}

// A struct instance: a view of C memory, owned (GC heap) or borrowed (kept alive through owner).
typedef struct _mpb_struct_obj_t {
    mp_obj_base_t base;
    void *data;
    mp_obj_t owner; // what keeps data alive when it points into another object, else MP_OBJ_NULL
    size_t count;   // elements for T(n) arrays; 0 when unknown (a pointer from C), which disables bounds checks
} mpb_struct_obj_t;

// A C function bound to Python. Functions with the same C signature and plumbing share one wrapper and one shape
// (its row in the module's shapes), and the functions of one module share its function type, which holds the
// module's shapes, strings and struct classes: each function object holds only what is its own (its address, name,
// parameter names, struct classes and the index of its shape), 24 bytes on a 64-bit target, 16 on a 32-bit one.
typedef struct _mpb_fun_t mpb_fun_t;
typedef mp_obj_t (*mpb_wrapper_t)(const mpb_fun_t *self, const mp_obj_t *args);
typedef void (*mpb_cfun_t)(void); // the generic function pointer type: C99 allows casting back
typedef struct _mpb_fun_shape_t {
    mpb_wrapper_t wrapper;
    uint16_t sig;    // offset of the C signature as ABI codes ("i32(P,i32)") in the module's strings
    uint16_t n_args;
} mpb_fun_shape_t;
#define MPB_NO_PARAMS 0xffff  // a function object's params when its names did not fit in the 16-bit offsets
// Parameter names serve only error messages: modules compile them where the port asks for detailed messages, as the
// core names argument types only there (esp32 asks for normal ones). -DMPB_PARAM_NAMES=0/1 decides otherwise.
#ifndef MPB_PARAM_NAMES
#define MPB_PARAM_NAMES (MICROPY_ERROR_REPORTING >= MICROPY_ERROR_REPORTING_DETAILED)
#endif
#define MPB_NO_CLASSES 0xffff // a function object's classes when it has no struct-pointer argument or result

// The function type of one module: MicroPython's function type (the runtime's slots) and what its functions share.
typedef struct _mpb_fun_type_t {
    #if MPB_NEW_API
    mp_obj_full_type_t type;
    #else
    mp_obj_type_t type;
    #endif
    const mpb_fun_shape_t *shapes;
    // The module's strings: the C signatures first (equal strings, one shared wrapper), then the parameter-name lists
    // (names separated by ','), each '\0'-terminated; offsets into it are 16-bit.
    const char *strings;
    size_t strings_len; // as compiled, without the closing '\0': offsets beyond are names left out (MPB_PARAM_NAMES)
    const struct _mpb_struct_type_t *const *classes;
} mpb_fun_type_t;

struct _mpb_fun_t {
    mp_obj_base_t base;            // its type: the module's mpb_fun_type_t
    mpb_cfun_t addr;               // the C function's address ("hybrid": stored raw into C function pointers)
    uint16_t shape;                // index in the module's shapes
    uint16_t name;                 // qstr
    uint16_t params;               // offset of its parameter names in the module's strings (for error messages)
    // Offset in the module's classes of the struct classes of its struct-pointer arguments (index i) and result
    // (index n_args): the classes are data, so functions differing only in which struct they point to share a
    // wrapper. Only struct-pointer positions are read.
    uint16_t classes;
};

static inline const mpb_fun_type_t *mpb_fun_module(const mpb_fun_t *f) {
    return (const mpb_fun_type_t *)f->base.type;
}

static inline const mpb_fun_shape_t *mpb_fun_shape(const mpb_fun_t *f) {
    return &mpb_fun_module(f)->shapes[f->shape];
}

static inline const char *mpb_fun_sig(const mpb_fun_t *f) {
    return mpb_fun_module(f)->strings + mpb_fun_shape(f)->sig;
}

// The struct class of argument i (i = n_args: the result) of a function with struct classes.
static inline const struct _mpb_struct_type_t *mpb_fun_class(const mpb_fun_t *f, size_t i) {
    return mpb_fun_module(f)->classes[f->classes + i];
}

// An untyped C pointer.
typedef struct _mpb_blob_t {
    mp_obj_base_t base;
    void *ptr;
} mpb_blob_t;

// An array field viewed from Python: indexable with bounds checks, elements converted by the field's code.
typedef struct _mpb_array_obj_t {
    mp_obj_base_t base;
    void *data;
    const mpb_field_t *field;
    mp_obj_t owner;
} mpb_array_obj_t;

#endif // MPB_TYPES_H
