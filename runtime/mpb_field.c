// mpb_field.c: C data described by field rows: one value by its type code, a field (scalar, bitfield, nested struct,
// array, callback slot), array field views (indexed, iterated), and a struct assigned from an instance or a dict. Struct assignment
// stores fields, which store values, which assign nested structs: the recursion stays inside this unit.
#include <string.h>
#include "py/objint.h"
#include "mpb_blob.h"
#include "mpb_callback.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_field.h"
#include "mpb_instance.h"
#include "mpb_roots.h"

static const uint8_t code_sizes[] = {
#define MPB_X(name, abi, ctype, size, get, make) [MPB_##name] = size,
    MPB_CODE_TABLE(MPB_X)
#undef MPB_X
};

// A field row is 8 bytes and a pointer on every target (the tables of a large module are most of its data).
typedef char mpb_field_row_check[sizeof(mpb_field_t) == 8 + sizeof(void *) ? 1 : -1];

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
static void ptr_store(void *p, mp_obj_t v, const void *w, size_t at) {
    void *raw = mpb_obj_is_type(v, &mp_type_dict) ? MP_OBJ_TO_PTR(v) : mpb_get_ptr(v, w, at);
    mpb_keep_for_c(p, v);
    memcpy(p, &raw, sizeof(raw));
}

// A char * field holds the string's own bytes; the string is kept alive as above.
static void str_store(void *p, mp_obj_t v, const void *w, size_t at) {
    const char *s = mpb_get_str(v, w, at);
    mpb_keep_for_c(p, v);
    memcpy(p, &s, sizeof(s));
}

static void struct_ptr_store(const mpb_field_t *f, void *p, mp_obj_t v, const void *w, size_t at) {
    void *raw = mpb_get_struct_ptr(v, f->ref.sub, w, at);
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
    mpb_value_store_at(f, p, v, f, MPB_AT_FIELD);
}

void mpb_value_store_at(const mpb_field_t *f, void *p, mp_obj_t v, const void *w, size_t at) {
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
        case MPB_STR: str_store(p, v, w, at); break;
        case MPB_PTR: ptr_store(p, v, w, at); break;
        case MPB_STRUCT: mpb_struct_assign(f->ref.sub, p, v, w, at); break;
        case MPB_STRUCT_PTR: struct_ptr_store(f, p, v, w, at); break;
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
    size_t n = (f->ref.bits.shift + f->ref.bits.width + 7) / 8;
    uint64_t raw = 0;
    for (size_t k = n; k-- > 0;) {
        raw = (raw << 8) | p[k];
    }
    *nbytes = n;
    return raw;
}

static mp_obj_t bitfield_load(const mpb_field_t *f, const uint8_t *p) {
    size_t n;
    uint64_t mask = f->ref.bits.width >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << f->ref.bits.width) - 1);
    uint64_t v = (bits_read(f, p, &n) >> f->ref.bits.shift) & mask;
    if (code_is_signed(f->code) && f->ref.bits.width < 64 && (v >> (f->ref.bits.width - 1)) != 0) {
        return mpb_new_i64((int64_t)(v | ~mask)); // sign-extend
    }
    return code_is_signed(f->code) ? mpb_new_i64((int64_t)v) : mpb_new_u64(v);
}

static bool int_is_negative(mp_obj_t o) {
    return mpb_is_small_int(o) ? MP_OBJ_SMALL_INT_VALUE(o) < 0 : (mpb_is_big_int(o) && mp_obj_int_sign(o) < 0);
}

// A bitfield of width w takes what an integer type of w bits takes: -2^(w-1) .. 2^w-1, signed or not.
static void bitfield_store(const mpb_field_t *f, uint8_t *p, mp_obj_t value) {
    uint64_t mask = f->ref.bits.width >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << f->ref.bits.width) - 1);
    uint64_t v;
    bool fits;
    if (f->code == MPB_BOOL) {
        v = mpb_get_bool(value, f, MPB_AT_FIELD);
        fits = true;
    } else if (int_is_negative(value)) {
        int64_t s = mpb_get_i64(value, f, MPB_AT_FIELD);
        fits = f->ref.bits.width >= 64 || s >= -(int64_t)((mask >> 1) + 1);
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
    raw = (raw & ~(mask << f->ref.bits.shift)) | (v << f->ref.bits.shift);
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
        STORE(mpb_cfun_t, p, mpb_cb_store(f->ref.cb, data, load_funptr(p), value, f, MPB_AT_FIELD));
    } else if (f->flags & MPB_F_BITFIELD) {
        bitfield_store(f, p, value);
    } else if (f->count > 0) {
        mpb_array_assign(f, p, value);
    } else {
        mpb_value_store(f, p, value);
    }
}

