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

// The interrupt signals this process can block: SIGINT and the real-time signals, less those the system keeps for
// itself (qemu-user cannot block every real-time signal of the guest and ignores those it cannot map).
static sigset_t interrupts;
static int rt_min, rt_max; // SIGRTMIN/SIGRTMAX are calls into the C library: read once, not in handlers
// The mask from before the section that blocked the interrupts. One is enough: while a section holds them blocked,
// no handler runs and any nested section finds them blocked already.
static sigset_t mask_outside;

void port_atomic_init(void) {
    sigset_t wanted, before, blocked;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    rt_min = SIGRTMIN;
    rt_max = SIGRTMAX;
    for (int sig = rt_min; sig <= rt_max; ++sig) {
        sigaddset(&wanted, sig);
    }
    // What blocking them all gives, read back.
    pthread_sigmask(SIG_BLOCK, &wanted, &before);
    pthread_sigmask(SIG_SETMASK, &before, &blocked);
    sigemptyset(&interrupts);
    for (int sig = 1; sig <= rt_max; ++sig) {
        if (sigismember(&wanted, sig) == 1 && sigismember(&blocked, sig) == 1) {
            sigaddset(&interrupts, sig);
        }
    }
}

static bool all_blocked(const sigset_t *mask) {
    for (int sig = 1; sig <= rt_max; ++sig) {
        if (sigismember(&interrupts, sig) == 1 && sigismember(mask, sig) != 1) {
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
