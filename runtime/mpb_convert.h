// mpb_convert.h: conversions of numbers and strings between Python and C; fast paths inline, the rest out of line.
#ifndef MPB_CONVERT_H
#define MPB_CONVERT_H

#include "mpb_types.h"

// Every conversion takes (where, i) for its error messages (mpb_error.h: a function and argument, or a field).
// Out of line: big ints, bools, range and type errors. Returns the value's two's complement bits.
int64_t mpb_int_slow(mp_obj_t o, mpb_code_t code, const void *where, size_t i);
double mpb_float_slow(mp_obj_t o, const void *where, size_t i);
mp_obj_t mpb_new_i64_slow(int64_t v);

// Integers: a small int in the type's own range is the fast path; the rest (the other reading of the same bits,
// such as -1 for an unsigned type, big ints, errors) is in mpb_int_slow.
#define MPB_DEFINE_GET_INT(fname, T, code, is_signed) \
    static inline T fname(mp_obj_t o, const void *where, size_t i) { \
        if (MP_LIKELY(mpb_is_small_int(o))) { \
            mp_int_t v = MP_OBJ_SMALL_INT_VALUE(o); \
            if (MP_LIKELY(((is_signed) || v >= 0) && (mp_int_t)(T)v == v)) { \
                return (T)v; \
            } \
        } \
        return (T)mpb_int_slow(o, code, where, i); \
    }
MPB_DEFINE_GET_INT(mpb_get_i8, int8_t, MPB_I8, 1)
MPB_DEFINE_GET_INT(mpb_get_u8, uint8_t, MPB_U8, 0)
MPB_DEFINE_GET_INT(mpb_get_i16, int16_t, MPB_I16, 1)
MPB_DEFINE_GET_INT(mpb_get_u16, uint16_t, MPB_U16, 0)
MPB_DEFINE_GET_INT(mpb_get_i32, int32_t, MPB_I32, 1)
MPB_DEFINE_GET_INT(mpb_get_u32, uint32_t, MPB_U32, 0)
MPB_DEFINE_GET_INT(mpb_get_i64, int64_t, MPB_I64, 1)
MPB_DEFINE_GET_INT(mpb_get_u64, uint64_t, MPB_U64, 0)

static inline mp_obj_t mpb_new_small(mp_int_t v) {
    return MP_OBJ_NEW_SMALL_INT(v); // for 8 and 16 bit values, which always fit
}
static inline mp_obj_t mpb_new_i32(int32_t v) {
    if (MP_LIKELY(MP_SMALL_INT_FITS((mp_int_t)v))) {
        return MP_OBJ_NEW_SMALL_INT(v);
    }
    return mp_obj_new_int(v);
}
static inline mp_obj_t mpb_new_u32(uint32_t v) {
    mp_uint_t w = v; // widened first: with 64-bit words the test is always true, which -Wtype-limits flags
    if (MP_LIKELY(w <= (mp_uint_t)MP_SMALL_INT_MAX)) {
        return MP_OBJ_NEW_SMALL_INT(v);
    }
    return mp_obj_new_int_from_uint(v);
}
static inline mp_obj_t mpb_new_i64(int64_t v) {
    if (v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX) {
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)v);
    }
    return mpb_new_i64_slow(v);
}
static inline mp_obj_t mpb_new_u64(uint64_t v) {
    if (v <= (uint64_t)MP_SMALL_INT_MAX) {
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)v);
    }
    return mp_obj_new_int_from_ull(v);
}

// bool: any object, by its truth value, as Python's if does.
static inline bool mpb_get_bool(mp_obj_t o, const void *where, size_t i) {
    (void)where; // every mpb_get_* takes (where, i) for its error message; any object is a valid bool
    (void)i;
    return mp_obj_is_true(o);
}
static inline mp_obj_t mpb_new_bool(bool v) {
    return mp_obj_new_bool(v);
}

// float and double: floats, ints and bools.
static inline double mpb_get_double(mp_obj_t o, const void *where, size_t i) {
    if (MP_LIKELY(mp_obj_is_float(o))) {
        return mp_obj_float_get(o);
    }
    return mpb_float_slow(o, where, i);
}
static inline float mpb_get_float(mp_obj_t o, const void *where, size_t i) {
    return (float)mpb_get_double(o, where, i);
}
static inline mp_obj_t mpb_new_double(double v) {
    return mp_obj_new_float((mp_float_t)v);
}

// char * results: a str copied from the C string, None for NULL (arguments: mpb_get_str in mpb_blob.h).
mp_obj_t mpb_new_str(const char *s);

// mp_obj_t values pass unconverted; a NULL object is None to Python.
static inline mp_obj_t mpb_obj_or_none(mp_obj_t o) {
    return o == MP_OBJ_NULL ? mp_const_none : o;
}

#endif // MPB_CONVERT_H
