// mpb_instance.c: struct instances as objects: recognising them, making them over C memory or a copy, the memory
// they view, and the slots that need nothing but the instance (print, truth and len, buffer).
#include <stdio.h>
#include <string.h>
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_instance.h"

// Every struct class has the same slots; print is the one defined in this unit, which the others build on.
bool mpb_is_struct(mp_obj_t o) {
    return mpb_is_obj(o) && MPB_TYPE_SLOT(mp_obj_get_type(o), print) == mpb_struct_print;
}

void mpb_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = mpb_struct_class(self_in);
    char addr[24];
    snprintf(addr, sizeof(addr), "%llx", (unsigned long long)(uintptr_t)self->data);
    mp_printf(print, "<%s %q at 0x%s>", (t->flags & MPB_S_UNION) ? "union" : "struct", (qstr)t->type.name, addr);
}

mp_obj_t mpb_struct_unary_op(mpb_unary_op_t op, mp_obj_t self_in) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL: return mp_obj_new_bool(self->data != NULL);
        case MP_UNARY_OP_LEN: return self->count ? MP_OBJ_NEW_SMALL_INT(self->count) : MP_OBJ_NULL;
        default: return MP_OBJ_NULL;
    }
}

mp_int_t mpb_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = mpb_struct_class(self_in);
    if (self->data == NULL) {
        return 1; // no buffer: the caller raises its TypeError
    }
    bufinfo->buf = self->data;
    bufinfo->len = t->size * (self->count ? self->count : 1);
    bufinfo->typecode = 'B';
    return 0;
}

void *mpb_get_struct_val(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i) {
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
