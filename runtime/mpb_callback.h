// mpb_callback.h: Python callables called by C through generated trampolines: where a trampoline finds its callable
// (a closure, or a struct's user-data dict); their exceptions wait in mpb_pending.h.
#ifndef MPB_CALLBACK_H
#define MPB_CALLBACK_H

#include "mpb_types.h"

// What the C user-data pointer carries when Python callables are registered: every callable that shares this
// user-data argument (each trampoline picks its own by index; None for a callback given as None: any number of
// them, sqlite3_create_collation_v2 has 2) and the caller's own user data (handed back to the callables in the
// user-data position).
typedef struct _mpb_closure_t {
    mp_obj_base_t base;
    mp_obj_t user;
    size_t n;
    mp_obj_t callables[];
} mpb_closure_t;

// True when o goes through a trampoline: callable, but not a C function object, a Blob or None (those are addresses).
bool mpb_is_py_callback(mp_obj_t o);
// The closure for one user-data argument: callables[k] = args[cb_args[k]] (k < n), user = args[user_arg]; kept
// reachable under key (one registration slot) and `instance` (the object registered on, e.g. a sqlite3 connection;
// NULL when the function has none) until that pair is registered again or released. Each args[cb_args[k]] must be a
// Python callable or None (a C function would get the closure as its user data): TypeError naming the argument.
void *mpb_closure_new(const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n, size_t user_arg,
    const void *key, const void *instance);
// Forgets the closure of (key, instance): its callables were replaced by C functions or None.
void mpb_closure_release(const void *key, const void *instance);
// ---- struct user-data conventions: one slot per callback field or StructFirstArg parameter ----

// Offsets in mpb_cbslot_t for "no user field": the context argument is the user value itself (zlib's opaque handed
// to zalloc), or nothing leads from C's arguments to the callable (the module-owned root holds it).
#define MPB_USER_IS_ARG (-1)
#define MPB_USER_NONE (-2)

// Where the Python callable of one C callback slot lives. C gets `tramp`; a Python callable goes into the user-data
// dict of the slot's owner struct (created when the user field is NULL) under qstr `key` ("<struct>_<field>"), or,
// when the owner has no user field, into the module roots under `key` (one callable per slot: the last one set).
// The trampoline finds it through its context argument: the dict in that struct's user field (at ctx_user), then
// the roots. Lookups allocate nothing, so interrupt-context trampolines use them too.
typedef struct _mpb_cbslot_t {
    mpb_cfun_t tramp;
    const char *sig;    // the callback's ABI signature: a C function given instead must match it
    uint16_t key;       // qstr
    int16_t ctx_user;   // byte offset of the user field in the struct the context argument points to, or MPB_USER_*
    int16_t owner_user; // byte offset of the user field in the owner struct, or MPB_USER_NONE
} mpb_cbslot_t;

// Storing v into the slot of the owner struct at `owner` (NULL: none): returns what C gets (tramp, the C address,
// or NULL for None) and keeps a Python callable (or the C function object, for reading back) where tramp finds it.
mpb_cfun_t mpb_cb_store(const mpb_cbslot_t *s, void *owner, mp_obj_t v, const void *where, size_t i);
// Reading the slot back: the Python callable or C function object stored, else a Blob with the address, or None.
mp_obj_t mpb_cb_load(const mpb_cbslot_t *s, void *owner, mpb_cfun_t raw);
// In a trampoline: the callable for context argument ctx, or MP_OBJ_NULL (then mpb_cb_missing reports it).
mp_obj_t mpb_cb_find(const mpb_cbslot_t *s, const void *ctx);
void mpb_cb_missing(const mpb_cbslot_t *s);

#endif // MPB_CALLBACK_H
