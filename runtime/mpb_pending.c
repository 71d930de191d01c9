// mpb_pending.c: exceptions of Python callbacks called from C, kept until the C call that led to them returns (so
// they never unwind through C frames), and the count of trampoline entries.
#include "py/mpstate.h"
#include "mpb_convert.h"
#include "mpb_pending.h"
#include "mpb_roots.h"

bool mpb_callback_pending;
size_t mpb_callback_entries;

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
