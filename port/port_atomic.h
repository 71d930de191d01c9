// port_atomic.h: the host port's atomic sections (port_atomic_begin/end, declared in mpconfigport.h for the core's
// MICROPY_BEGIN/END_ATOMIC_SECTION) block the interrupt signals.
#ifndef PORT_ATOMIC_H
#define PORT_ATOMIC_H

#include "py/mpconfig.h"

// Once, before the first interrupt can come.
void port_atomic_init(void);

#endif // PORT_ATOMIC_H
