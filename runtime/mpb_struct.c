// mpb_struct.c: the slots shared by every struct class: construction, attributes, s[i], buffer, repr, casts.
#include <stdio.h>
#include <string.h>
#include "py/objint.h"
#include "py/objtuple.h"
#include "py/objtype.h"
#include "mpb_runtime.h"
#include "mpb_error.h"
#include "mpb_field.h"

bool mpb_is_struct_type(const mp_obj_type_t *t) {
    return MPB_TYPE_SLOT(t, attr) == mpb_struct_attr;
}

bool mpb_is_struct(mp_obj_t o) {
    return mpb_is_obj(o) && mpb_is_struct_type(mp_obj_get_type(o));
}

static const mpb_field_t *find_field(const mpb_struct_type_t *t, qstr name);

#if MPB_NEW_API
// >= 1.20 consults __setattr__ only for classes that have one themselves or through a Python base (a native base's
// does not count), so a subclass instance keeps its field writes in its own dictionary. They are moved into the C
// memory whenever the instance reaches C (mpb_struct_native), so C sees them and later reads come from C.
static void move_field_writes(mp_obj_t o, mp_obj_t native) {
    mp_map_t *members = &((mp_obj_instance_t *)MP_OBJ_TO_PTR(o))->members;
    const mpb_struct_type_t *t = MPB_STRUCT_OF(mp_obj_get_type(native));
    for (size_t k = 0; k < members->alloc; ++k) {
        if (!mpb_map_slot_is_filled(members, k) || !mp_obj_is_qstr(members->table[k].key)) {
            continue;
        }
        mp_obj_t key = members->table[k].key;
        const mpb_field_t *f = find_field(t, MP_OBJ_QSTR_VALUE(key));
        if (f != NULL) {
            mpb_field_store(f, ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(native))->data, members->table[k].value);
            mp_map_lookup(members, key, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
        }
    }
}
#endif

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

// self of a method from a struct class's locals, which MicroPython binds to the struct instance inside a subclass
// instance (one called through the class may get the subclass instance itself). >= 1.20 makes that struct instance
// only at super().__init__(), a placeholder stands in until then.
static mpb_struct_obj_t *method_self(mp_obj_t self_in) {
    mp_obj_t s = mpb_struct_native(self_in);
    if (!mpb_is_struct(s)) {
        mp_raise_TypeError(MPB_ERROR_TEXT("not a struct instance (in a subclass, call super().__init__() first)"));
    }
    return MP_OBJ_TO_PTR(s);
}

static const mpb_struct_type_t *struct_type(mp_obj_t o) {
    return MPB_STRUCT_OF(mp_obj_get_type(o));
}

static const mpb_field_t *find_field(const mpb_struct_type_t *t, qstr name) {
    for (size_t k = 0; k < t->n_fields; ++k) {
        if (t->fields[k].name == name) {
            return &t->fields[k];
        }
    }
    return NULL;
}

static mpb_struct_obj_t *new_owned(const mpb_struct_type_t *t, size_t count) {
    mpb_struct_obj_t *s = mpb_obj_malloc(mpb_struct_obj_t, MPB_STRUCT_BASE(t));
    size_t bytes = t->size * count;
    s->data = m_malloc0(bytes ? bytes : 1);
    s->owner = MP_OBJ_NULL;
    s->count = count;
    return s;
}

MPB_NORETURN static void raise_no_field(const mpb_struct_type_t *t, qstr name) {
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
        MPB_ERROR_TEXT("'%q' has no field '%q'"), (qstr)t->type.name, name));
}

// The memory an instance views; NULL only after __cast_instance__(None), which must not reach a memory access.
static void *instance_data(mpb_struct_obj_t *self) {
    if (self->data == NULL) {
        mp_raise_ValueError(MPB_ERROR_TEXT("NULL struct instance"));
    }
    return self->data;
}

// A str key is looked up without interning it: names of no field must not grow the qstr pool, whose v1.9.2
// entries hold at most 255 bytes. Other keys go through the core (qstrs, or its TypeError).
static void store_named(const mpb_struct_type_t *t, void *data, mp_obj_t key, mp_obj_t value) {
    qstr name;
    size_t len = 0;
    const char *str = "";
    if (mpb_is_str_obj(key)) { // a str object, not a qstr (>= 1.20 refuses mp_obj_is_type with &mp_type_str)
        str = mp_obj_str_get_data(key, &len);
        name = qstr_find_strn(str, len);
    } else {
        name = mp_obj_str_get_qstr(key);
    }
    const mpb_field_t *f = name != MP_QSTR_NULL ? find_field(t, name) : NULL;
    if (f == NULL && name != MP_QSTR_NULL) {
        raise_no_field(t, name);
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
        memmove(data, instance_data(MP_OBJ_TO_PTR(value)), t->size);
    } else if (mpb_obj_is_type(value, &mp_type_dict)) {
        mp_map_t *map = mp_obj_dict_get_map(value);
        for (size_t k = 0; k < map->alloc; ++k) {
            if (mpb_map_slot_is_filled(map, k)) {
                store_named(t, data, map->table[k].key, map->table[k].value);
            }
        }
    } else {
        mpb_raise_type(value, qstr_str(t->type.name), where, i);
    }
}

