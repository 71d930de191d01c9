// mpb_fun.h: the C function object type shared by every generated function, and how modules define one.
#ifndef MPB_FUN_H
#define MPB_FUN_H

#include "mpb_types.h"

// The slots of every module's function type.
mp_obj_t mpb_fun_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args);
void mpb_fun_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind);
void mpb_fun_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);

// True for a C function object of any mpbind module.
static inline bool mpb_is_fun(mp_obj_t o) {
    return mpb_is_obj(o) && MPB_TYPE_SLOT(((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type, call) == mpb_fun_call;
}

// True for a function of any kind (a C function object, or the core's): found in a class, it binds to the instance,
// as the core's own lookup binds it (v1.9.2: any type named function; >= 1.20: those types carry
// MP_TYPE_FLAG_BINDS_SELF).
static inline bool mpb_is_any_function(mp_obj_t o) {
    return mpb_is_obj(o) && ((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type->name == MP_QSTR_function;
}

// Raised out of line when a call has the wrong number of arguments or keyword arguments.
MPB_NORETURN void mpb_raise_arg_count(const mpb_fun_t *f, size_t n_args, size_t n_kw);

// One row of a module's shapes: the wrapper the functions of this shape share, the offset of their signature in the
// module's strings and their argument count.
#define MPB_FUN_SHAPE(wrapper_, sig_, nargs) { wrapper_, sig_, nargs }

// Defines the function type `var` of one module: its shapes, strings and struct classes (or NULL).
#if MPB_NEW_API
#define MPB_DEFINE_FUN_TYPE(var, shapes_, strings_, classes_) \
    const mpb_fun_type_t var = { \
        .type = { .base = { &mp_type_type }, .flags = MP_TYPE_FLAG_BINDS_SELF, .name = MP_QSTR_function, \
                  .slot_index_call = 1, .slot_index_print = 2, .slot_index_attr = 3, \
                  .slots = { (const void *)mpb_fun_call, (const void *)mpb_fun_print, (const void *)mpb_fun_attr } }, \
        .shapes = shapes_, .strings = strings_, .strings_len = sizeof(strings_) - 1, .classes = classes_ }
#else
#define MPB_DEFINE_FUN_TYPE(var, shapes_, strings_, classes_) \
    const mpb_fun_type_t var = { \
        .type = { { &mp_type_type }, .name = MP_QSTR_function, .print = mpb_fun_print, .call = mpb_fun_call, \
                  .attr = mpb_fun_attr }, \
        .shapes = shapes_, .strings = strings_, .strings_len = sizeof(strings_) - 1, .classes = classes_ }
#endif

// Defines the function object `var` for C function cfun, of type funtype (its module's mpb_fun_type_t), with shape
// number shape_, its struct classes at offset classes_ of the module's classes (MPB_NO_CLASSES: none) and its
// parameter names at offset params_ of the module's strings.
#define MPB_DEFINE_FUN(var, qname, cfun, funtype, shape_, classes_, params_) \
    const mpb_fun_t var = { { (const mp_obj_type_t *)&(funtype).type }, (mpb_cfun_t)(cfun), shape_, qname, params_, \
                            classes_ }

#endif // MPB_FUN_H
