// mpb_struct.c: the slots of every struct class that reach its fields: construction, attributes, s[i], casts, and
// the methods every class has (__dereference__, __setattr__ for Python subclasses).
#include <string.h>
#include "py/objint.h"
#include "py/objtuple.h"
#include "py/objtype.h"
#include "mpb_blob.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_field.h"
#include "mpb_fun.h"
#include "mpb_global.h"
#include "mpb_instance.h"
#include "mpb_object_state.h"
#include "mpb_struct.h"

static mpb_struct_obj_t *new_owned(const mpb_struct_type_t *t, size_t count) {
    mpb_struct_obj_t *s = mpb_obj_malloc(mpb_struct_obj_t, MPB_STRUCT_BASE(t));
    size_t bytes = t->size * count;
    s->data = m_malloc0(bytes ? bytes : 1);
    s->owner = MP_OBJ_NULL;
    s->count = count;
    return s;
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

// True when parameters from..n-1 of signature sig ("P(P,i32)") are all pointers, which None (NULL) can stand for.
static bool pointers_from(const char *sig, size_t from) {
    const char *p = strchr(sig, '(');
    size_t k = 0;
    int depth = 0;
    for (bool start = true; p != NULL && *++p != '\0' && !(depth == 0 && *p == ')');) {
        if (start && k >= from && strchr("pPsoF", *p) == NULL) {
            return false;
        }
        depth += (*p == '<') - (*p == '>');
        start = depth == 0 && *p == ',';
        k += start;
    }
    return true;
}

#if MPB_NEW_API
// A struct class's slots follow its type where mp_obj_type_t's own slots lie.
typedef char mpb_struct_slots_check[offsetof(mpb_struct_type_t, slots) == offsetof(mp_obj_full_type_t, slots) ? 1 : -1];
#endif

// T(...) of a class with a C constructor: missing trailing pointer arguments are None (lv.obj() is lv_obj_create(NULL)); the
// object it returns is an instance of T when the constructor's result type is a class T inherits (lv.button(scr)
// calls lv_button_create, which returns an lv_obj_t *): a wrapper made for this call, or one the object already had.
static mp_obj_t construct(const mp_obj_type_t *type, const mpb_fun_t *ctor, size_t n_args, size_t n_kw,
                          const mp_obj_t *args) {
    mp_obj_t padded[8];
    size_t n = mpb_fun_shape(ctor)->n_args;
    if (n_kw == 0 && n_args < n && n <= MP_ARRAY_SIZE(padded) && pointers_from(mpb_fun_sig(ctor), n_args)) {
        for (size_t k = 0; k < n; ++k) {
            padded[k] = k < n_args ? args[k] : mp_const_none;
        }
        args = padded;
        n_args = n;
    }
    mp_obj_t o = mp_call_function_n_kw(MP_OBJ_FROM_PTR(ctor), n_args, n_kw, args);
    if (mpb_is_struct(o) && mp_obj_get_type(o) != type && mpb_struct_inherits(type, mpb_struct_class(o))) {
        ((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type = type;
    }
    return o;
}

// T() zeroed, T(other) copy, T({...}) dict, T(n) array of n, T(a=1, b=2) keywords; or the class's C constructor.
mp_obj_t mpb_struct_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_struct_type_t *t = MPB_STRUCT_OF(type);
    if (t->ctor != NULL) {
        return construct(type, t->ctor, n_args, n_kw, args);
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
        mpb_store_named(t, s->data, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
    return MP_OBJ_FROM_PTR(s);
}

// A name of the class's locals dict or of the classes it inherits (an object class's base), as the core would bind
// it; false when none has it.
static bool class_member(mp_obj_t self_in, const mp_obj_type_t *type, qstr attr, mp_obj_t *dest) {
    for (const mp_obj_type_t *t = type; t != NULL; t = MPB_TYPE_SLOT(t, parent)) {
        const mp_obj_dict_t *locals = MPB_TYPE_SLOT(t, locals_dict);
        mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&locals->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
        if (elem == NULL) {
            continue;
        }
        if (mpb_is_any_function(elem->value)) { // a method: what the core's lookup would give, sooner
            dest[0] = elem->value;
            dest[1] = self_in;
        } else {
            mp_convert_member_lookup(self_in, type, elem->value, dest);
        }
        return true;
    }
    return false;
}

// mpb_struct_attr beyond a member found first: fields, members after them, names of the user's own, stores.
static MPB_NOINLINE void struct_attr(mp_obj_t self_in, const mpb_struct_type_t *t, qstr attr, mp_obj_t *dest) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    bool members_first = (t->flags & MPB_S_MEMBERS_FIRST) != 0;
    const mpb_field_t *f = mpb_find_field(t, attr);
    if (dest[0] == MP_OBJ_NULL) {
        if (f != NULL) {
            // Views into a global variable need no owner, and keep a const one's read-only mark.
            mp_obj_t owner = mpb_struct_is_global(self, false) ? self->owner : self_in;
            dest[0] = mpb_field_load(f, mpb_struct_data(self), owner);
            return;
        }
        if (!members_first) {
            class_member(self_in, MPB_STRUCT_BASE(t), attr, dest);
        }
        if (dest[0] == MP_OBJ_NULL && t->identity != NULL && !mpb_struct_is_global(self, false)) {
            mpb_object_attr(t, self, attr, dest); // a name of the user's own on an object with identity
        }
    } else if (f == NULL && t->identity != NULL && !mpb_struct_is_global(self, false)) {
        // Objects with identity keep attributes of the user's own names (a custom widget's state), not the names of
        // the class's members.
        mp_obj_t member[2] = { MP_OBJ_NULL, MP_OBJ_NULL };
        if (!class_member(self_in, MPB_STRUCT_BASE(t), attr, member) && mpb_object_attr(t, self, attr, dest)) {
            dest[0] = MP_OBJ_NULL; // done
        } else if (dest[1] != MP_OBJ_NULL) {
            mpb_raise_no_field(t, attr);
        }
    } else if (dest[1] != MP_OBJ_NULL) {
        if (f == NULL) {
            mpb_raise_no_field(t, attr);
        }
        if (f->flags & MPB_F_CONST) {
            nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
                MPB_ERROR_TEXT("field '%q' of '%q' is const"), attr, (qstr)t->type.name));
        }
        mpb_struct_check_writable(self, false);
        mpb_field_store(f, mpb_struct_data(self), dest[1]);
        dest[0] = MP_OBJ_NULL; // stored
    }
}

// Fields first; other names (SIZE, __cast__, methods) come from the class's locals dict and its bases'. For classes
// of objects with identity where no name is both (MPB_S_MEMBERS_FIRST), the members are looked up first: a method
// call skips the field scan. Objects with identity then have the names of the user's own (mpb_object_attr).
void mpb_struct_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    const mpb_struct_type_t *t = mpb_struct_class(self_in);
    // A method looked up first, kept short (every method call of an object with identity comes here).
    if (dest[0] == MP_OBJ_NULL && (t->flags & MPB_S_MEMBERS_FIRST) &&
        class_member(self_in, MPB_STRUCT_BASE(t), attr, dest)) {
        return;
    }
    struct_attr(self_in, t, attr, dest);
}

