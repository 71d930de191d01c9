// mpb_isr.c: Python callbacks from interrupt context: immediate with the heap locked, or scheduled.
#include "py/gc.h"
#include "py/mpprint.h"
#include "mpb_isr.h"

void mpb_isr_enter(void) {
    mp_sched_lock();
    gc_lock();
}

void mpb_isr_exit(void) {
    gc_unlock();
    mp_sched_unlock();
}

void mpb_isr_failed(void *exc) {
    // The exception only (no traceback: printing one may need the heap that is locked).
    mp_printf(&mp_plat_print, "exception in interrupt handler: ");
    mp_obj_print_helper(&mp_plat_print, MP_OBJ_FROM_PTR(exc), PRINT_EXC);
    mp_printf(&mp_plat_print, "\n");
}

mp_obj_t mpb_isr_call(mp_obj_t f, size_t n_args, const mp_obj_t *args) {
    volatile mp_obj_t result = MP_OBJ_NULL; // set between setjmp and a possible longjmp
    mpb_isr_enter();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        result = mp_call_function_n_kw(f, n_args, 0, args);
        nlr_pop();
    } else {
        mpb_isr_failed(nlr.ret_val);
    }
    mpb_isr_exit();
    return result;
}

bool mpb_isr_schedule(mp_obj_t f, mp_obj_t arg) {
    return mp_sched_schedule(f, arg);
}
