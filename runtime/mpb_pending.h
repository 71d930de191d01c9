// mpb_pending.h: exceptions of Python callbacks called from C, raised once the C call returns, the count of
// trampoline entries and the depth of callbacks running now.
#ifndef MPB_PENDING_H
#define MPB_PENDING_H

#include "mpb_types.h"

// Trampoline entries since start: tests prove that a C function stored in a slot ("hybrid") runs no Python.
extern size_t mpb_callback_entries;

// Python callbacks running now (trampolines raise it around the call, also when the callback raises): an event loop
// that must not re-enter the library from inside one of its callbacks reads it (lv_utils reads `lv._nesting.value`).
extern size_t mpb_callback_depth;
// The object modules with callbacks expose as `_nesting`: its attribute `value` reads mpb_callback_depth.
extern const mp_obj_base_t mpb_nesting_obj;

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
