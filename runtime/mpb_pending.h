// mpb_pending.h: exceptions of Python callbacks called from C, raised once the C call returns, and the count of
// trampoline entries.
#ifndef MPB_PENDING_H
#define MPB_PENDING_H

#include "mpb_types.h"

// Trampoline entries since start: tests prove that a C function stored in a slot ("hybrid") runs no Python.
extern size_t mpb_callback_entries;

// In a trampoline's NLR handler: remembers the exception for the wrapper that called into C.
void mpb_callback_failed(void *exc);
// Set while a callback's exception waits for the C call to return (trampolines then call no more Python).
extern bool mpb_callback_pending;
MPB_NORETURN void mpb_raise_pending_slow(void);
// After a C call that may call back: raises the exception a callback raised, if any.
static inline void mpb_raise_pending(void) {
    if (MP_UNLIKELY(mpb_callback_pending)) {
        mpb_raise_pending_slow();
    }
}

#endif // MPB_PENDING_H
