// mpb_callback.h: Python callables called by C through generated trampolines: where a trampoline finds its callable
// (a closure, or a struct's user-data dict); their exceptions wait in mpb_pending.h.
#ifndef MPB_CALLBACK_H
#define MPB_CALLBACK_H

#include "mpb_types.h"

// What the C user-data pointer carries when Python callables are registered: every callable that shares this
// user-data argument (each trampoline picks its own by index; None for a callback given as None: any number of
// them, sqlite3_create_collation_v2 has 2) and the caller's own user data (handed back to the callables in the
// user-data position). Each registration makes its own closure: two registrations never share one.
typedef struct _mpb_closure_t {
    mp_obj_base_t base;
    mp_obj_t user;
    const void *key;      // the registration slot and the object registered on (NULL for a closure on the stack)
    const void *instance;
    uintptr_t handle;     // what the registration returned, when a removal function releases by it
    size_t how;           // mpb_release_t
    size_t n;
    mp_obj_t callables[];
} mpb_closure_t;

// When a closure is released, as the plan's release rule for its registration decided:
// KEEP: never (the rule is unknown: a bounded, reported leak, never a use after free; counted live);
// REPLACE: when the same slot is registered again on the same object, or given no Python callable (None);
// DESTROY: when C calls the registration's destroy-notify callback (its trampoline releases it).
// A closure released when the C call returns (CALL) lives on the wrapper's stack: MPB_CLOSURE_ON_STACK.
typedef enum { MPB_RELEASE_KEEP, MPB_RELEASE_REPLACE, MPB_RELEASE_DESTROY } mpb_release_t;

// True when o is a Python object a void * can only carry by reference (a dict, a list, an int, any object that is
// no pointer: not None, a Blob, a struct instance, a C function or a buffer): a registration with a destroy-notify
// keeps it in a closure until C drops it.
bool mpb_is_object_data(mp_obj_t o);
// True when o goes through a trampoline: callable, but not a C function object, a Blob or None (those are addresses).
bool mpb_is_py_callback(mp_obj_t o);
// A new closure for one user-data argument: callables[k] = args[cb_args[k]] (k < n), user = args[user_arg], kept
// reachable (and counted live) until released by `how`; REPLACE releases the closure registered before under
// (key, instance) (key: the registration slot, instance: the object registered on, e.g. a sqlite3 connection, NULL
// when none). Each args[cb_args[k]] must be a Python callable or None (a C function would get the closure as its
// user data): TypeError naming the argument.
void *mpb_closure_new(const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n, size_t user_arg,
    const void *key, const void *instance, mpb_release_t how);
// Storage for a closure released when the C call returns (the wrapper's stack; not counted live).
#define MPB_CLOSURE_ON_STACK(name, n) \
    union { mpb_closure_t c; mp_obj_t words[sizeof(mpb_closure_t) / sizeof(mp_obj_t) + (n)]; } name
// Fills such a closure (the same checks as mpb_closure_new) and returns it.
void *mpb_closure_init(mpb_closure_t *c, const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n,
    size_t user_arg);
// Releases closure c (a destroy-notify trampoline, after calling its callable); a second release does nothing.
void mpb_closure_release(mpb_closure_t *c);
// REPLACE: releases the closure registered under (key, instance), if any (its callables were replaced by None or C
// functions).
void mpb_closure_release_slot(const void *key, const void *instance);
// The handle the registration of closure c returned (a removal function releases by it); 0 (NULL) means the
// registration registered nothing, so the closure is released at once. A closure of the same slot (and object)
// holding that handle already is released: C dropped that registration on its own and reused its handle.
void mpb_closure_set_handle(void *c, uintptr_t handle);
// A removal function has returned: releases the closures of registration slot `key` whose handle it was given
// (made on `instance`, when the removal function names the object too; NULL: on any).
void mpb_closures_release_handle(const void *key, const void *instance, uintptr_t handle);
// A deletion function has returned: releases every closure of registration slot `key` made on `instance`.
void mpb_closures_release_object(const void *key, const void *instance);
// Closures alive now (KEEP, REPLACE and DESTROY ones not yet released): what tests read to prove releases.
size_t mpb_closures_live(void);
// A callback setter of an object whose user data is a closure of registration slot `key` (lv_timer_set_cb after
// lv_timer_create) was given value as its argument i (of function self): a Python callable replaces the closure's
// callable at `index` and C gets the registration's trampoline (TypeError when user_data is no such closure);
// anything else (converted already to `address`) lets the closure's callable go and C gets the address.
mpb_cfun_t mpb_closure_rebind(const void *self, size_t i, const void *user_data, const void *key, size_t index,
    mp_obj_t value, mpb_cfun_t tramp, mpb_cfun_t address);
