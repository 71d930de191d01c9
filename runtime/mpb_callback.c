// mpb_callback.c: where trampolines find Python callables: closures for void * user data, user-data dicts and the
// module roots for the struct conventions.
#include <string.h>

#include "py/objlist.h"

#include "mpb_blob.h"
#include "mpb_callback.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_fun.h"
#include "mpb_instance.h"
#include "mpb_pending.h"
#include "mpb_roots.h"

#if MPB_NEW_API
static MP_DEFINE_CONST_OBJ_TYPE(mpb_type_closure, MP_QSTR_closure_data, MP_TYPE_FLAG_NONE);
#else
static const mp_obj_type_t mpb_type_closure = { { &mp_type_type }, .name = MP_QSTR_closure_data };
#endif

bool mpb_is_object_data(mp_obj_t o) {
    mp_buffer_info_t bi;
    return o != mp_const_none && !mpb_obj_is_type(o, &mpb_type_blob) && !mpb_is_fun(o) &&
           !mpb_is_struct(o) && mpb_struct_native(o) == o && (mpb_is_small_int(o) || !mp_get_buffer(o, &bi, MP_BUFFER_READ));
}

bool mpb_is_py_callback(mp_obj_t o) {
    return o != mp_const_none && !mpb_is_fun(o) && !mpb_obj_is_type(o, &mpb_type_blob)
           && mp_obj_is_callable(o);
}

// Every live heap closure, in a dict rooted under qstr `closure_data`: {address / word size: closure}, whose size
// mpb_closures_live reports.
static mp_map_t *live_closures(bool create) {
    return mpb_root_map(MP_OBJ_NEW_QSTR(MP_QSTR_closure_data), create);
}

size_t mpb_closures_live(void) {
    mp_map_t *m = live_closures(false);
    return m != NULL ? m->used : 0;
}

mpb_closure_t *mpb_closure_at(const void *p) {
    return mpb_heap_object(p, sizeof(mpb_closure_t), &mpb_type_closure);
}

mp_obj_t mpb_user_data_to_py(const void *p) {
    mpb_closure_t *c = mpb_closure_at(p);
    return c != NULL ? c->user : mpb_new_ptr(p);
}

// The closures of one REPLACE registration slot, by instance: roots[key] = {instance address: closure}, so that
// registering on a second instance (another sqlite3 connection) does not release the first one's callables.
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

static void fill_closure(mpb_closure_t *c, const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n,
    size_t user_arg) {
    for (size_t k = 0; k < n; ++k) {
        mp_obj_t o = args[cb_args[k]];
        if (o != mp_const_none && !mpb_is_py_callback(o)) {
            mpb_raise_at(&mp_type_TypeError, self, cb_args[k],
                "cannot mix a C function with Python callables sharing one user-data argument", "");
        }
    }
    c->base.type = &mpb_type_closure;
    c->user = args[user_arg];
    c->key = NULL;
    c->instance = NULL;
    c->handle = 0;
    c->how = MPB_RELEASE_KEEP;
    c->n = n;
    for (size_t k = 0; k < n; ++k) {
        c->callables[k] = args[cb_args[k]];
    }
}

void *mpb_closure_init(mpb_closure_t *c, const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n,
    size_t user_arg) {
    fill_closure(c, self, args, cb_args, n, user_arg);
    return c;
}

