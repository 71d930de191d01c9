// mpb_blob.h: Blob, the untyped C pointer object, and the conversions of every pointer kind.
#ifndef MPB_BLOB_H
#define MPB_BLOB_H

#include "mpb_types.h"

extern const mp_obj_type_t mpb_type_blob;

// The binary_op slot of every struct class: equal to a struct instance or a Blob of the same address (Blobs compare
// themselves with struct instances alike; both hash by the address, MPB_ADDRESS_HASH).
mp_obj_t mpb_struct_binary_op(mpb_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs);

// char *: str (its bytes), bytes, bytearray, Blob, None (NULL). Returns a C string: None gives NULL.
const char *mpb_get_str(mp_obj_t o, const void *where, size_t i);

// Untyped pointers: None, Blob, struct instance, C function, or any buffer (its address).
void *mpb_get_ptr(mp_obj_t o, const void *where, size_t i);
mp_obj_t mpb_new_ptr(const void *p);

// Pointers to a struct type: as mpb_get_ptr, but an instance of another struct type is a TypeError.
void *mpb_get_struct_ptr(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i);

// Function pointers: a C function object of a matching signature (its address), a Blob, or None.
mpb_cfun_t mpb_get_funptr(mp_obj_t o, const char *sig, const void *where, size_t i);
mp_obj_t mpb_new_funptr(mpb_cfun_t f);

#endif // MPB_BLOB_H
