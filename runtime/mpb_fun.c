// mpb_fun.c: the C function object: checks the argument count, then runs the wrapper its signature shares.
#include "mpb_convert.h"
#include "mpb_fun.h"
#include "mpb_pending.h"

void mpb_raise_arg_count(const mpb_fun_t *f, size_t n_args, size_t n_kw) {
    if (n_kw != 0) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError,
            MPB_ERROR_TEXT("%q() takes no keyword arguments"), (qstr)f->name));
    }
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError,
        MPB_ERROR_TEXT("%q() takes %d arguments but %d were given"), (qstr)f->name, (int)mpb_fun_shape(f)->n_args,
        (int)n_args));
}

// The hot path of every call: the shape's argument count, the shared wrapper, two flag tests. Any C function may
// call a Python callback (through a struct field set earlier); one that raised left its exception pending, raised
// here once C has returned, so the exception never unwinds through C frames. Only the call during which it became
// pending raises it: C's later callbacks still run (a GUI's flush must still signal flush-ready), and their own C
// calls must not raise an exception that belongs to the outer call.
mp_obj_t mpb_fun_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mpb_fun_t *self = MP_OBJ_TO_PTR(self_in);
    const mpb_fun_shape_t *shape = mpb_fun_shape(self);
    if (MP_UNLIKELY(n_args != shape->n_args || n_kw != 0)) {
        mpb_raise_arg_count(self, n_args, n_kw);
    }
    bool was_pending = mpb_callback_pending; // an earlier sibling callback's exception belongs to an outer call
    mp_obj_t r = shape->wrapper(self, args);
    if (!was_pending) {
        mpb_raise_pending();
    }
    return r;
}

void mpb_fun_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    const mpb_fun_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<C function %q>", (qstr)self->name);
}

// f.__address__: the C address, the value a C function pointer holding f would have.
void mpb_fun_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    const mpb_fun_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR___address__) {
        dest[0] = mpb_new_u64((uintptr_t)self->addr);
    } else if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR___name__) {
        dest[0] = MP_OBJ_NEW_QSTR(self->name);
    } else if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR___sig__) {
        // The ABI signature ("i32(p,i32)"), so tools (tests/py/fuzz) can find what each parameter takes.
        dest[0] = mpb_new_str(mpb_fun_sig(self));
    }
}

// Every bound function costs one object, every wrapper one shape: three words and two on a 64-bit target (the
// 16-bit fields fill the last word), 16 and 8 bytes on a 32-bit one.
typedef char mpb_fun_size_check[sizeof(mpb_fun_t) <= 2 * sizeof(void *) + 8 ? 1 : -1];
typedef char mpb_fun_shape_size_check[sizeof(mpb_fun_shape_t) <= 2 * sizeof(void *) ? 1 : -1];
