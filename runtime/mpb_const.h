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

// Wider integers (beyond 31 bits on 32-bit targets, beyond 63 bits everywhere) are const int objects: an int whose
// digits are in ROM (`fixed_dig`: the core never grows or frees them). MPB_DEFINE_INT_CONST(var, neg, magnitude)
// defines one; MPB_ROM_WIDE_INT(v, var) is v as a small int with 64-bit words, else that object.
#define MPB_HAS_ROM_BIGINT (MICROPY_LONGINT_IMPL != MICROPY_LONGINT_IMPL_NONE)
#if MPB_HAS_ROM_INT64
#define MPB_ROM_WIDE_INT(v, var) MP_ROM_INT((mp_int_t)(v))
#else
#define MPB_ROM_WIDE_INT(v, var) MP_ROM_PTR(&var)
#endif
#if MICROPY_LONGINT_IMPL == MICROPY_LONGINT_IMPL_MPZ
#include "py/mpz.h"
#include "py/objint.h"
// Digit k of a 64-bit magnitude, least significant first; shifts are split so none reaches 64 bits.
#define MPB_MPZ_SHIFT(mag, k) ((mag) >> ((k) * MPZ_DIG_SIZE / 2) >> ((k) * MPZ_DIG_SIZE / 2))
#define MPB_MPZ_DIG(mag, k) ((mpz_dig_t)(MPB_MPZ_SHIFT(mag, k) & (((mpz_dbl_dig_t)1 << MPZ_DIG_SIZE) - 1)))
#define MPB_MPZ_LEN(mag) (MPB_MPZ_SHIFT(mag, 3) ? 4 : MPB_MPZ_SHIFT(mag, 2) ? 3 : MPB_MPZ_SHIFT(mag, 1) ? 2 : 1)
#define MPB_DEFINE_INT_CONST(var, neg_, mag) \
    static const mpz_dig_t var##_dig[4] = { \
        MPB_MPZ_DIG(mag, 0), MPB_MPZ_DIG(mag, 1), MPB_MPZ_DIG(mag, 2), MPB_MPZ_DIG(mag, 3) }; \
    static const mp_obj_int_t var = { { &mp_type_int }, \
        { .neg = (neg_), .fixed_dig = 1, .alloc = 4, .len = MPB_MPZ_LEN(mag), .dig = (mpz_dig_t *)var##_dig } }
#elif MICROPY_LONGINT_IMPL == MICROPY_LONGINT_IMPL_LONGLONG
#include "py/objint.h"
#define MPB_DEFINE_INT_CONST(var, neg_, mag) \
    static const mp_obj_int_t var = { { &mp_type_int }, (neg_) ? (mp_longint_impl_t)(0 - (mag)) : (mp_longint_impl_t)(mag) }
#endif

#endif // MPB_CONST_H
