// mpb_field.c: reads and writes one field (scalar, bitfield, nested struct or array) as its descriptor says.
#include <string.h>
#include "py/objint.h"
#include "mpb_runtime.h"
#include "mpb_error.h"
#include "mpb_array.h"
#include "mpb_field.h"

static const uint8_t code_sizes[] = {
    [MPB_VOID] = 0, [MPB_BOOL] = sizeof(bool),
    [MPB_I8] = 1, [MPB_U8] = 1, [MPB_I16] = 2, [MPB_U16] = 2, [MPB_I32] = 4, [MPB_U32] = 4, [MPB_I64] = 8, [MPB_U64] = 8,
    [MPB_F32] = sizeof(float), [MPB_F64] = sizeof(double),
    [MPB_STR] = sizeof(char *), [MPB_PTR] = sizeof(void *), [MPB_STRUCT] = 0, [MPB_STRUCT_PTR] = sizeof(void *),
    [MPB_FUNPTR] = sizeof(mpb_cfun_t), [MPB_OBJ] = sizeof(mp_obj_t),
};

size_t mpb_elem_size(const mpb_field_t *f) {
    return f->code == MPB_STRUCT ? f->ref.sub->size : code_sizes[f->code];
}

// memcpy keeps unaligned and packed fields safe.
#define DEFINE_LOAD(name, T) static inline T name(const void *p) { T v; memcpy(&v, p, sizeof(T)); return v; }
DEFINE_LOAD(load_bool, bool)
DEFINE_LOAD(load_i8, int8_t)
DEFINE_LOAD(load_u8, uint8_t)
DEFINE_LOAD(load_i16, int16_t)
DEFINE_LOAD(load_u16, uint16_t)
DEFINE_LOAD(load_i32, int32_t)
DEFINE_LOAD(load_u32, uint32_t)
DEFINE_LOAD(load_i64, int64_t)
DEFINE_LOAD(load_u64, uint64_t)
DEFINE_LOAD(load_f32, float)
DEFINE_LOAD(load_f64, double)
DEFINE_LOAD(load_str, const char *)
DEFINE_LOAD(load_ptr, void *)
DEFINE_LOAD(load_funptr, mpb_cfun_t)
DEFINE_LOAD(load_obj, mp_obj_t)

// A void * field may hold a dict (the user_data convention): reading gives the dict back.
static mp_obj_t ptr_load(void *raw) {
    return mpb_is_heap_dict(raw) ? MP_OBJ_FROM_PTR(raw) : mpb_new_ptr(raw);
}

// A dict stored into a void * field is stored as the object's address (the user_data convention); other values
// give their address. Either way, a heap object behind a field in C memory is kept alive (mpb_keep_for_c).
static void ptr_store(const mpb_field_t *f, void *p, mp_obj_t v) {
    void *raw = mpb_obj_is_type(v, &mp_type_dict) ? MP_OBJ_TO_PTR(v) : mpb_get_ptr(v, f, MPB_AT_FIELD);
    mpb_keep_for_c(p, v);
    memcpy(p, &raw, sizeof(raw));
}

// A char * field holds the string's own bytes; the string is kept alive as above.
static void str_store(const mpb_field_t *f, void *p, mp_obj_t v) {
    const char *s = mpb_get_str(v, f, MPB_AT_FIELD);
    mpb_keep_for_c(p, v);
    memcpy(p, &s, sizeof(s));
}

static void struct_ptr_store(const mpb_field_t *f, void *p, mp_obj_t v) {
    void *raw = mpb_get_struct_ptr(v, f->ref.sub, f, MPB_AT_FIELD);
    mpb_keep_for_c(p, v);
    memcpy(p, &raw, sizeof(raw));
}

mp_obj_t mpb_value_load(const mpb_field_t *f, void *p, mp_obj_t owner) {
    switch (f->code) {
        case MPB_BOOL: return mpb_new_bool(load_bool(p));
        case MPB_I8: return mpb_new_small(load_i8(p));
        case MPB_U8: return mpb_new_small(load_u8(p));
        case MPB_I16: return mpb_new_small(load_i16(p));
        case MPB_U16: return mpb_new_small(load_u16(p));
        case MPB_I32: return mpb_new_i32(load_i32(p));
        case MPB_U32: return mpb_new_u32(load_u32(p));
        case MPB_I64: return mpb_new_i64(load_i64(p));
        case MPB_U64: return mpb_new_u64(load_u64(p));
        case MPB_F32: return mpb_new_double(load_f32(p));
        case MPB_F64: return mpb_new_double(load_f64(p));
        case MPB_STR: return mpb_new_str(load_str(p));
        case MPB_PTR: return ptr_load(load_ptr(p));
        case MPB_STRUCT: return mpb_new_struct_ref(f->ref.sub, p, owner);
        case MPB_STRUCT_PTR: return mpb_new_struct_ref(f->ref.sub, load_ptr(p), MP_OBJ_NULL);
        case MPB_FUNPTR: return mpb_new_funptr(load_funptr(p));
        case MPB_OBJ: return mpb_obj_or_none(load_obj(p));
        default: return mp_const_none;
    }
}

#define STORE(T, p, v) do { T v_ = (v); memcpy((p), &v_, sizeof(T)); } while (0)

