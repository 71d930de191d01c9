// gui_clock.c: the driver's microsecond clock: its time_us_cb hook, or CLOCK_MONOTONIC where POSIX has it.
#define _POSIX_C_SOURCE 199309L
#include "gui_private.h"

#include <stddef.h>
#include <time.h>

uint32_t gui_now_us(gui_disp_drv_t *drv) {
    if (drv->time_us_cb != NULL) {
        return drv->time_us_cb(drv);
    }
#if defined(CLOCK_MONOTONIC)
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) == 0) {
        // Wraps every 71 minutes; the engine only ever subtracts two readings.
        return (uint32_t)((uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u);
    }
#endif
    return 0; // no clock: times read 0 and timeouts never fire
}
