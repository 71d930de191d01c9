// port_atomic.c: atomic sections, as a chip port makes them by disabling interrupts. This host's interrupts are
// signals delivered to the interpreter's thread: Ctrl-C (SIGINT) and the simulated peripherals' real-time signals
// (sim/README.md, "Interrupts"). The core's scheduler queue and state are read and written in both contexts: without
// this, a handler that schedules a callback while the VM takes one off the queue loses one of them, or leaves the
// VM idle with a callback queued (a driver then waits for a flush-ready that never comes).
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdbool.h>

#include "py/mpconfig.h"
#include "port_atomic.h"

static sigset_t interrupts;
static int rt_min, rt_max; // SIGRTMIN/SIGRTMAX are calls into the C library: read once, not in handlers
// The mask from before the section that blocked the interrupts. One is enough: while a section holds them blocked,
// no handler runs and any nested section finds them blocked already.
static sigset_t mask_outside;

void port_atomic_init(void) {
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    rt_min = SIGRTMIN;
    rt_max = SIGRTMAX;
    for (int sig = rt_min; sig <= rt_max; ++sig) {
        sigaddset(&interrupts, sig);
    }
}

static bool all_blocked(const sigset_t *mask) {
    if (!sigismember(mask, SIGINT)) {
        return false;
    }
    for (int sig = rt_min; sig <= rt_max; ++sig) {
        if (!sigismember(mask, sig)) {
            return false;
        }
    }
    return true;
}

mp_uint_t port_atomic_begin(void) {
    sigset_t before;
    pthread_sigmask(SIG_BLOCK, &interrupts, &before);
    if (all_blocked(&before)) {
        return 0; // nested (or in a handler that blocks them all): the outer section unblocks
    }
    mask_outside = before;
    return 1;
}

void port_atomic_end(mp_uint_t state) {
    if (state != 0) {
        pthread_sigmask(SIG_SETMASK, &mask_outside, NULL);
    }
}
