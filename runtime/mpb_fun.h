// mpb_fun.h: the C function object type shared by every generated function, and how modules define one.
#ifndef MPB_FUN_H
#define MPB_FUN_H

#include "mpb_types.h"

extern const mp_obj_type_t mpb_type_fun;

// Raised out of line when a call has the wrong number of arguments or keyword arguments.
MPB_NORETURN void mpb_raise_arg_count(const mpb_fun_t *f, size_t n_args, size_t n_kw);

// Defines the function object `var` for C function cfun, called through `wrapper`.
#define MPB_DEFINE_FUN(var, qname, wrapper_, cfun, sig_, params_, types_, nargs) \
    const mpb_fun_t var = { { &mpb_type_fun }, wrapper_, (mpb_cfun_t)(cfun), sig_, params_, types_, qname, nargs }

#endif // MPB_FUN_H
