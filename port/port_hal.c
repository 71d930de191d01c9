// POSIX implementation of the mp_hal_* functions the core and the time module call.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "py/mphal.h"
#include "py/runtime.h"

int mp_hal_stdin_rx_chr(void) {
    unsigned char c;
    ssize_t n;
    do {
        n = read(STDIN_FILENO, &c, 1);
    } while (n < 0 && errno == EINTR);
    return n == 1 ? c : -1;
}

void mp_hal_stdout_tx_strn(const char *str, size_t len) {
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, str, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; // stdout closed: nothing sensible left to do
        }
        str += n;
        len -= (size_t)n;
    }
}

void mp_hal_stdout_tx_str(const char *str) {
    mp_hal_stdout_tx_strn(str, strlen(str));
}

// Host terminals want "\n" as is; no cooking needed.
void mp_hal_stdout_tx_strn_cooked(const char *str, size_t len) {
    mp_hal_stdout_tx_strn(str, len);
}

static uint64_t monotonic_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

mp_uint_t mp_hal_ticks_ms(void) {
    return (mp_uint_t)(monotonic_us() / 1000u);
}

mp_uint_t mp_hal_ticks_us(void) {
    return (mp_uint_t)monotonic_us();
}

mp_uint_t mp_hal_ticks_cpu(void) {
    return (mp_uint_t)monotonic_us();
}

// Sleeps in slices so a pending exception (Ctrl-C) or scheduled callback is handled promptly.
void mp_hal_delay_us(mp_uint_t us) {
    uint64_t end = monotonic_us() + us;
    for (;;) {
        mp_handle_pending();
        uint64_t now = monotonic_us();
        if (now >= end) {
            return;
        }
        uint64_t left = end - now;
        if (left > 10000u) {
            left = 10000u;
        }
        struct timespec ts = { (time_t)(left / 1000000u), (long)(left % 1000000u) * 1000L };
        nanosleep(&ts, NULL);
    }
}

void mp_hal_delay_ms(mp_uint_t ms) {
    mp_hal_delay_us(ms * 1000u);
}
