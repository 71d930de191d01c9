// mpb_isr.h: calling Python from an interrupt handler, now (heap and scheduler locked) or deferred (scheduled).
#ifndef MPB_ISR_H
#define MPB_ISR_H

#include "mpb_types.h"

// Calls f(args) at once, as a hard IRQ handler does: the heap is locked (allocating raises MemoryError) and the
// scheduler too; an exception stops at this frame and is printed, never unwinding into the C caller. Returns the
// result, or MP_OBJ_NULL after an exception.
mp_obj_t mpb_isr_call(mp_obj_t f, size_t n_args, const mp_obj_t *args);
// The parts of mpb_isr_call, for generated interrupt-context trampolines that convert arguments inside their own NLR
// frame: enter (locks), on an exception failed (prints it), exit (unlocks).
void mpb_isr_enter(void);
void mpb_isr_failed(void *exc);
void mpb_isr_exit(void);
// Defers f(arg) to the scheduler, as a soft IRQ does; false when its queue is full.
bool mpb_isr_schedule(mp_obj_t f, mp_obj_t arg);

#endif // MPB_ISR_H
