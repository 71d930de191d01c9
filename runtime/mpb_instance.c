// mpb_instance.c: struct instances as objects: recognising them (and the one inside a Python subclass's instance),
// making them over C memory or a copy, the memory they view, and the slots that need nothing but the instance
// (print, truth and len, buffer).
#include <string.h>
#include "py/objtype.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_identity.h"
#include "mpb_instance.h"

// Every struct class has the same slots; print is the one defined in this unit, which the others build on.
bool mpb_is_struct_type(const mp_obj_type_t *t) {
    return MPB_TYPE_SLOT(t, print) == mpb_struct_print;
}

bool mpb_is_struct(mp_obj_t o) {
    return mpb_is_obj(o) && mpb_is_struct_type(mp_obj_get_type(o));
}

#if MPB_NEW_API
// >= 1.20 consults __setattr__ only for classes that have one themselves or through a Python base (a native base's
// does not count), so a subclass instance keeps its field writes in its own dictionary. They are moved into the C
// memory whenever the instance reaches C (mpb_struct_native), so C sees them and later reads come from C. The store
// goes through the struct class's attr slot (mpb_struct.c), as any attribute store does.
static void move_field_writes(mp_obj_t o, mp_obj_t native) {
    mp_map_t *members = &((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->members;
    const mp_obj_type_t *type = mp_obj_get_type(native);
    for (size_t k = 0; k < members->alloc; ++k) {
        if (!mpb_map_slot_is_filled(members, k) || !mp_obj_is_qstr(members->table[k].key)) {
            continue;
        }
        mp_obj_t key = members->table[k].key;
        if (mpb_find_field(MPB_STRUCT_OF(type), MP_OBJ_QSTR_VALUE(key)) != NULL) {
            mp_obj_t dest[2] = { MP_OBJ_SENTINEL, members->table[k].value };
            MPB_TYPE_SLOT(type, attr)(native, MP_OBJ_QSTR_VALUE(key), dest);
            mpb_map_remove(members, key);
        }
    }
}
#endif

bool mpb_struct_inherits(const mp_obj_type_t *t, const mpb_struct_type_t *want) {
    for (; t != NULL; t = MPB_TYPE_SLOT(t, parent)) {
        if (t == MPB_STRUCT_BASE(want)) {
            return true;
        }
        if (!mpb_is_struct_type(t)) {
            return false; // a tuple of bases, or object: struct classes have one base at most
        }
    }
    return false;
}

mp_obj_t mpb_struct_native(mp_obj_t o) {
    if (!mpb_is_obj(o)) {
        return o;
    }
    const mp_obj_type_t *t = mp_obj_get_type(o);
    if (!mp_obj_is_instance_type(t)) {
        return o;
    }
    // Up the single-inheritance chain to the first class that is not a Python class.
    while (mp_obj_is_instance_type(t)) {
        const mp_obj_type_t *parent = MPB_TYPE_SLOT(t, parent);
        if (parent == NULL || ((const mp_obj_base_t *)parent)->type != &mp_type_type) {
            return o; // object, or several bases (a tuple)
        }
        t = parent;
    }
    // Not a struct yet while a >= 1.20 subclass's __init__ runs before its super().__init__().
    mp_obj_t native = mpb_is_struct_type(t) ? mpb_cast_to_native_base(o, MP_OBJ_FROM_PTR(t)) : MP_OBJ_NULL;
    if (native == MP_OBJ_NULL || !mpb_is_struct(native)) {
        return o;
    }
    #if MPB_NEW_API
    move_field_writes(o, native);
    #endif
    return native;
}

void mpb_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = mpb_struct_class(self_in);
    mp_printf(print, "<%s %q at ", (t->flags & MPB_S_UNION) ? "union" : "struct", (qstr)t->type.name);
    mpb_print_address(print, self->data);
    mp_printf(print, ">");
}

mp_obj_t mpb_struct_unary_op(mpb_unary_op_t op, mp_obj_t self_in) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL: return mp_obj_new_bool(self->data != NULL);
        case MP_UNARY_OP_LEN: return self->count ? MP_OBJ_NEW_SMALL_INT(self->count) : MP_OBJ_NULL;
        case MP_UNARY_OP_HASH: return MPB_ADDRESS_HASH(self->data);
        default: return MP_OBJ_NULL;
    }
}

mp_int_t mpb_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
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
    o = mpb_struct_native(o);
    if (!mpb_is_struct(o) || !mpb_struct_inherits(mp_obj_get_type(o), type)) {
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
    if (type->identity != NULL) { // an object the library owns: the one Python object it has
        return mpb_object_ref(type, data);
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