// ---- array fields: views with bounds checks ----

mp_obj_t mpb_new_array(const mpb_field_t *f, void *data, mp_obj_t owner) {
    mpb_array_obj_t *a = mpb_obj_malloc(mpb_array_obj_t, &mpb_type_array);
    a->data = data;
    a->field = f;
    a->owner = owner;
    return MP_OBJ_FROM_PTR(a);
}

void mpb_array_assign(const mpb_field_t *f, void *data, mp_obj_t value) {
    size_t esize = mpb_elem_size(f);
    if (mpb_obj_is_type(value, &mpb_type_array)) {
        mpb_array_obj_t *src = MP_OBJ_TO_PTR(value);
        if (src->field->code != f->code || src->field->count != f->count || src->field->ref.sub != f->ref.sub) {
            mpb_raise_type(value, "array of the same type", f, MPB_AT_FIELD);
        }
        memmove(data, src->data, esize * f->count);
        return;
    }
    if (!mpb_obj_is_type(value, &mp_type_list) && !mpb_obj_is_type(value, &mp_type_tuple)) {
        mpb_raise_type(value, "list or tuple", f, MPB_AT_FIELD);
    }
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(value, &n, &items);
    if (n > f->count) {
        mpb_raise_at(&mp_type_IndexError, f, MPB_AT_FIELD, "too many elements for the array", "");
    }
    for (size_t k = 0; k < n; ++k) {
        mpb_value_store(f, (uint8_t *)data + k * esize, items[k]);
    }
}

static mp_obj_t array_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mpb_array_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_field_t *f = self->field;
    if (value == MP_OBJ_NULL) {
        return MP_OBJ_NULL; // deletion is not supported
    }
    mp_int_t i = mp_obj_get_int(index);
    if (i < 0) {
        i += f->count;
    }
    if (i < 0 || i >= (mp_int_t)f->count) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_IndexError,
            MPB_ERROR_TEXT("index %d out of range for array field '%q' of %d"), (int)mp_obj_get_int(index),
            (qstr)f->name, (int)f->count));
    }
    uint8_t *p = (uint8_t *)self->data + i * mpb_elem_size(f);
    if (value == MP_OBJ_SENTINEL) {
        return mpb_value_load(f, p, self_in);
    }
    if (f->flags & MPB_F_CONST) {
        mpb_raise_at(&mp_type_TypeError, f, MPB_AT_FIELD, "the array is const", "");
    }
    mpb_value_store(f, p, value);
    return mp_const_none;
}

// Iteration (for x in s.name, list(s.name)): an iterator made in the caller's iter_buf, so a for loop allocates
// only the elements it reads.
typedef struct _array_iter_t {
    mp_obj_base_t base;
    mp_obj_t array;
    size_t next;
} array_iter_t;
typedef char mpb_array_iter_fits_iter_buf[sizeof(array_iter_t) <= sizeof(mp_obj_iter_buf_t) ? 1 : -1];

static mp_obj_t array_iternext(mp_obj_t self_in) {
    array_iter_t *it = MP_OBJ_TO_PTR(self_in);
    mpb_array_obj_t *a = MP_OBJ_TO_PTR(it->array);
    if (it->next >= a->field->count) {
        return MP_OBJ_STOP_ITERATION;
    }
    return mpb_value_load(a->field, (uint8_t *)a->data + it->next++ * mpb_elem_size(a->field), it->array);
}

#if MPB_NEW_API
static MP_DEFINE_CONST_OBJ_TYPE(array_iter_type, MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT, iter, array_iternext);
#else
static const mp_obj_type_t array_iter_type = {
    { &mp_type_type },
    .name = MP_QSTR_iterator,
    .getiter = mp_identity_getiter,
    .iternext = array_iternext,
};
#endif

