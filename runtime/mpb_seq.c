// mpb_seq.c: C arrays from Python lists and tuples for pointer arguments, and the roots that keep them.
#include <string.h>
#include "mpb_blob.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_field.h"
#include "mpb_instance.h"
#include "mpb_roots.h"
#include "mpb_seq.h"

// The bytes of a string element to copy: str and bytes, or any readable buffer but a Blob (an address, passed as is).
static bool str_bytes(mp_obj_t o, const char **data, size_t *len) {
    if (mpb_is_str_or_bytes(o)) {
        *data = mp_obj_str_get_data(o, len);
        return true;
    }
    mp_buffer_info_t b;
    if (!mpb_obj_is_type(o, &mpb_type_blob) && mp_get_buffer(o, &b, MP_BUFFER_READ)) {
        *data = b.buf;
        *len = b.len;
        return true;
    }
    return false;
}

// A zeroed GC block of `bytes` (at least one: an empty array is still a valid pointer) as a bytearray, the object
// the roots keep.
static mp_obj_t new_block(size_t bytes, void **data) {
    *data = m_malloc0(bytes > 0 ? bytes : 1);
    return mp_obj_new_bytearray_by_ref(bytes, *data);
}

// An array of n strings: the pointers, then each string's bytes and NUL, all in one block the array owns.
static mp_obj_t str_array(size_t n, const mp_obj_t *items, const mpb_fun_t *f, size_t i, void **out) {
    size_t bytes = n * sizeof(char *);
    for (size_t k = 0; k < n; ++k) {
        const char *s;
        size_t len;
        if (str_bytes(items[k], &s, &len)) {
            bytes += len + 1;
        }
    }
    void *data;
    mp_obj_t block = new_block(bytes, &data);
    const char **ptrs = data;
    char *text = (char *)data + n * sizeof(char *);
    for (size_t k = 0; k < n; ++k) {
        const char *s;
        size_t len;
        if (str_bytes(items[k], &s, &len)) {
            memcpy(text, s, len);
            text[len] = '\0';
            ptrs[k] = text;
            text += len + 1;
        } else {
            ptrs[k] = mpb_get_str(items[k], f, i); // None (NULL) or a Blob's address; else a TypeError
        }
    }
    *out = data;
    return block;
}

// An array of n values of one type code (a struct's: copied), converted as fields are.
static mp_obj_t value_array(size_t n, const mp_obj_t *items, const mpb_field_t *row, const mpb_fun_t *f, size_t i,
    void **out) {
    size_t esize = mpb_elem_size(row);
    void *data;
    mp_obj_t block = new_block(n * esize, &data);
    for (size_t k = 0; k < n; ++k) {
        mpb_value_store_at(row, (uint8_t *)data + k * esize, items[k], f, i);
    }
    *out = data;
    return block;
}

// Keeps block under (f, i) and the C object argument 0 points to (none when the array is argument 0): one array per
// object and parameter, the previous one released.
static void keep(const mp_obj_t *args, size_t i, const mpb_fun_t *f, mp_obj_t block) {
    void *object = NULL;
    if (i > 0 && (mpb_is_struct(mpb_struct_native(args[0])) || mpb_obj_is_type(args[0], &mpb_type_blob))) {
        object = mpb_get_ptr(args[0], f, 0);
    }
    mp_obj_t slot = mpb_new_u64((uintptr_t)((const char *)f + i));
    mp_obj_t arrays = mpb_root_get(slot);
    if (arrays == MP_OBJ_NULL) {
        arrays = mp_obj_new_dict(1);
        mpb_root_set(slot, arrays);
    }
    mp_obj_dict_store(arrays, mpb_new_u64((uintptr_t)object), block);
}

static bool is_sequence(mp_obj_t o) {
    return mpb_obj_is_type(o, &mp_type_list) || mpb_obj_is_type(o, &mp_type_tuple);
}

// A new array of argument i's items (a list or tuple), kept as keep() says.
static void *new_array(const mp_obj_t *args, size_t i, const mpb_field_t *row, const mpb_fun_t *f) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(args[i], &n, &items);
    void *data;
    mp_obj_t block = row->code == MPB_STR ? str_array(n, items, f, i, &data) : value_array(n, items, row, f, i, &data);
    keep(args, i, f, block);
    return data;
}

void *mpb_get_array(const mp_obj_t *args, size_t i, mpb_code_t code, const mpb_fun_t *f) {
    if (!is_sequence(args[i])) {
        return mpb_get_ptr(args[i], f, i);
    }
    mpb_field_t row = { .code = (uint8_t)code };
    return new_array(args, i, &row, f);
}

// mpb_get_struct_arg beyond its common case: another object standing for a pointer, or a list of structs.
static MPB_NOINLINE void *struct_arg(const mp_obj_t *args, size_t i, const mpb_fun_t *f) {
    const mpb_struct_type_t *cls = mpb_fun_class(f, i);
    const mp_obj_type_t *type = mpb_is_obj(args[i]) ? ((mp_obj_base_t *)MP_OBJ_TO_PTR(args[i]))->type : NULL;
    if (type != NULL && mpb_struct_inherits(type, cls)) {
        return ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(args[i]))->data;
    }
    if ((cls->flags & MPB_S_OPAQUE) || !is_sequence(args[i])) {
        return mpb_get_struct_ptr(args[i], cls, f, i);
    }
    mpb_field_t row = { .code = MPB_STRUCT, .ref = { .sub = cls } };
    return new_array(args, i, &row, f);
}

void *mpb_get_struct_arg(const mp_obj_t *args, size_t i, const mpb_fun_t *f) {
    // The common case first, kept short: self of a method, an instance of the parameter's own class or of a struct
    // class derived from it (a widget class and its base object type's class, lv.label for lv_obj_t *).
    const mpb_struct_obj_t *self = MP_OBJ_TO_PTR(args[i]);
    const mp_obj_type_t *want = MPB_STRUCT_BASE(mpb_fun_class(f, i));
    if (mpb_is_obj(args[i]) && (self->base.type == want || (MPB_TYPE_SLOT(self->base.type, parent) == want &&
                                                            mpb_is_struct_type(self->base.type)))) {
        return self->data;
    }
    return struct_arg(args, i, f);
}
