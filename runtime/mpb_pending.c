// mpb_pending.c: exceptions of Python callbacks called from C, kept until the C call that led to them returns (so
// they never unwind through C frames), the count of trampoline entries and the depth of running callbacks.
#include "py/mpstate.h"
#include "mpb_convert.h"
#include "mpb_pending.h"
#include "mpb_roots.h"

bool mpb_callback_pending;
size_t mpb_callback_entries;
size_t mpb_callback_depth;

// `value`: the depth, read-only (a store stays an AttributeError).
static void nesting_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    (void)self_in;
    if (dest[0] == MP_OBJ_NULL && attr == MP_QSTR_value) {
        dest[0] = mpb_new_u64(mpb_callback_depth);
    }
}

#if MPB_NEW_API
static MP_DEFINE_CONST_OBJ_TYPE(nesting_type, MP_QSTR_nesting, MP_TYPE_FLAG_NONE, attr, nesting_attr);
#else
static const mp_obj_type_t nesting_type = { { &mp_type_type }, .name = MP_QSTR_nesting, .attr = nesting_attr };
#endif
const mp_obj_base_t mpb_nesting_obj = { &nesting_type };

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