void *mpb_closure_new(const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n, size_t user_arg,
    const void *key, const void *instance, mpb_release_t how) {
    mpb_closure_t *c = m_malloc(sizeof(mpb_closure_t) + n * sizeof(mp_obj_t));
    fill_closure(c, self, args, cb_args, n, user_arg);
    c->key = key;
    c->instance = instance;
    c->how = how;
    if (how == MPB_RELEASE_REPLACE) {
        mpb_closure_release_slot(key, instance);
        mp_map_t *slot = slot_closures(key, true); // a dict's map stays put while the entry is added
        mp_map_lookup(slot, mpb_new_u64((uintptr_t)instance), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            MP_OBJ_FROM_PTR(c);
    }
    mp_map_lookup(live_closures(true), mpb_address_key(c), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = MP_OBJ_FROM_PTR(c);
    return c;
}

void mpb_closure_release(mpb_closure_t *c) {
    mp_map_t *live = live_closures(false);
    if (live == NULL || !mpb_map_remove(live, mpb_address_key(c))) {
        return; // released already (or a closure on a wrapper's stack)
    }
    if (c->how == MPB_RELEASE_REPLACE) {
        mp_map_t *slot = slot_closures(c->key, false);
        mp_obj_t inst = mpb_new_u64((uintptr_t)c->instance);
        mp_map_elem_t *e = slot != NULL ? mp_map_lookup(slot, inst, MP_MAP_LOOKUP) : NULL;
        if (e != NULL && e->value == MP_OBJ_FROM_PTR(c)) {
            mpb_map_remove(slot, inst);
        }
    }
}

void mpb_closure_release_slot(const void *key, const void *instance) {
    mp_map_t *m = slot_closures(key, false);
    mp_map_elem_t *e = m != NULL ? mp_map_lookup(m, mpb_new_u64((uintptr_t)instance), MP_MAP_LOOKUP) : NULL;
    if (e != NULL && mpb_obj_is_type(e->value, &mpb_type_closure)) {
        mpb_closure_release(MP_OBJ_TO_PTR(e->value));
    }
}

// Releases every live closure of slot `key` that `match` accepts (a dict's removal only marks the slot, so the
// table can be walked while releasing).
static void release_matching(const void *key, bool (*match)(const mpb_closure_t *c, const void *arg), const void *arg) {
    mp_map_t *live = live_closures(false);
    for (size_t i = 0; live != NULL && i < live->alloc; ++i) {
        if (!mpb_map_slot_is_filled(live, i)) {
            continue;
        }
        mpb_closure_t *c = MP_OBJ_TO_PTR(live->table[i].value);
        if (c->key == key && match(c, arg)) {
            mpb_closure_release(c);
        }
    }
}

typedef struct {
    const void *instance;
    uintptr_t handle;
} handle_match_t;

static bool handle_is(const mpb_closure_t *c, const void *arg) {
    const handle_match_t *m = arg;
    return c->handle == m->handle && (m->instance == NULL || c->instance == m->instance);
}

static bool instance_is(const mpb_closure_t *c, const void *arg) {
    return c->instance == arg;
}

// A handle C gives again belongs to a registration C dropped on its own (a timer whose repeat count ran out, its
// memory reused): the closure registered with it before is released, so such closures stay as few as C's handles.
void mpb_closure_set_handle(void *c_in, uintptr_t handle) {
    mpb_closure_t *c = c_in;
    if (handle == 0) {
        mpb_closure_release(c); // nothing was registered
        return;
    }
    handle_match_t m = { c->instance, handle };
    release_matching(c->key, handle_is, &m);
    c->handle = handle;
}

void mpb_closures_release_handle(const void *key, const void *instance, uintptr_t handle) {
    handle_match_t m = { instance, handle };
    release_matching(key, handle_is, &m);
}

void mpb_closures_release_object(const void *key, const void *instance) {
    release_matching(key, instance_is, instance);
}

// The closure of registration slot `key` at user-data pointer p holding a callable at `index`, else NULL.
static mpb_closure_t *closure_of(const void *p, const void *key, size_t index) {
    mpb_closure_t *c = mpb_closure_at(p);
    mp_map_t *live = live_closures(false);
    return c != NULL && c->key == key && index < c->n && live != NULL &&
           mp_map_lookup(live, mpb_address_key(c), MP_MAP_LOOKUP) != NULL ? c : NULL;
}

mpb_cfun_t mpb_closure_rebind(const void *self, size_t i, const void *user_data, const void *key, size_t index,
    mp_obj_t value, mpb_cfun_t tramp, mpb_cfun_t address) {
    mpb_closure_t *c = closure_of(user_data, key, index);
    if (!mpb_is_py_callback(value)) {
        if (c != NULL) {
            c->callables[index] = mp_const_none; // C calls the address now: the callable is let go
        }
        return address;
    }
    if (c == NULL) {
        mpb_raise_at(&mp_type_TypeError, self, i,
            "a Python callable replaces one only on an object registered with a Python callable", "");
    }
    c->callables[index] = value; // the one it replaces is let go
    return tramp;
}

// A bound method, as py/objboundmeth.c lays it out (unchanged since v1.9; its type is static there before v1.22).
typedef struct {
    mp_obj_base_t base;
    mp_obj_t meth, self;
} bound_meth_t;

// The same callable: `obj.on_event` makes a new bound method each time, and before v1.22 two of them are equal only
// when they are one object, so those are compared by function and instance.
static bool same(mp_obj_t a, mp_obj_t b) {
    if (a == b) {
        return true;
    }
    const mp_obj_type_t *ta = mp_obj_get_type(a);
    if (ta == mp_obj_get_type(b) && ta->name == MP_QSTR_bound_method) {
        const bound_meth_t *x = MP_OBJ_TO_PTR(a), *y = MP_OBJ_TO_PTR(b);
        return x->meth == y->meth && x->self == y->self;
    }
    return mp_obj_equal(a, b);
}

mp_int_t mpb_closures_remove_callable(const void *key, const void *instance, size_t index, mp_obj_t f, mp_obj_t user,
    mp_int_t (*remove_one)(void *instance, void *closure)) {
    mp_int_t removed = 0;
    for (bool found = true; found;) {
        // One closure at a time, looked up afresh: C code run by remove_one may change the table.
        found = false;
        mp_map_t *live = live_closures(false);
        for (size_t k = 0; live != NULL && k < live->alloc && !found; ++k) {
            if (!mpb_map_slot_is_filled(live, k)) {
                continue;
            }
            mpb_closure_t *c = MP_OBJ_TO_PTR(live->table[k].value);
            if (c->key == key && c->instance == instance && index < c->n && same(c->callables[index], f) &&
                (user == MP_OBJ_NULL || same(c->user, user))) {
                found = true;
                removed += remove_one((void *)instance, c);
                mpb_closure_release(c); // C holds no registration with it any more
            }
        }
    }
    return removed;
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

// ---- pools: per-instance trampolines of fields whose owner has no user field ----

// The pool's callables, a list in the roots under the slot's key (made on first store); NULL when none yet.
static mp_obj_list_t *pool_entries(const mpb_cbslot_t *s, bool create) {
    mp_obj_t k = MP_OBJ_NEW_QSTR(s->key);
    mp_obj_t l = mpb_root_get(k);
    if (l == MP_OBJ_NULL || !mpb_obj_is_type(l, &mp_type_list)) {
        if (!create) {
            return NULL;
        }
        l = mp_obj_new_list(s->pool_size, NULL);
        mp_obj_list_t *list = MP_OBJ_TO_PTR(l);
        for (size_t j = 0; j < s->pool_size; ++j) {
            list->items[j] = mp_const_none;
        }
        mpb_root_set(k, l);
    }
    return MP_OBJ_TO_PTR(l);
}

// The pool entry whose trampoline is f, or pool_size.
static size_t pool_index(const mpb_cbslot_t *s, mpb_cfun_t f) {
    size_t j = 0;
    while (j < s->pool_size && s->pool[j] != f) {
        ++j;
    }
    return j;
}

static mpb_cfun_t pool_store(const mpb_cbslot_t *s, mpb_cfun_t old, mp_obj_t v, const void *where, size_t i) {
    size_t held = pool_index(s, old);
    if (!mpb_is_py_callback(v)) {
        mpb_cfun_t raw = mpb_get_funptr(v, s->sig, where, i);
        mp_obj_list_t *l = pool_entries(s, false);
        if (l != NULL && held < s->pool_size) {
            l->items[held] = mp_const_none; // the field no longer calls this entry's trampoline
        }
        return raw;
    }
    mp_obj_list_t *l = pool_entries(s, true);
    size_t j = held;
    for (size_t k = 0; j == s->pool_size && k < s->pool_size; ++k) {
        if (l->items[k] == mp_const_none) {
            j = k;
        }
    }
    if (j == s->pool_size) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_ValueError, MPB_ERROR_TEXT("callback slot %q: all %d "
            "trampolines of its pool are taken (by instances whose field still holds one); mpbind --slot-pool N sizes "
            "the pool"), (qstr)s->key, (int)s->pool_size));
    }
    l->items[j] = v;
    return s->pool[j];
}

