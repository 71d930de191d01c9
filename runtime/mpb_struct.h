// mpb_struct.h: struct and union classes driven by field tables, and the macros generated modules define them with.
#ifndef MPB_STRUCT_H
#define MPB_STRUCT_H

#include "mpb_types.h"
#include "mpb_blob.h"
#include "mpb_instance.h"

// The slots every struct class shares (with those of mpb_instance.h); the class differs only in its name, layout
// and locals.
mp_obj_t mpb_struct_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
void mpb_struct_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
mp_obj_t mpb_struct_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value);
MP_DECLARE_CONST_CLASSMETHOD_OBJ(mpb_struct_cast_obj);
MP_DECLARE_CONST_CLASSMETHOD_OBJ(mpb_struct_fields_obj);
MP_DECLARE_CONST_FUN_OBJ_2(mpb_struct_cast_instance_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(mpb_struct_dereference_obj);
MP_DECLARE_CONST_FUN_OBJ_3(mpb_struct_setattr_obj);

// The members every struct class shares, in the locals of the runtime's class mpb_type_struct_base, which every struct
// class without a base of its own inherits (one table for all, not seven entries in each): the cast helpers,
// __dereference__, __fields__, and __setattr__, through which v1.9.2 sends a Python subclass's field writes to the C
// memory.
extern const mp_obj_type_t mpb_type_struct_base;
#define MPB_STRUCT_SHARED_LOCALS_ENTRIES \
    { MP_ROM_QSTR(MP_QSTR___fields__), MP_ROM_PTR(&mpb_struct_fields_obj) }, \
    { MP_ROM_QSTR(MP_QSTR___cast__), MP_ROM_PTR(&mpb_struct_cast_obj) }, \
    { MP_ROM_QSTR(MP_QSTR___cast_instance__), MP_ROM_PTR(&mpb_struct_cast_instance_obj) }, \
    { MP_ROM_QSTR(MP_QSTR___dereference__), MP_ROM_PTR(&mpb_struct_dereference_obj) }, \
    { MP_ROM_QSTR(MP_QSTR___setattr__), MP_ROM_PTR(&mpb_struct_setattr_obj) }

// The locals of a struct class: SIZE and __SIZE__ (the original binding's name), its own values; methods go here too.
#define MPB_STRUCT_LOCALS_ENTRIES(csize) \
    { MP_ROM_QSTR(MP_QSTR_SIZE), MP_ROM_INT(csize) }, \
    { MP_ROM_QSTR(MP_QSTR___SIZE__), MP_ROM_INT(csize) }

// Defines a struct class `var` named qname, of csize bytes, with nfields rows of fieldtab; ctor_ (or NULL) is the
// C function T(...) calls instead of making a zeroed instance; ident_ (or NULL) the mpb_identity_t of its objects. It
// inherits mpb_type_struct_base.
// MPB_DEFINE_STRUCT_SUBTYPE: the same for a class inheriting parent_ (an object class of a base object type): instances
// are instances of parent_ too, attributes its locals lack are looked up in its parent's (mpb_struct_attr).
#define MPB_DEFINE_STRUCT_TYPE(var, qname, csize, sflags, nfields, fieldtab, locals, ctor_, ident_) \
    MPB_DEFINE_STRUCT_CLASS(var, qname, &mpb_type_struct_base, csize, sflags, nfields, fieldtab, locals, ctor_, ident_)
#define MPB_DEFINE_STRUCT_SUBTYPE(var, qname, parent_, csize, sflags, nfields, fieldtab, locals, ctor_, ident_) \
    MPB_DEFINE_STRUCT_CLASS(var, qname, (const mp_obj_type_t *)&(parent_).type, csize, sflags, nfields, fieldtab, \
                            locals, ctor_, ident_)
#if MPB_NEW_API
#define MPB_DEFINE_STRUCT_CLASS(var, qname, parent_type, csize, sflags, nfields, fieldtab, locals, ctor_, ident_) \
    const mpb_struct_type_t var = { \
        .type = { .base = { &mp_type_type }, .flags = MP_TYPE_FLAG_NONE, .name = qname, \
                  .slot_index_make_new = 1, .slot_index_print = 2, .slot_index_unary_op = 3, \
                  .slot_index_attr = 4, .slot_index_subscr = 5, .slot_index_buffer = 6, \
                  .slot_index_locals_dict = 7, .slot_index_binary_op = 8, .slot_index_parent = 9 }, \
        .slots = { (const void *)mpb_struct_make_new, (const void *)mpb_struct_print, \
                   (const void *)mpb_struct_unary_op, (const void *)mpb_struct_attr, \
                   (const void *)mpb_struct_subscr, (const void *)mpb_struct_get_buffer, \
                   (const void *)&locals, (const void *)mpb_struct_binary_op, (const void *)(parent_type) }, \
        .size = csize, .n_fields = nfields, .flags = sflags, .fields = fieldtab, .ctor = ctor_, .identity = ident_ }
#else
#define MPB_DEFINE_STRUCT_CLASS(var, qname, parent_type, csize, sflags, nfields, fieldtab, locals, ctor_, ident_) \
    const mpb_struct_type_t var = { \
        .type = { { &mp_type_type }, .name = qname, .print = mpb_struct_print, .make_new = mpb_struct_make_new, \
                  .unary_op = mpb_struct_unary_op, .binary_op = mpb_struct_binary_op, .attr = mpb_struct_attr, \
                  .subscr = mpb_struct_subscr, .buffer_p = { .get_buffer = mpb_struct_get_buffer }, \
                  .locals_dict = (mp_obj_dict_t *)&locals, .parent = (parent_type) }, \
        .size = csize, .n_fields = nfields, .flags = sflags, .fields = fieldtab, .ctor = ctor_, .identity = ident_ }
#endif

#endif // MPB_STRUCT_H
