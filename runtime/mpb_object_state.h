// mpb_object_state.h: what Python keeps on an object with identity (mpb_identity.h) beyond its C data: the user's
// data of the library's user-data accessors, whose C slot holds the wrapper, and attributes of the user's own names
// (a custom widget's `obj.valid = False`). Both live in the object's one wrapper, kept as long as the object.
#ifndef MPB_OBJECT_STATE_H
#define MPB_OBJECT_STATE_H

#include "mpb_types.h"

// obj.get_user_data() (value MP_OBJ_NULL) or obj.set_user_data(value) of a record with identity, for function object
// self (its first argument's struct class): any Python object is kept in the wrapper and given back as itself (None
// when none was set); C's slot keeps the wrapper, so C never gets the address of a Python object it could free or
// write through. When C put data of its own in the slot, get gives that pointer (a Blob) and set replaces it.
mp_obj_t mpb_object_user_data(const mpb_fun_t *self, mp_obj_t obj, mp_obj_t value);

// The attribute `attr` of the user's own (no field, no class member) of wrapper self (of class t, with identity), in
// MicroPython's attr protocol: a load sets dest[0] when the object has it; a store (dest[1] the value) or deletion
// (dest[1] MP_OBJ_NULL) returns true when done. False: the object keeps no attributes (its slot holds C's data) or
// has no such attribute to delete.
bool mpb_object_attr(const mpb_struct_type_t *t, mpb_struct_obj_t *self, qstr attr, mp_obj_t *dest);

#endif // MPB_OBJECT_STATE_H