static mp_obj_t array_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    array_iter_t *it = (array_iter_t *)iter_buf;
    it->base.type = &array_iter_type;
    it->array = self_in;
    it->next = 0;
    return MP_OBJ_FROM_PTR(it);
}

static mp_obj_t array_unary_op(mpb_unary_op_t op, mp_obj_t self_in) {
    mpb_array_obj_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_LEN: return MP_OBJ_NEW_SMALL_INT(self->field->count);
        case MP_UNARY_OP_BOOL: return mp_const_true;
        default: return MP_OBJ_NULL;
    }
}

static mp_int_t array_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
    mpb_array_obj_t *self = MP_OBJ_TO_PTR(self_in);
    bufinfo->buf = self->data;
    bufinfo->len = self->field->count * mpb_elem_size(self->field);
    bufinfo->typecode = 'B';
    return 0;
}

static void array_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_array_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_print_str(print, "[");
    for (size_t k = 0; k < self->field->count; ++k) {
        if (k > 0) {
            mp_print_str(print, ", ");
        }
        mp_obj_print_helper(print, array_subscr(self_in, MP_OBJ_NEW_SMALL_INT(k), MP_OBJ_SENTINEL), PRINT_REPR);
    }
    mp_print_str(print, "]");
}

#if MPB_NEW_API
MP_DEFINE_CONST_OBJ_TYPE(mpb_type_array, MP_QSTR_CArray, MP_TYPE_FLAG_ITER_IS_GETITER,
    print, array_print, unary_op, array_unary_op, subscr, array_subscr, iter, array_getiter, buffer, array_get_buffer);
#else
const mp_obj_type_t mpb_type_array = {
    { &mp_type_type },
    .name = MP_QSTR_CArray,
    .print = array_print,
    .unary_op = array_unary_op,
    .subscr = array_subscr,
    .getiter = array_getiter,
    .buffer_p = { .get_buffer = array_get_buffer },
};
#endif

// ---- structs from an instance or a dict ----

MPB_NORETURN void mpb_raise_no_field(const mpb_struct_type_t *t, qstr name) {
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
        MPB_ERROR_TEXT("'%q' has no field '%q'"), (qstr)t->type.name, name));
}

// A str key is looked up without interning it: names of no field must not grow the qstr pool, whose v1.9.2
// entries hold at most 255 bytes. Other keys go through the core (qstrs, or its TypeError).
void mpb_store_named(const mpb_struct_type_t *t, void *data, mp_obj_t key, mp_obj_t value) {
    qstr name;
    size_t len = 0;
    const char *str = "";
    if (mpb_is_str_obj(key)) { // a str object, not a qstr (>= 1.20 refuses mp_obj_is_type with &mp_type_str)
        str = mp_obj_str_get_data(key, &len);
        name = qstr_find_strn(str, len);
    } else {
        name = mp_obj_str_get_qstr(key);
    }
    const mpb_field_t *f = name != MP_QSTR_NULL ? mpb_find_field(t, name) : NULL;
    if (f == NULL && name != MP_QSTR_NULL) {
        mpb_raise_no_field(t, name);
    }
    if (f == NULL) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
            MPB_ERROR_TEXT("'%q' has no field '%.*s'"), (qstr)t->type.name, (int)(len > 64 ? 64 : len), str));
    }
    mpb_field_store(f, data, value);
}

void mpb_struct_assign(const mpb_struct_type_t *t, void *data, mp_obj_t value, const void *where, size_t i) {
    value = mpb_struct_native(value);
    if (mp_obj_get_type(value) == MPB_STRUCT_BASE(t)) {
        memmove(data, mpb_struct_data(MP_OBJ_TO_PTR(value)), t->size);
    } else if (mpb_obj_is_type(value, &mp_type_dict)) {
        mp_map_t *map = mp_obj_dict_get_map(value);
        for (size_t k = 0; k < map->alloc; ++k) {
            if (mpb_map_slot_is_filled(map, k)) {
                mpb_store_named(t, data, map->table[k].key, map->table[k].value);
            }
        }
    } else {
        mpb_raise_type(value, qstr_str(t->type.name), where, i);
    }
}
