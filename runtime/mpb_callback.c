// mpb_callback.c: closures for registered Python callables, and exceptions carried from callbacks to their caller.
#include "mpb_runtime.h"
#include "mpb_error.h"

bool mpb_callback_pending;

#if MPB_NEW_API
static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_closure, MP_QSTR_closure_data, MP_TYPE_FLAG_NONE);
#else
static const mp_obj_type_t mpb_type_closure = { { &mp_type_type }, .name = MP_QSTR_closure_data };
#endif

bool mpb_is_py_callback(mp_obj_t o) {
    return o != mp_const_none && !mpb_obj_is_type(o, &mpb_type_fun) && !mpb_obj_is_type(o, &mpb_type_blob)
           && mp_obj_is_callable(o);
}

// The slot's closure is reused when the same callables and user data are registered again (no allocation).
static mpb_closure_t *closure_reusable(mpb_closure_t *old, const mp_obj_t *args, const uint8_t *cb_args, size_t n,
    mp_obj_t user) {
    if (old->user != user || old->n != n) {
        return NULL;
    }
    for (size_t k = 0; k < n; ++k) {
        if (old->callables[k] != args[cb_args[k]]) {
            return NULL;
        }
    }
    return old;
}

void *mpb_closure_new(const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n, size_t user_arg,
    const void *key) {
    if (n > MPB_CLOSURE_MAX) {
        mpb_raise_at(&mp_type_ValueError, self, user_arg, "too many callbacks share this user data", "");
    }
    for (size_t k = 0; k < n; ++k) {
        mp_obj_t o = args[cb_args[k]];
        if (o != mp_const_none && !mpb_is_py_callback(o)) {
            mpb_raise_at(&mp_type_TypeError, self, cb_args[k],
                "cannot mix a C function with Python callables sharing one user-data argument", "");
        }
    }
    mp_obj_t user = args[user_arg];
    if (MP_STATE_VM(mpb_roots) != MP_OBJ_NULL) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(MP_STATE_VM(mpb_roots)), mpb_new_u64((uintptr_t)key),
            MP_MAP_LOOKUP);
        if (e != NULL && mpb_obj_is_type(e->value, &mpb_type_closure)) {
            mpb_closure_t *old = closure_reusable(MP_OBJ_TO_PTR(e->value), args, cb_args, n, user);
            if (old != NULL) {
                return old;
            }
        }
    }
    mpb_closure_t *c = mpb_obj_malloc(mpb_closure_t, &mpb_type_closure);
    c->user = user;
    c->n = n;
    for (size_t k = 0; k < MPB_CLOSURE_MAX; ++k) {
        c->callables[k] = k < n ? args[cb_args[k]] : mp_const_none;
    }
    mpb_keep(key, MP_OBJ_FROM_PTR(c));
    return c;
}

// The exception is rooted in mpb_roots (keyed by the flag) until raised; the first one wins.
void mpb_callback_failed(void *exc) {
    if (!mpb_callback_pending) {
        mpb_keep(&mpb_callback_pending, MP_OBJ_FROM_PTR(exc));
        mpb_callback_pending = true;
    }
}

void mpb_raise_pending_slow(void) {
    mp_obj_t exc = mp_obj_dict_get(MP_STATE_VM(mpb_roots), mpb_new_u64((uintptr_t)&mpb_callback_pending));
    mpb_release(&mpb_callback_pending);
    mpb_callback_pending = false;
    nlr_raise(exc);
}
