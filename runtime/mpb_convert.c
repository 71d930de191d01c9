// mpb_convert.c: the out-of-line half of the number and string conversions: big ints, range and type errors.
#include <string.h>
#include "py/objint.h"
#include "mpb_convert.h"
#include "mpb_error.h"

typedef struct _int_range_t {
    const char *name;
    int64_t min;
    uint64_t max;
} int_range_t;

// Indexed by mpb_code_t from MPB_I8 to MPB_U64 (the ranges: mpb_codes.h).
static const int_range_t int_ranges[] = {
#define MPB_X(name, ctype, min, max) { #ctype, min, max },
    MPB_INT_CODE_TABLE(MPB_X)
#undef MPB_X
};
typedef char mpb_check_int_ranges[MP_ARRAY_SIZE(int_ranges) == MPB_U64 - MPB_I8 + 1 ? 1 : -1];

MPB_NORETURN static void raise_range(const int_range_t *r, const void *where, size_t i) {
    mpb_raise_at(&mp_type_OverflowError, where, i, "value out of range for ", r->name);
}

// A big int (beyond the small int range) that must fit r: returns its two's complement bits. Works on the
// magnitude with unsigned bounds: the core's mpz_set_from_ll negates INT64_MIN (undefined behaviour), and its
// to_bytes does not sign-extend short negatives.
static int64_t big_int_bits(mp_obj_t o, const int_range_t *r, const void *where, size_t i) {
    bool neg = mp_obj_int_sign(o) < 0;
    mp_obj_t mag = neg ? mp_unary_op(MP_UNARY_OP_NEGATIVE, o) : o;
    uint64_t limit = neg ? (uint64_t)0 - (uint64_t)r->min : r->max;
    if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE, mag, mp_obj_new_int_from_ull(limit)))) {
        raise_range(r, where, i);
    }
    uint64_t u = 0;
    if (mpb_is_small_int(mag)) {
        u = (uint64_t)MP_OBJ_SMALL_INT_VALUE(mag);
    } else {
        byte buf[8];
        mpb_int_to_bytes_le(mag, sizeof(buf), buf);
        for (int k = 7; k >= 0; --k) {
            u = (u << 8) | buf[k];
        }
    }
    return (int64_t)(neg ? (0 - u) : u);
}

mp_obj_t mpb_new_i64_slow(int64_t v) {
    if (v >= 0) {
        return mp_obj_new_int_from_ull((uint64_t)v);
    }
    return mp_unary_op(MP_UNARY_OP_NEGATIVE, mp_obj_new_int_from_ull((uint64_t)0 - (uint64_t)v));
}

int64_t mpb_int_slow(mp_obj_t o, mpb_code_t code, const void *where, size_t i) {
    const int_range_t *r = &int_ranges[code - MPB_I8];
    if (mpb_is_small_int(o)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(o);
        if ((v < 0 && v < r->min) || (v > 0 && (mp_uint_t)v > r->max)) {
            raise_range(r, where, i);
        }
        return v;
    }
    if (o == mp_const_false || o == mp_const_true) {
        return o == mp_const_true;
    }
    if (mpb_is_big_int(o)) {
        return big_int_bits(o, r, where, i);
    }
    mpb_raise_type(o, "int", where, i);
}

double mpb_float_slow(mp_obj_t o, const void *where, size_t i) {
    if (mpb_is_small_int(o) || o == mp_const_false || o == mp_const_true || mpb_is_big_int(o)) {
        return mp_obj_get_float(o);
    }
    mpb_raise_type(o, "float", where, i);
}

mp_obj_t mpb_new_str(const char *s) {
    if (s == NULL) {
        return mp_const_none;
    }
    return mpb_obj_new_str(s, strlen(s));
}

#if !MPB_NEW_API
void *mpb_obj_malloc_helper(size_t size, const mp_obj_type_t *type) {
    mp_obj_base_t *base = m_malloc(size);
    base->type = type;
    return base;
}
#endif
