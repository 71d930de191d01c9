// mpb_callback.h: Python callables called by C through generated trampolines (issue 4, void * user-data convention).
#ifndef MPB_CALLBACK_H
#define MPB_CALLBACK_H

#include "mpb_types.h"

// Callbacks of one registration that can share one user-data argument (sqlite3_create_collation_v2 has 2).
#define MPB_CLOSURE_MAX 4

// What the C user-data pointer carries when Python callables are registered: every callable that shares this
// user-data argument (each trampoline picks its own by slot; None for a callback given as None) and the caller's
// own user data (handed back to the callables in the user-data position).
typedef struct _mpb_closure_t {
    mp_obj_base_t base;
    mp_obj_t user;
    size_t n;
    mp_obj_t callables[MPB_CLOSURE_MAX];
} mpb_closure_t;

// True when o goes through a trampoline: callable, but not a C function object, a Blob or None (those are addresses).
bool mpb_is_py_callback(mp_obj_t o);
// The closure for one user-data argument: callables[k] = args[cb_args[k]] (k < n), user = args[user_arg]; kept
// reachable under key (one registration slot) until the slot is reused. Each args[cb_args[k]] must be a Python
// callable or None (a C function would get the closure as its user data): TypeError naming the argument otherwise.
void *mpb_closure_new(const void *self, const mp_obj_t *args, const uint8_t *cb_args, size_t n, size_t user_arg,
    const void *key);
// In a trampoline's NLR handler: remembers the exception for the wrapper that called into C.
void mpb_callback_failed(void *exc);
// After a C call that may call back: raises the exception a callback raised, if any.
static inline void mpb_raise_pending(void) {
    extern bool mpb_callback_pending;
    if (MP_UNLIKELY(mpb_callback_pending)) {
        extern MPB_NORETURN void mpb_raise_pending_slow(void);
        mpb_raise_pending_slow();
    }
}

#endif // MPB_CALLBACK_H
