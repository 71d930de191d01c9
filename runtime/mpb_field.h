// mpb_field.h: C data described by field rows: single values by type code, fields, array field views, struct
// assignment (used by the struct classes).
#ifndef MPB_FIELD_H
#define MPB_FIELD_H

#include "mpb_types.h"

extern const mp_obj_type_t mpb_type_array;

// Bytes of one element of field f (one array element for array fields).
size_t mpb_elem_size(const mpb_field_t *f);
// Reads or writes the single value at p typed as f says (ignoring count and bitfield).
mp_obj_t mpb_value_load(const mpb_field_t *f, void *p, mp_obj_t owner);
void mpb_value_store(const mpb_field_t *f, void *p, mp_obj_t v);
// The same with errors naming `where` and i (mpb_error.h) instead of the field: an argument's array elements.
void mpb_value_store_at(const mpb_field_t *f, void *p, mp_obj_t v, const void *where, size_t i);

// Reads or writes one field of the struct at data; owner keeps data alive for nested views.
mp_obj_t mpb_field_load(const mpb_field_t *f, void *data, mp_obj_t owner);
void mpb_field_store(const mpb_field_t *f, void *data, mp_obj_t value);

// A view of the f->count elements at data; owner keeps data alive.
mp_obj_t mpb_new_array(const mpb_field_t *f, void *data, mp_obj_t owner);
// Assigns a list, tuple or array view element-wise (missing trailing elements are left as they are).
void mpb_array_assign(const mpb_field_t *f, void *data, mp_obj_t value);

// The AttributeError for a name that is no field.
MPB_NORETURN void mpb_raise_no_field(const mpb_struct_type_t *t, qstr name);
// Stores value into the field named by `key` (a str is looked up without interning it: names of no field must not
// grow the qstr pool).
void mpb_store_named(const mpb_struct_type_t *t, void *data, mp_obj_t key, mp_obj_t value);
// Copies or initialises (from a dict, recursively) the struct at data from a Python value.
void mpb_struct_assign(const mpb_struct_type_t *type, void *data, mp_obj_t value, const void *where, size_t i);

#endif // MPB_FIELD_H
