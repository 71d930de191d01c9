// mpb_cpointer.h: C_Pointer, the union (ptr_val, int_val, uint_val, str_val) for out-parameters, shared by every
// module.
#ifndef MPB_CPOINTER_H
#define MPB_CPOINTER_H

#include "mpb_struct.h"

extern const mpb_struct_type_t mpb_type_c_pointer;

#endif // MPB_CPOINTER_H