// T() zeroed, T(other) copy, T({...}) dict, T(n) array of n, T(a=1, b=2) keywords; or the class's C constructor.
mp_obj_t mpb_struct_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_struct_type_t *t = MPB_STRUCT_OF(type);
    if (t->ctor != NULL) {
        return mp_call_function_n_kw(MP_OBJ_FROM_PTR(t->ctor), n_args, n_kw, args);
    }
    if (t->flags & MPB_S_OPAQUE) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError,
            MPB_ERROR_TEXT("%q is opaque: get instances from C functions or %q.__cast__"), (qstr)t->type.name,
            (qstr)t->type.name));
    }
    mp_arg_check_num(n_args, n_kw, 0, 1, true);
    if (n_args == 1 && mpb_is_big_int(args[0])) { // a length beyond the small ints: more than any memory
        if (mp_obj_int_sign(args[0]) < 0) {
            mp_raise_ValueError(MPB_ERROR_TEXT("array length must be at least 1"));
        }
        mp_raise_msg(&mp_type_OverflowError, MPB_ERROR_TEXT("array too large"));
    }
    if (n_args == 1 && mpb_is_small_int(args[0])) {
        mp_int_t n = MP_OBJ_SMALL_INT_VALUE(args[0]);
        if (n < 1) {
            mp_raise_ValueError(MPB_ERROR_TEXT("array length must be at least 1"));
        }
        if ((mp_uint_t)n > SIZE_MAX / (t->size ? t->size : 1)) {
            // size * n would wrap around and allocate less than s[i] then reaches
            mp_raise_msg(&mp_type_OverflowError, MPB_ERROR_TEXT("array too large"));
        }
        return MP_OBJ_FROM_PTR(new_owned(t, n));
    }
    mpb_struct_obj_t *s = new_owned(t, 1);
    if (n_args == 1) {
        mpb_struct_assign(t, s->data, args[0], NULL, 0);
    }
    for (size_t k = 0; k < n_kw; ++k) {
        store_named(t, s->data, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
    return MP_OBJ_FROM_PTR(s);
}

void mpb_struct_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = struct_type(self_in);
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

// Fields first; other names (SIZE, __cast__, methods) come from the class's locals dict.
void mpb_struct_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = struct_type(self_in);
    const mpb_field_t *f = find_field(t, attr);
    if (dest[0] == MP_OBJ_NULL) {
        if (f != NULL) {
            dest[0] = mpb_field_load(f, instance_data(self), self_in);
            return;
        }
        #if MPB_NEW_API
        dest[1] = MP_OBJ_SENTINEL; // the core continues with the locals dict
        #else
        const mp_obj_dict_t *locals = t->type.locals_dict;
        mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&locals->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (elem != NULL) {
            mp_convert_member_lookup(self_in, MPB_STRUCT_BASE(t), elem->value, dest);
        }
        #endif
    } else if (dest[1] != MP_OBJ_NULL) {
        if (f == NULL) {
            raise_no_field(t, attr);
        }
        if (f->flags & MPB_F_CONST) {
            nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
                MPB_ERROR_TEXT("field '%q' of '%q' is const"), attr, (qstr)t->type.name));
        }
        mpb_field_store(f, instance_data(self), dest[1]);
        dest[0] = MP_OBJ_NULL; // stored
    }
}

// s[i]: element i of an array made by T(n) or viewed from C (unchecked when the length is unknown).
mp_obj_t mpb_struct_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = struct_type(self_in);
    if (value == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    mp_int_t i = mp_obj_get_int(index);
    if (self->count > 0 && i < 0) {
        i += self->count;
    }
    if (i < 0 || (self->count > 0 && i >= (mp_int_t)self->count)) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_IndexError,
            MPB_ERROR_TEXT("index %d out of range for %q array of %d"), (int)mp_obj_get_int(index),
            (qstr)t->type.name, (int)self->count));
    }
    uint8_t *p = (uint8_t *)instance_data(self) + i * t->size;
    if (value == MP_OBJ_SENTINEL) {
        return mpb_new_struct_ref(t, p, self_in);
    }
    mpb_struct_assign(t, p, value, NULL, 0);
    return mp_const_none;
}

