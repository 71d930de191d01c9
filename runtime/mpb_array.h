// mpb_array.h: views of array fields (`int a[4]` in a struct): indexable with bounds checks, buffer protocol.
#ifndef MPB_ARRAY_H
#define MPB_ARRAY_H

#include "mpb_types.h"

extern const mp_obj_type_t mpb_type_array;

// A view of the f->count elements at data; owner keeps data alive.
mp_obj_t mpb_new_array(const mpb_field_t *f, void *data, mp_obj_t owner);
// Assigns a list, tuple or array view element-wise (missing trailing elements are left as they are).
void mpb_array_assign(const mpb_field_t *f, void *data, mp_obj_t value);

#endif // MPB_ARRAY_H