mpb_cfun_t mpb_cb_store(const mpb_cbslot_t *s, void *owner, mpb_cfun_t old, mp_obj_t v, const void *where, size_t i) {
    if (s->pool_size != 0) {
        return pool_store(s, old, v, where, i);
    }
    mp_obj_t key = MP_OBJ_NEW_QSTR(s->key);
    if (mpb_is_py_callback(v)) {
        mp_map_lookup(owner_map_for_store(s, owner, where, i), key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = v;
        return s->tramp;
    }
    mpb_cfun_t raw = mpb_get_funptr(v, s->sig, where, i);
    mp_map_t *map = owner_map(s, owner);
    if (map != NULL) {
        // A C function object is remembered for reading back (only in a dict that exists: none is made for it).
        bool remember = mpb_is_fun(v) && s->owner_user != MPB_USER_NONE;
        if (remember) {
            mp_map_lookup(map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = v;
        } else {
            mpb_map_remove(map, key);
        }
    }
    return raw;
}

mp_obj_t mpb_cb_load(const mpb_cbslot_t *s, void *owner, mpb_cfun_t raw) {
    if (raw == NULL) {
        return mp_const_none;
    }
    size_t j = s->pool_size != 0 ? pool_index(s, raw) : 0;
    if (j < s->pool_size) {
        mp_obj_list_t *l = pool_entries(s, false);
        return l != NULL && l->items[j] != mp_const_none ? l->items[j] : mpb_new_funptr(raw);
    }
    mp_map_t *map = owner_map(s, owner);
    mp_map_elem_t *e = map != NULL ? mp_map_lookup(map, MP_OBJ_NEW_QSTR(s->key), MP_MAP_LOOKUP) : NULL;
    if (e != NULL) {
        mp_obj_t v = e->value;
        bool same_fun = mpb_is_fun(v) && ((const mpb_fun_t *)MP_OBJ_TO_PTR(v))->addr == raw;
        if (same_fun || (raw == s->tramp && mpb_is_py_callback(v))) {
            return v;
        }
    }
    return mpb_new_funptr(raw);
}

// The callable in the user-data dict of the context argument's struct, or MP_OBJ_NULL.
static mp_obj_t find_in_context(const mpb_cbslot_t *s, const void *ctx) {
    if (ctx != NULL && s->ctx_user != MPB_USER_NONE) {
        const void *ud = s->ctx_user == MPB_USER_IS_ARG ? ctx : load_ptr_at(ctx, s->ctx_user);
        if (mpb_is_heap_dict(ud)) {
            mp_map_elem_t *e = mp_map_lookup(mp_obj_dict_get_map(MP_OBJ_FROM_PTR(ud)), MP_OBJ_NEW_QSTR(s->key),
                MP_MAP_LOOKUP);
            if (e != NULL && mpb_is_py_callback(e->value)) {
                return e->value;
            }
        }
    }
    return MP_OBJ_NULL;
}

mp_obj_t mpb_cb_find(const mpb_cbslot_t *s, const void *ctx) {
    mp_obj_t f = find_in_context(s, ctx);
    if (f == MP_OBJ_NULL) {
        f = mpb_root_get(MP_OBJ_NEW_QSTR(s->key));
    }
    return f != MP_OBJ_NULL && mpb_is_py_callback(f) ? f : MP_OBJ_NULL;
}

mp_obj_t mpb_cb_find_pooled(const mpb_cbslot_t *s, size_t entry, const void *ctx) {
    mp_obj_t f = find_in_context(s, ctx);
    if (f != MP_OBJ_NULL) {
        return f;
    }
    mp_obj_list_t *l = pool_entries(s, false);
    f = l != NULL && entry < l->len ? l->items[entry] : MP_OBJ_NULL;
    return f != MP_OBJ_NULL && mpb_is_py_callback(f) ? f : MP_OBJ_NULL;
}

void mpb_cb_missing(const mpb_cbslot_t *s) {
    mpb_callback_failed(MP_OBJ_TO_PTR(mp_obj_new_exception_msg_varg(&mp_type_RuntimeError,
        MPB_ERROR_TEXT("callback '%q' called from C, but its Python callable is gone (user data replaced?)"),
        (qstr)s->key)));
}