mp_int_t mpb_struct_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = struct_type(self_in);
    if (self->data == NULL) {
        return 1; // no buffer: the caller raises its TypeError
    }
    bufinfo->buf = self->data;
    bufinfo->len = t->size * (self->count ? self->count : 1);
    bufinfo->typecode = 'B';
    return 0;
}

// T.__cast__(ptr): an instance viewing the memory at ptr (None for NULL); ptr's object is kept alive.
static mp_obj_t struct_cast(mp_obj_t cls, mp_obj_t ptr) {
    const mpb_struct_type_t *t = MPB_STRUCT_OF(MP_OBJ_TO_PTR(cls));
    return mpb_new_struct_ref(t, mpb_get_ptr(ptr, NULL, 0), ptr);
}
static MP_DEFINE_CONST_FUN_OBJ_2(struct_cast_fun_obj, struct_cast);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpb_struct_cast_obj, MP_ROM_PTR(&struct_cast_fun_obj));

// T.__fields__(): a (name, mpb_code_t, array length) tuple per field, in table order, for tools that enumerate
// the fields (tests/py/fuzz); dir() of an instance does not list them.
static mp_obj_t struct_fields(mp_obj_t cls) {
    const mpb_struct_type_t *t = MPB_STRUCT_OF(MP_OBJ_TO_PTR(cls));
    mp_obj_tuple_t *rows = MP_OBJ_TO_PTR(mp_obj_new_tuple(t->n_fields, NULL));
    for (size_t k = 0; k < t->n_fields; ++k) {
        const mpb_field_t *f = &t->fields[k];
        mp_obj_t row[3] = { MP_OBJ_NEW_QSTR(f->name), MP_OBJ_NEW_SMALL_INT(f->code), MP_OBJ_NEW_SMALL_INT(f->count) };
        rows->items[k] = mp_obj_new_tuple(3, row);
    }
    return MP_OBJ_FROM_PTR(rows);
}
static MP_DEFINE_CONST_FUN_OBJ_1(struct_fields_fun_obj, struct_fields);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpb_struct_fields_obj, MP_ROM_PTR(&struct_fields_fun_obj));

// inst.__dereference__([n]): a writable memoryview of n bytes (default: the struct's size) at the instance's memory,
// as a Blob's; the seed's pure flush views its pixels with color_p.__dereference__(size * color_t.SIZE).
static mp_obj_t struct_dereference(size_t n_args, const mp_obj_t *args) {
    mpb_struct_obj_t *self = method_self(args[0]);
    mp_int_t n = n_args > 1 && args[1] != mp_const_none ? mp_obj_get_int(args[1])
                                                     : (mp_int_t)struct_type(MP_OBJ_FROM_PTR(self))->size;
    if (n < 0) {
        mp_raise_ValueError(MPB_ERROR_TEXT("negative size"));
    }
    return mp_obj_new_memoryview('B' | MPB_MEMVIEW_RW, n, instance_data(self));
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpb_struct_dereference_obj, 1, 2, struct_dereference);

// The __setattr__ a Python subclass's instances call for every attribute they set (MicroPython binds it to the
// struct instance inside them): field names are stored into the C memory like on a plain instance. Other names
// cannot be kept (the struct instance has no dictionary and cannot reach the subclass instance), so they raise.
static mp_obj_t struct_setattr(mp_obj_t self_in, mp_obj_t name, mp_obj_t value) {
    self_in = MP_OBJ_FROM_PTR(method_self(self_in));
    const mpb_struct_type_t *t = struct_type(self_in);
    qstr attr = mp_obj_str_get_qstr(name);
    if (find_field(t, attr) == NULL) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
            MPB_ERROR_TEXT("'%q' has no field '%q' (a subclass of a struct class takes only its fields)"),
            (qstr)t->type.name, attr));
    }
    mp_obj_t dest[2] = { MP_OBJ_SENTINEL, value };
    mpb_struct_attr(self_in, attr, dest);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_3(mpb_struct_setattr_obj, struct_setattr);

// inst.__cast_instance__(ptr): re-points inst at ptr without allocating (usable with the heap locked).
static mp_obj_t struct_cast_instance(mp_obj_t self_in, mp_obj_t ptr) {
    mpb_struct_obj_t *self = method_self(self_in);
    self->data = mpb_get_ptr(ptr, NULL, 0);
    self->owner = ptr;
    self->count = 0;
    return self_in;
}
MP_DEFINE_CONST_FUN_OBJ_2(mpb_struct_cast_instance_obj, struct_cast_instance);
