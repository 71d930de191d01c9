// Hardware abstraction of the host interpreter: stdio, ticks and delays come from POSIX (port_hal.c).
#ifndef MPBIND_PORT_MPHALPORT_H
#define MPBIND_PORT_MPHALPORT_H

// Defined so py/mphal.h does not pull in extmod/virtpin.h, which this core lacks.
#define mp_hal_pin_obj_t void *

static inline void mp_hal_set_interrupt_char(int c) { (void)c; }

#endif
