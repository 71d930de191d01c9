// mpb_const.h: constants stored in ROM for module dicts and enum classes: floats, strings, wide integers.
#ifndef MPB_CONST_H
#define MPB_CONST_H

#include <stdint.h>
#include "mpb_types.h"

// Float objects can sit in ROM only where floats are boxed (object representations A and B).
#define MPB_HAS_ROM_FLOAT (MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_A || MICROPY_OBJ_REPR == MICROPY_OBJ_REPR_B)
// Same layout as the core's float object.
typedef struct _mpb_float_const_t {
    mp_obj_base_t base;
    mp_float_t value;
} mpb_float_const_t;
#define MPB_DEFINE_FLOAT_CONST(var, v) static const mpb_float_const_t var = { { &mp_type_float }, (mp_float_t)(v) }

// A str in ROM; hash 0 tells the core to compute it when needed.
#define MPB_DEFINE_STR_CONST(var, s) \
    static const mp_obj_str_t var = { { &mp_type_str }, 0, sizeof(s) - 1, (const byte *)(s) }

// Integers beyond 31 bits are small ints, hence ROM values, only with 64-bit words.
#define MPB_HAS_ROM_INT64 (UINTPTR_MAX > 0xFFFFFFFFu)

#endif // MPB_CONST_H
