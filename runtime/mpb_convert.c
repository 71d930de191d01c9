// mpb_convert.c: the out-of-line half of the conversions: big ints, range and type errors, strings, pointers.
#include <string.h>
#include "py/objint.h"
#include "mpb_runtime.h"
#include "mpb_error.h"

typedef struct _int_range_t {
    const char *name;
    int64_t min;
    uint64_t max;
} int_range_t;

// Indexed by mpb_code_t from MPB_I8 to MPB_U64. An N-bit integer takes every value whose N-bit two's complement
// pattern means the same in one of the two readings, signed or unsigned: -2^(N-1) .. 2^N-1, so `-1` for a uint32_t
// gives 0xFFFFFFFF and 0xFFFFFFFF for an int32_t gives -1, as C's conversion of that bit pattern does (and as C code
// passes portMAX_DELAY). Beyond N bits is an OverflowError.
static const int_range_t int_ranges[] = {
    { "int8_t", INT8_MIN, UINT8_MAX }, { "uint8_t", INT8_MIN, UINT8_MAX },
    { "int16_t", INT16_MIN, UINT16_MAX }, { "uint16_t", INT16_MIN, UINT16_MAX },
    { "int32_t", INT32_MIN, UINT32_MAX }, { "uint32_t", INT32_MIN, UINT32_MAX },
    { "int64_t", INT64_MIN, UINT64_MAX }, { "uint64_t", INT64_MIN, UINT64_MAX },
};

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

const char *mpb_get_str(mp_obj_t o, const void *where, size_t i) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mpb_is_str_or_bytes(o)) {
        size_t len;
        return mp_obj_str_get_data(o, &len); // the core keeps str data NUL-terminated
    }
    if (mpb_obj_is_type(o, &mpb_type_blob) || mpb_is_struct(o)) {
        return mpb_get_ptr(o, where, i);
    }
    mp_buffer_info_t bi;
    if (mp_get_buffer(o, &bi, MP_BUFFER_READ)) {
        return bi.buf;
    }
    mpb_raise_type(o, "str, bytes, buffer or None", where, i);
}

mp_obj_t mpb_new_str(const char *s) {
    if (s == NULL) {
        return mp_const_none;
    }
    return mpb_obj_new_str(s, strlen(s));
}

void *mpb_get_ptr(mp_obj_t o, const void *where, size_t i) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mpb_obj_is_type(o, &mpb_type_blob)) {
        return ((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    if (mpb_is_struct(o)) {
        return ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(o))->data;
    }
    if (mpb_obj_is_type(o, &mpb_type_fun)) {
        return (void *)(uintptr_t)((const mpb_fun_t *)MP_OBJ_TO_PTR(o))->addr;
    }
    mp_obj_t native = mpb_struct_native(o); // an instance of a Python subclass of a struct class
    if (native != o) {
        return ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(native))->data;
    }
    mp_buffer_info_t bi;
    if (!mpb_is_small_int(o) && mp_get_buffer(o, &bi, MP_BUFFER_READ)) {
        return bi.buf;
    }
    mpb_raise_type(o, "pointer (Blob, struct, buffer or None)", where, i);
}

mp_obj_t mpb_new_ptr(const void *p) {
    if (p == NULL) {
        return mp_const_none;
    }
    mpb_blob_t *b = mpb_obj_malloc(mpb_blob_t, &mpb_type_blob);
    b->ptr = (void *)p;
    return MP_OBJ_FROM_PTR(b);
}

void *mpb_get_struct_ptr(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i) {
    mp_obj_t s = mpb_is_struct(o) ? o : mpb_struct_native(o);
    if (mpb_is_struct(s) && mp_obj_get_type(s) != MPB_STRUCT_BASE(type)) {
        mpb_raise_type(o, qstr_str(type->type.name), where, i);
    }
    return mpb_get_ptr(s, where, i);
}

void *mpb_get_struct_val(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i) {
    o = mpb_struct_native(o);
    if (mp_obj_get_type(o) != MPB_STRUCT_BASE(type)) {
        mpb_raise_type(o, qstr_str(type->type.name), where, i);
    }
    void *data = ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(o))->data;
    if (data == NULL) {
        mpb_raise_at(&mp_type_ValueError, where, i, "NULL struct instance", "");
    }
    return data;
}

mp_obj_t mpb_new_struct_ref(const mpb_struct_type_t *type, void *data, mp_obj_t owner) {
    if (data == NULL) {
        return mp_const_none;
    }
    mpb_struct_obj_t *s = mpb_obj_malloc(mpb_struct_obj_t, MPB_STRUCT_BASE(type));
    s->data = data;
    s->owner = owner;
    s->count = 0;
    return MP_OBJ_FROM_PTR(s);
}

mp_obj_t mpb_new_struct_copy(const mpb_struct_type_t *type, const void *src) {
    size_t size = type->size ? type->size : 1;
    void *data = m_malloc(size);
    memcpy(data, src, type->size);
    mp_obj_t o = mpb_new_struct_ref(type, data, MP_OBJ_NULL);
    ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(o))->count = 1;
    return o;
}

// One code of an ABI signature at *s (advanced past it); every pointer (p void *, P struct *, s char *, o object,
// F<...> function) is one class: the calling convention does not tell them apart, and a C function written for
// `void *` arguments is a valid callback for struct-pointer arguments (the hybrid helpers are written that way).
static size_t sig_token(const char **s, const char **start) {
    const char *p = *s;
    *start = p;
    if (*p == 'p' || *p == 'P' || *p == 's' || *p == 'o' || *p == 'F') {
        ++p;
        int depth = 0;
        while (*p == '<' || (depth > 0 && *p != '\0')) { // F's signature, nested brackets included
            depth += (*p == '<') - (*p == '>');
            ++p;
        }
        *s = p;
        *start = "p";
        return 1;
    }
    while (*p != '\0' && *p != ',' && *p != '(' && *p != ')') {
        ++p;
    }
    if (p == *s) {
        ++p; // punctuation
    }
    *s = p;
    return (size_t)(p - *start);
}

static bool sig_compatible(const char *a, const char *b) {
    while (*a != '\0' && *b != '\0') {
        const char *ta, *tb;
        size_t na = sig_token(&a, &ta), nb = sig_token(&b, &tb);
        if (na != nb || memcmp(ta, tb, na) != 0) {
            return false;
        }
    }
    return *a == *b;
}

mpb_cfun_t mpb_get_funptr(mp_obj_t o, const char *sig, const void *where, size_t i) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mpb_obj_is_type(o, &mpb_type_fun)) {
        const mpb_fun_t *f = MP_OBJ_TO_PTR(o);
        // Equal strings first (the common case, cheap); the pointer-class comparison only when they differ.
        if (sig != NULL && f->sig != NULL && strcmp(sig, f->sig) != 0 && !sig_compatible(sig, f->sig)) {
            mpb_raise_at(&mp_type_TypeError, where, i, "C function of another signature: ", f->sig);
        }
        return f->addr;
    }
    if (mpb_obj_is_type(o, &mpb_type_blob)) {
        return (mpb_cfun_t)(uintptr_t)((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    mpb_raise_type(o, "C function, Blob or None", where, i);
}

mp_obj_t mpb_new_funptr(mpb_cfun_t f) {
    return mpb_new_ptr((const void *)(uintptr_t)f);
}

#if !MPB_NEW_API
void *mpb_obj_malloc_helper(size_t size, const mp_obj_type_t *type) {
    mp_obj_base_t *base = m_malloc(size);
    base->type = type;
    return base;
}
#endif
