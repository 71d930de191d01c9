// GC root scanning for the host: callee-saved registers via setjmp, then the C stack up to its recorded top.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "py/gc.h"
#include "py/mpstate.h"
#include "py/nlr.h"

// Kept out of line so the jmp_buf lives in this frame, below every caller's frame.
static void __attribute__((noinline)) gc_collect_regs_and_stack(void) {
    jmp_buf regs;
    setjmp(regs);
    void **sp = (void **)(void *)&regs;
    char *top = MP_STATE_THREAD(stack_top);
    gc_collect_root(sp, ((uintptr_t)top - (uintptr_t)sp) / sizeof(void *));
}

void port_gc_collect_exec(void); // port_exec.c

// The port's roots, between gc_collect_start and gc_collect_end. Public so that a test can stand where an interrupt
// may come: with every live block marked, before the sweep.
void port_gc_collect_roots(void) {
    gc_collect_regs_and_stack();
    port_gc_collect_exec();
}

void gc_collect(void) {
    gc_collect_start();
    port_gc_collect_roots();
    gc_collect_end();
}

void nlr_jump_fail(void *val) {
    fprintf(stderr, "FATAL: uncaught NLR %p\n", val);
    exit(1);
}
