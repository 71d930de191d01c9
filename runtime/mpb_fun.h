// mpb_fun.h: the C function object type shared by every generated function, and how modules define one.
#ifndef MPB_FUN_H
#define MPB_FUN_H

#include "mpb_types.h"

extern const mp_obj_type_t mpb_type_fun;

// Raised out of line when a call has the wrong number of arguments or keyword arguments.
MPB_NORETURN void mpb_raise_arg_count(const mpb_fun_t *f, size_t n_args, size_t n_kw);

// Defines the descriptor `var` that the functions of one shape share: their wrapper, the module's string pool with
// their signature's offset in it, their struct classes (or NULL) and argument count.
#define MPB_DEFINE_FUN_SHAPE(var, wrapper_, strings_, sig_, types_, nargs) \
    const mpb_fun_shape_t var = { wrapper_, strings_, types_, sig_, nargs }

// Defines the function object `var` for C function cfun, of shape shape_ (a descriptor's name), with its parameter
// names at offset params_ of the shape's strings.
#define MPB_DEFINE_FUN(var, qname, cfun, shape_, params_) \
    const mpb_fun_t var = { { &mpb_type_fun }, (mpb_cfun_t)(cfun), &shape_, qname, params_ }

#endif // MPB_FUN_H