// s[i]: element i of an array made by T(n) or viewed from C (unchecked when the length is unknown).
mp_obj_t mpb_struct_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    mpb_struct_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_struct_type_t *t = mpb_struct_class(self_in);
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
    uint8_t *p = (uint8_t *)mpb_struct_data(self) + i * t->size;
    if (value == MP_OBJ_SENTINEL) {
        return mpb_new_struct_ref(t, p, self_in);
    }
    mpb_struct_check_writable(self, false);
    mpb_struct_assign(t, p, value, NULL, 0);
    return mp_const_none;
}

// The struct class a class method was called on: cls itself, or the struct class a Python subclass inherits; a
// TypeError for any other class (the shared base reached through __bases__).
static const mpb_struct_type_t *class_of(mp_obj_t cls) {
    const mp_obj_type_t *t = MP_OBJ_TO_PTR(cls);
    while (t != NULL && mp_obj_is_instance_type(t)) {
        const mp_obj_type_t *parent = MPB_TYPE_SLOT(t, parent);
        t = parent != NULL && ((const mp_obj_base_t *)parent)->type == &mp_type_type ? parent : NULL;
    }
    if (t == NULL || !mpb_is_struct_type(t)) {
        mp_raise_TypeError(MPB_ERROR_TEXT("not a struct class"));
    }
    return MPB_STRUCT_OF(t);
}

