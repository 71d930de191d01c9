// mpb_instance.h: struct instances as objects: recognised, made over C memory or as a copy, the memory they view,
// and the struct-class slots that need nothing but the instance.
#ifndef MPB_INSTANCE_H
#define MPB_INSTANCE_H

#include "mpb_types.h"

// True when o is an instance of some struct class (not of a Python subclass: see mpb_struct_native).
bool mpb_is_struct(mp_obj_t o);
// True when t is a struct class.
bool mpb_is_struct_type(const mp_obj_type_t *t);
// o itself, or for an instance of a Python class derived from a struct class (`class T2(esp.spi_transaction_t)`)
// the struct instance inside it, which holds the C memory.
mp_obj_t mpb_struct_native(mp_obj_t o);
// True when class t is want or inherits it (an object class and its base object type's class).
bool mpb_struct_inherits(const mp_obj_type_t *t, const mpb_struct_type_t *want);
// The struct class of instance o (an object, never a small int or qstr: read in place, every attribute access asks).
static inline const mpb_struct_type_t *mpb_struct_class(mp_obj_t o) {
    return MPB_STRUCT_OF(((const mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type);
}
// The memory an instance views; NULL only after __cast_instance__(None): a ValueError, never a memory access.
// Inline: every attribute access of a struct instance asks it.
static inline void *mpb_struct_data(mpb_struct_obj_t *self) {
    if (self->data == NULL) {
        mp_raise_ValueError(MPB_ERROR_TEXT("NULL struct instance"));
    }
    return self->data;
}

// A struct passed by value: an instance of exactly that type (or of a Python subclass); returns its (non-NULL) data.
void *mpb_get_struct_val(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i);
// An instance viewing C memory (None for NULL); owner keeps that memory alive when it lives in another object.
mp_obj_t mpb_new_struct_ref(const mpb_struct_type_t *type, void *data, mp_obj_t owner);
// A new owned instance holding a copy of src (for structs returned by value).
mp_obj_t mpb_new_struct_copy(const mpb_struct_type_t *type, const void *src);

// Slots of every struct class (MPB_DEFINE_STRUCT_TYPE).
void mpb_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind);
mp_obj_t mpb_struct_unary_op(mpb_unary_op_t op, mp_obj_t self_in);
mp_int_t mpb_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags);

#endif // MPB_INSTANCE_H