void mpb_value_store(const mpb_field_t *f, void *p, mp_obj_t v) {
    const void *w = f;
    const size_t at = MPB_AT_FIELD;
    switch (f->code) {
        case MPB_BOOL: STORE(bool, p, mpb_get_bool(v, w, at)); break;
        case MPB_I8: STORE(int8_t, p, mpb_get_i8(v, w, at)); break;
        case MPB_U8: STORE(uint8_t, p, mpb_get_u8(v, w, at)); break;
        case MPB_I16: STORE(int16_t, p, mpb_get_i16(v, w, at)); break;
        case MPB_U16: STORE(uint16_t, p, mpb_get_u16(v, w, at)); break;
        case MPB_I32: STORE(int32_t, p, mpb_get_i32(v, w, at)); break;
        case MPB_U32: STORE(uint32_t, p, mpb_get_u32(v, w, at)); break;
        case MPB_I64: STORE(int64_t, p, mpb_get_i64(v, w, at)); break;
        case MPB_U64: STORE(uint64_t, p, mpb_get_u64(v, w, at)); break;
        case MPB_F32: STORE(float, p, mpb_get_float(v, w, at)); break;
        case MPB_F64: STORE(double, p, mpb_get_double(v, w, at)); break;
        case MPB_STR: str_store(f, p, v); break;
        case MPB_PTR: ptr_store(f, p, v); break;
        case MPB_STRUCT: mpb_struct_assign(f->ref.sub, p, v, w, at); break;
        case MPB_STRUCT_PTR: struct_ptr_store(f, p, v); break;
        case MPB_FUNPTR: STORE(mpb_cfun_t, p, mpb_get_funptr(v, NULL, w, at)); break;
        case MPB_OBJ:
            mpb_keep_for_c(p, v);
            STORE(mp_obj_t, p, v);
            break;
        default: break;
    }
}

static bool code_is_signed(uint8_t code) {
    return code == MPB_I8 || code == MPB_I16 || code == MPB_I32 || code == MPB_I64;
}

// Bitfields, little-endian layout (the ABI of x86-64 and the ESP32): bit k of the struct is bit k%8 of byte k/8.
static uint64_t bits_read(const mpb_field_t *f, const uint8_t *p, size_t *nbytes) {
    size_t n = (f->bit_shift + f->bit_width + 7) / 8;
    uint64_t raw = 0;
    for (size_t k = n; k-- > 0;) {
        raw = (raw << 8) | p[k];
    }
    *nbytes = n;
    return raw;
}

static mp_obj_t bitfield_load(const mpb_field_t *f, const uint8_t *p) {
    size_t n;
    uint64_t mask = f->bit_width >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << f->bit_width) - 1);
    uint64_t v = (bits_read(f, p, &n) >> f->bit_shift) & mask;
    if (code_is_signed(f->code) && f->bit_width < 64 && (v >> (f->bit_width - 1)) != 0) {
        return mpb_new_i64((int64_t)(v | ~mask)); // sign-extend
    }
    return code_is_signed(f->code) ? mpb_new_i64((int64_t)v) : mpb_new_u64(v);
}

static bool int_is_negative(mp_obj_t o) {
    return mpb_is_small_int(o) ? MP_OBJ_SMALL_INT_VALUE(o) < 0 : (mpb_is_big_int(o) && mp_obj_int_sign(o) < 0);
}

// A bitfield of width w takes what an integer type of w bits takes: -2^(w-1) .. 2^w-1, signed or not.
static void bitfield_store(const mpb_field_t *f, uint8_t *p, mp_obj_t value) {
    uint64_t mask = f->bit_width >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << f->bit_width) - 1);
    uint64_t v;
    bool fits;
    if (f->code == MPB_BOOL) {
        v = mpb_get_bool(value, f, MPB_AT_FIELD);
        fits = true;
    } else if (int_is_negative(value)) {
        int64_t s = mpb_get_i64(value, f, MPB_AT_FIELD);
        fits = f->bit_width >= 64 || s >= -(int64_t)((mask >> 1) + 1);
        v = (uint64_t)s & mask;
    } else {
        v = mpb_get_u64(value, f, MPB_AT_FIELD);
        fits = v <= mask;
    }
    if (!fits) {
        mpb_raise_at(&mp_type_OverflowError, f, MPB_AT_FIELD, "value out of range for the bitfield", "");
    }
    size_t n;
    uint64_t raw = bits_read(f, p, &n);
    raw = (raw & ~(mask << f->bit_shift)) | (v << f->bit_shift);
    for (size_t k = 0; k < n; ++k, raw >>= 8) {
        p[k] = (uint8_t)raw;
    }
}

mp_obj_t mpb_field_load(const mpb_field_t *f, void *data, mp_obj_t owner) {
    uint8_t *p = (uint8_t *)data + f->offset;
    if (f->code == MPB_FUNPTR && f->ref.cb != NULL) { // a callback slot with a user-data convention
        return mpb_cb_load(f->ref.cb, data, load_funptr(p));
    }
    if (f->flags & MPB_F_BITFIELD) {
        return bitfield_load(f, p);
    }
    if (f->count > 0) {
        return mpb_new_array(f, p, owner);
    }
    return mpb_value_load(f, p, owner);
}

void mpb_field_store(const mpb_field_t *f, void *data, mp_obj_t value) {
    uint8_t *p = (uint8_t *)data + f->offset;
    if (f->code == MPB_FUNPTR && f->ref.cb != NULL) {
        STORE(mpb_cfun_t, p, mpb_cb_store(f->ref.cb, data, value, f, MPB_AT_FIELD));
    } else if (f->flags & MPB_F_BITFIELD) {
        bitfield_store(f, p, value);
    } else if (f->count > 0) {
        mpb_array_assign(f, p, value);
    } else {
        mpb_value_store(f, p, value);
    }
}