// A removal by callback given Python callable f (lv_obj_remove_event_cb(obj, f)), which C cannot carry out as every
// registration passes the same trampoline: each live closure of registration slot `key` made on `instance` with f
// at `index` (and, unless user is MP_OBJ_NULL, that user data) is removed from C by remove_one(instance, closure)
// (a removal by callback and user data) and released. Returns the sum of what remove_one returned (the count C
// removed).
mp_int_t mpb_closures_remove_callable(const void *key, const void *instance, size_t index, mp_obj_t f, mp_obj_t user,
    mp_int_t (*remove_one)(void *instance, void *closure));
// The closure at p, if p is one in the heap (a user-data pointer C hands back), else NULL.
mpb_closure_t *mpb_closure_at(const void *p);
// A user-data pointer C hands back (lv_event_get_user_data(e)): the registration's own user data when p is one of
// its closures, else the pointer as usual (a Blob, None for NULL).
mp_obj_t mpb_user_data_to_py(const void *p);

// ---- struct user-data conventions: one slot per callback field or StructFirstArg parameter ----

// Offsets in mpb_cbslot_t for "no user field": the context argument is the user value itself (zlib's opaque handed
// to zalloc), or nothing leads from C's arguments to the callable (the module-owned root holds it).
#define MPB_USER_IS_ARG (-1)
#define MPB_USER_NONE (-2)

// Where the Python callable of one C callback slot lives. C gets `tramp`; a Python callable goes into the user-data
// dict of the slot's owner struct (created when the user field is NULL) under qstr `key` ("<struct>_<field>"), or,
// when the owner has no user field, into an entry of the slot's pool (below).
// The trampoline finds it through its context argument: the dict in that struct's user field (at ctx_user), then
// the roots. Lookups allocate nothing, so interrupt-context trampolines use them too.
//
// A field whose owner has no user field has a pool of trampolines instead (`pool`, `pool_size` of them, tramp is
// the first), so that each instance gets its own C function pointer and its own callable: storing a Python
// callable takes a free entry (or the one the field already holds), kept in the roots under `key` (a list, entry j
// for trampoline j); setting the field again frees it. C may hold a copy of the pointer (ESP-IDF copies a device
// config), so an entry stays taken until the field it was stored into is set again; an exhausted pool is a
// ValueError naming the slot and the generator option that sizes it.
typedef struct _mpb_cbslot_t {
    mpb_cfun_t tramp;
    const char *sig;    // the callback's ABI signature: a C function given instead must match it
    uint16_t key;       // qstr
    int16_t ctx_user;   // byte offset of the user field in the struct the context argument points to, or MPB_USER_*
    int16_t owner_user; // byte offset of the user field in the owner struct, or MPB_USER_NONE
    uint16_t pool_size; // 0: no pool
    const mpb_cfun_t *pool;
} mpb_cbslot_t;

// Storing v into the slot of the owner struct at `owner` (NULL: none) that holds `old`: returns what C gets (tramp,
// the C address, or NULL for None) and keeps a Python callable (or the C function object, for reading back) where
// tramp finds it.
mpb_cfun_t mpb_cb_store(const mpb_cbslot_t *s, void *owner, mpb_cfun_t old, mp_obj_t v, const void *where, size_t i);
// Reading the slot back: the Python callable or C function object stored, else a Blob with the address, or None.
mp_obj_t mpb_cb_load(const mpb_cbslot_t *s, void *owner, mpb_cfun_t raw);
// In a trampoline: the callable for context argument ctx, or MP_OBJ_NULL (then mpb_cb_missing reports it).
mp_obj_t mpb_cb_find(const mpb_cbslot_t *s, const void *ctx);
// The same for pool trampoline `entry`.
mp_obj_t mpb_cb_find_pooled(const mpb_cbslot_t *s, size_t entry, const void *ctx);
void mpb_cb_missing(const mpb_cbslot_t *s);

#endif // MPB_CALLBACK_H