// T.__cast__(ptr): an instance viewing the memory at ptr (None for NULL); ptr's object is kept alive.
static mp_obj_t struct_cast(mp_obj_t cls, mp_obj_t ptr) {
    const mpb_struct_type_t *t = class_of(cls);
    return mpb_new_struct_ref(t, mpb_get_ptr(ptr, NULL, 0), ptr);
}
static MP_DEFINE_CONST_FUN_OBJ_2(struct_cast_fun_obj, struct_cast);
MP_DEFINE_CONST_CLASSMETHOD_OBJ(mpb_struct_cast_obj, MP_ROM_PTR(&struct_cast_fun_obj));

// T.__fields__(): a (name, mpb_code_t, array length) tuple per field, in table order, for tools that enumerate
// the fields (tests/py/fuzz); dir() of an instance does not list them.
static mp_obj_t struct_fields(mp_obj_t cls) {
    const mpb_struct_type_t *t = class_of(cls);
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
                                                     : (mp_int_t)mpb_struct_class(MP_OBJ_FROM_PTR(self))->size;
    if (n < 0) {
        mp_raise_ValueError(MPB_ERROR_TEXT("negative size"));
    }
    return mp_obj_new_memoryview('B' | MPB_MEMVIEW_RW, n, mpb_struct_data(self));
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mpb_struct_dereference_obj, 1, 2, struct_dereference);

// The __setattr__ a Python subclass's instances call for every attribute they set (MicroPython binds it to the
// struct instance inside them): field names are stored into the C memory like on a plain instance. Other names
// cannot be kept (the struct instance has no dictionary and cannot reach the subclass instance), so they raise.
static mp_obj_t struct_setattr(mp_obj_t self_in, mp_obj_t name, mp_obj_t value) {
    self_in = MP_OBJ_FROM_PTR(method_self(self_in));
    const mpb_struct_type_t *t = mpb_struct_class(self_in);
    qstr attr = mp_obj_str_get_qstr(name);
    if (mpb_find_field(t, attr) == NULL) {
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
    mpb_struct_check_writable(self, true);
    const mpb_struct_type_t *t = mpb_struct_class(MP_OBJ_FROM_PTR(self));
    if (t->identity != NULL) { // the one wrapper of its object, which holds the object's state
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError,
            MPB_ERROR_TEXT("%q objects have identity and are not re-pointed: use %q.__cast__"), (qstr)t->type.name,
            (qstr)t->type.name));
    }
    self->data = mpb_get_ptr(ptr, NULL, 0);
    self->owner = ptr;
    self->count = 0;
    return self_in;
}
MP_DEFINE_CONST_FUN_OBJ_2(mpb_struct_cast_instance_obj, struct_cast_instance);

// The base of every struct class without one of its own: the members they all share (MPB_STRUCT_SHARED_LOCALS_ENTRIES).
static const mp_rom_map_elem_t struct_base_locals_table[] = {
    MPB_STRUCT_SHARED_LOCALS_ENTRIES,
};
static MP_DEFINE_CONST_DICT(struct_base_locals, struct_base_locals_table);
#if MPB_NEW_API
MP_DEFINE_CONST_OBJ_TYPE(mpb_type_struct_base, MP_QSTR_struct, MP_TYPE_FLAG_NONE, locals_dict, &struct_base_locals);
#else
const mp_obj_type_t mpb_type_struct_base = {
    { &mp_type_type },
    .name = MP_QSTR_struct,
    .locals_dict = (mp_obj_dict_t *)&struct_base_locals,
};
#endif
