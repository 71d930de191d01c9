// mpb_field.h: the runtime's internal access to single C values by type code (used by structs and arrays).
#ifndef MPB_FIELD_H
#define MPB_FIELD_H

#include "mpb_types.h"

// Bytes of one element of field f (one array element for array fields).
size_t mpb_elem_size(const mpb_field_t *f);
// Reads or writes the single value at p typed as f says (ignoring count and bitfield).
mp_obj_t mpb_value_load(const mpb_field_t *f, void *p, mp_obj_t owner);
void mpb_value_store(const mpb_field_t *f, void *p, mp_obj_t v);

#endif // MPB_FIELD_H
