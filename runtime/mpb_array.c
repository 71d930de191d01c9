// mpb_array.c: the array field view: a[i] get and set with bounds checks (IndexError), len(), iteration, buffer
// protocol.
#include <string.h>
#include "mpb_runtime.h"
#include "mpb_error.h"
#include "mpb_array.h"
#include "mpb_field.h"

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
