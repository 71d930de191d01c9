// mpb_global.h: C global variables as module attributes: structs as references to the variable itself, scalars
// read and written through the module's attribute slot.
#ifndef MPB_GLOBAL_H
#define MPB_GLOBAL_H

#include "mpb_types.h"

// What a struct instance of a global variable holds as its owner: the instance is a ROM object (it cannot be
// re-pointed), and a const variable's fields cannot be written (they are in read-only memory).
extern const mp_obj_base_t mpb_global_owner_rw;
extern const mp_obj_base_t mpb_global_owner_ro;

// A struct (or union) global variable: an instance viewing the variable, so passing it to C passes its own address.
#define MPB_DEFINE_GLOBAL_STRUCT(var, cls, addr, read_only) \
    const mpb_struct_obj_t var = { .base = { MPB_STRUCT_BASE(&(cls)) }, .data = (void *)(addr), \
                                   .owner = (mp_obj_t)((read_only) ? &mpb_global_owner_ro : &mpb_global_owner_rw) }

// True when instance s views a global variable (a ROM object); `read_only`: a const one.
static inline bool mpb_struct_is_global(const mpb_struct_obj_t *s, bool read_only) {
    return s->owner == (mp_obj_t)&mpb_global_owner_ro || (!read_only && s->owner == (mp_obj_t)&mpb_global_owner_rw);
}
// Raises AttributeError when instance s cannot be written (a const global) or, `repoint`, re-pointed (any global).
void mpb_struct_check_writable(const mpb_struct_obj_t *s, bool repoint);

// A scalar global variable (number, enum, pointer, string): its address and the field row that says how to convert
// it (MPB_F_CONST for a const variable). The module dict holds this object; the module's attribute slot reads it.
typedef struct _mpb_global_var_t {
    mp_obj_base_t base;
    void *addr;
    mpb_field_t row;
} mpb_global_var_t;

extern const mp_obj_type_t mpb_type_global_var;

// The slots of a module with scalar global variables (its own type, MPB_DEFINE_MODULE_VARS_TYPE): loads give the
// dict's entries, a variable's current value in place of its entry; stores reach writable variables only. A module
// of the core's type can do neither on v1.9.2 and cannot be written to on >= 1.20.
void mpb_module_vars_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind);
void mpb_module_vars_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);

// The type of one such module; its locals dict is the module's dict, which is what v1.9.2's dir() lists (the slots
// never read it: attr answers every lookup).
#if MPB_NEW_API
#define MPB_DEFINE_MODULE_VARS_TYPE(var, globals) \
    MP_DEFINE_CONST_OBJ_TYPE(var, MP_QSTR_module, MP_TYPE_FLAG_NONE, print, mpb_module_vars_print, \
        attr, mpb_module_vars_attr, locals_dict, &globals)
#else
#define MPB_DEFINE_MODULE_VARS_TYPE(var, globals) \
    const mp_obj_type_t var = { { &mp_type_type }, .name = MP_QSTR_module, .print = mpb_module_vars_print, \
        .attr = mpb_module_vars_attr, .locals_dict = (mp_obj_dict_t *)&globals }
#endif

#define MPB_DEFINE_GLOBAL_VAR(var, qname, code_, flags_, addr_, sub_) \
    const mpb_global_var_t var = { { &mpb_type_global_var }, (void *)(addr_), \
                                   { .name = qname, .code = code_, .flags = (flags_) | MPB_F_GLOBAL, .ref = { .sub = sub_ } } }

#endif // MPB_GLOBAL_H
