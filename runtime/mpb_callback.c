// mpb_callback.c: closures for registered Python callables, and exceptions carried from callbacks to their caller.
#include "mpb_runtime.h"

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

// The slot's closure is reused when the same callable and user data are registered again (no allocation).
void *mpb_closure_new(mp_obj_t callable, mp_obj_t user, const void *key) {
    if (MP_STATE_VM(mpb_roots) != MP_OBJ_NULL) {
        mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(MP_STATE_VM(mpb_roots)), mpb_new_u64((uintptr_t)key),
            MP_MAP_LOOKUP);
        if (e != NULL && mpb_obj_is_type(e->value, &mpb_type_closure)) {
            mpb_closure_t *old = MP_OBJ_TO_PTR(e->value);
            if (old->callable == callable && old->user == user) {
                return old;
            }
        }
    }
    mpb_closure_t *c = mpb_obj_malloc(mpb_closure_t, &mpb_type_closure);
    c->callable = callable;
    c->user = user;
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
