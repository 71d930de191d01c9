// mpb_callback.c: where trampolines find Python callables: closures for void * user data, user-data dicts and the
// module roots for the struct conventions.
#include <string.h>

#include "mpb_blob.h"
#include "mpb_callback.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_fun.h"
#include "mpb_pending.h"
#include "mpb_roots.h"

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

// The closures of one registration slot, by instance: roots[key] = {instance address: closure}, so that registering
// on a second instance (another sqlite3 connection) does not release the first one's callables.
static mp_map_t *slot_closures(const void *key, bool create) {
    mp_obj_t k = mpb_new_u64((uintptr_t)key);
    mp_obj_t d = mpb_root_get(k);
    if (d == MP_OBJ_NULL || !mpb_obj_is_type(d, &mp_type_dict)) {
        if (!create) {
            return NULL;
        }
        d = mp_obj_new_dict(0);
        mpb_root_set(k, d);
    }
    return mp_obj_dict_get_map(d);
}

void *mpb_closure_new(const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n, size_t user_arg,
    const void *key, const void *instance) {
    for (size_t k = 0; k < n; ++k) {
        mp_obj_t o = args[cb_args[k]];
        if (o != mp_const_none && !mpb_is_py_callback(o)) {
            mpb_raise_at(&mp_type_TypeError, self, cb_args[k],
                "cannot mix a C function with Python callables sharing one user-data argument", "");
        }
    }
    mp_obj_t user = args[user_arg];
    mp_obj_t inst = mpb_new_u64((uintptr_t)instance);
    mp_map_t *closures = slot_closures(key, true); // a dict's map stays put while the closure is allocated
    mp_map_elem_t *e = mp_map_lookup(closures, inst, MP_MAP_LOOKUP);
    if (e != NULL && mpb_obj_is_type(e->value, &mpb_type_closure)) {
        mpb_closure_t *old = closure_reusable(MP_OBJ_TO_PTR(e->value), args, cb_args, n, user);
        if (old != NULL) {
            return old;
        }
    }
    mpb_closure_t *c = m_malloc(sizeof(mpb_closure_t) + n * sizeof(mp_obj_t));
    c->base.type = &mpb_type_closure;
    c->user = user;
    c->n = n;
    for (size_t k = 0; k < n; ++k) {
        c->callables[k] = args[cb_args[k]];
    }
    mp_map_lookup(closures, inst, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = MP_OBJ_FROM_PTR(c);
    return c;
}

void mpb_closure_release(const void *key, const void *instance) {
    mp_map_t *m = slot_closures(key, false);
    if (m != NULL) {
        mp_map_lookup(m, mpb_new_u64((uintptr_t)instance), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    }
}

// ---- struct user-data conventions ----

static void *load_ptr_at(const void *base, int16_t offset) {
    void *p;
    memcpy(&p, (const char *)base + offset, sizeof(p)); // user fields of packed structs may be unaligned
    return p;
}

// The map holding the slot's callable for the owner struct: its user-data dict, else (no user field) the roots.
// NULL when the user field holds no dict (or there are no roots yet).
static mp_map_t *owner_map(const mpb_cbslot_t *s, void *owner) {
    if (s->owner_user == MPB_USER_NONE || owner == NULL) {
        return mpb_roots_map(false);
    }
    void *ud = load_ptr_at(owner, s->owner_user);
    return mpb_is_heap_dict(ud) ? mp_obj_dict_get_map(MP_OBJ_FROM_PTR(ud)) : NULL;
}

// The owner's user-data dict, made and stored into its user field when that is NULL. The dict is reachable from
// the struct (the GC scans heap structs) or, for a struct in C memory, from the roots (mpb_keep_for_c).
static mp_map_t *owner_map_for_store(const mpb_cbslot_t *s, void *owner, const void *where, size_t i) {
    if (s->owner_user == MPB_USER_NONE || owner == NULL) {
        return mpb_roots_map(true);
    }
    void *field = (char *)owner + s->owner_user;
    void *ud = load_ptr_at(owner, s->owner_user);
    if (ud == NULL) {
        mp_obj_t d = mp_obj_new_dict(0);
        ud = MP_OBJ_TO_PTR(d);
        mpb_keep_for_c(field, d);
        memcpy(field, &ud, sizeof(ud));
    } else if (!mpb_is_heap_dict(ud)) {
        mpb_raise_at(&mp_type_TypeError, where, i,
            "a Python callback is kept in the struct's user-data dict, but its user field holds a C pointer", "");
    }
    return mp_obj_dict_get_map(MP_OBJ_FROM_PTR(ud));
}

mpb_cfun_t mpb_cb_store(const mpb_cbslot_t *s, void *owner, mp_obj_t v, const void *where, size_t i) {
    mp_obj_t key = MP_OBJ_NEW_QSTR(s->key);
    if (mpb_is_py_callback(v)) {
        mp_map_lookup(owner_map_for_store(s, owner, where, i), key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = v;
        return s->tramp;
    }
    mpb_cfun_t raw = mpb_get_funptr(v, s->sig, where, i);
    mp_map_t *map = owner_map(s, owner);
    if (map != NULL) {
        // A C function object is remembered for reading back (only in a dict that exists: none is made for it).
        bool remember = mpb_obj_is_type(v, &mpb_type_fun) && s->owner_user != MPB_USER_NONE;
        mp_map_elem_t *e = mp_map_lookup(map, key,
            remember ? MP_MAP_LOOKUP_ADD_IF_NOT_FOUND : MP_MAP_LOOKUP_REMOVE_IF_FOUND);
        if (remember) {
            e->value = v;
        }
    }
    return raw;
}

mp_obj_t mpb_cb_load(const mpb_cbslot_t *s, void *owner, mpb_cfun_t raw) {
    if (raw == NULL) {
        return mp_const_none;
    }
    mp_map_t *map = owner_map(s, owner);
    mp_map_elem_t *e = map != NULL ? mp_map_lookup(map, MP_OBJ_NEW_QSTR(s->key), MP_MAP_LOOKUP) : NULL;
    if (e != NULL) {
        mp_obj_t v = e->value;
        bool same_fun = mpb_obj_is_type(v, &mpb_type_fun) && ((const mpb_fun_t *)MP_OBJ_TO_PTR(v))->addr == raw;
        if (same_fun || (raw == s->tramp && mpb_is_py_callback(v))) {
            return v;
        }
    }
    return mpb_new_funptr(raw);
}

mp_obj_t mpb_cb_find(const mpb_cbslot_t *s, const void *ctx) {
    mp_obj_t key = MP_OBJ_NEW_QSTR(s->key);
    if (ctx != NULL && s->ctx_user != MPB_USER_NONE) {
        const void *ud = s->ctx_user == MPB_USER_IS_ARG ? ctx : load_ptr_at(ctx, s->ctx_user);
        if (mpb_is_heap_dict(ud)) {
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(MP_OBJ_FROM_PTR(ud)), key, MP_MAP_LOOKUP);
            if (e != NULL && mpb_is_py_callback(e->value)) {
                return e->value;
            }
        }
    }
    mp_obj_t f = mpb_root_get(key);
    return f != MP_OBJ_NULL && mpb_is_py_callback(f) ? f : MP_OBJ_NULL;
}

void mpb_cb_missing(const mpb_cbslot_t *s) {
    mpb_callback_failed(MP_OBJ_TO_PTR(mp_obj_new_exception_msg_varg(&mp_type_RuntimeError,
        MPB_ERROR_TEXT("callback '%q' called from C, but its Python callable is gone (user data replaced?)"),
        (qstr)s->key)));
}

