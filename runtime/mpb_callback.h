// mpb_callback.h: Python callables called by C through generated trampolines (issue 4, void * user-data convention).
#ifndef MPB_CALLBACK_H
#define MPB_CALLBACK_H

#include "mpb_types.h"

// What the C user-data pointer carries when a Python callable is registered: the callable and the caller's own
// user data (handed back to the callable in the user-data position).
typedef struct _mpb_closure_t {
    mp_obj_base_t base;
    mp_obj_t callable;
    mp_obj_t user;
} mpb_closure_t;

// True when o goes through a trampoline: callable, but not a C function object, a Blob or None (those are addresses).
bool mpb_is_py_callback(mp_obj_t o);
// A closure for callable and user, kept reachable under key (one registration slot) until the slot is reused.
void *mpb_closure_new(mp_obj_t callable, mp_obj_t user, const void *key);
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
