// mpb_convert.h: conversions between Python objects and C values; fast paths inline, everything else out of line.
#ifndef MPB_CONVERT_H
#define MPB_CONVERT_H

#include "mpb_types.h"

// Where a value goes, for error messages: `where` is the mpb_fun_t and `i` the argument index,
// or `where` is an mpb_field_t and `i` is MPB_AT_FIELD.
#define MPB_AT_FIELD ((size_t)-1)

extern const mp_obj_type_t mpb_type_blob;
extern const mp_obj_type_t mpb_type_fun;

// Out of line: big ints, bools, range and type errors. Returns the value's two's complement bits.
int64_t mpb_int_slow(mp_obj_t o, mpb_code_t code, const void *where, size_t i);
double mpb_float_slow(mp_obj_t o, const void *where, size_t i);
mp_obj_t mpb_new_i64_slow(int64_t v);
MPB_NORETURN void mpb_raise_type(mp_obj_t o, const char *expected, const void *where, size_t i);

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

// char *: str (its bytes), bytes, bytearray, Blob, None (NULL). Returns a C string: None gives NULL.
const char *mpb_get_str(mp_obj_t o, const void *where, size_t i);
mp_obj_t mpb_new_str(const char *s);

// Untyped pointers: None, Blob, struct instance, C function, or any buffer (its address).
void *mpb_get_ptr(mp_obj_t o, const void *where, size_t i);
mp_obj_t mpb_new_ptr(const void *p);

// Pointers to a struct type: as mpb_get_ptr, but an instance of another struct type is a TypeError.
void *mpb_get_struct_ptr(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i);
// A struct passed by value: an instance of exactly that type; returns its (non-NULL) data.
void *mpb_get_struct_val(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i);
// An instance viewing C memory (None for NULL); owner keeps that memory alive when it lives in another object.
mp_obj_t mpb_new_struct_ref(const mpb_struct_type_t *type, void *data, mp_obj_t owner);
// A new owned instance holding a copy of src (for structs returned by value).
mp_obj_t mpb_new_struct_copy(const mpb_struct_type_t *type, const void *src);

// mp_obj_t values pass unconverted; a NULL object is None to Python.
static inline mp_obj_t mpb_obj_or_none(mp_obj_t o) {
    return o == MP_OBJ_NULL ? mp_const_none : o;
}

// Function pointers: a C function object of a matching signature (its address), a Blob, or None.
mpb_cfun_t mpb_get_funptr(mp_obj_t o, const char *sig, const void *where, size_t i);
mp_obj_t mpb_new_funptr(mpb_cfun_t f);

#endif // MPB_CONVERT_H
