// The `porttest` module: C-side helpers for the interpreter's own tests (GC roots held from C, scheduling).
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "py/gc.h"
#include "py/mpstate.h"
#include "py/obj.h"
#include "py/runtime.h"

// The objects of hold() live only in the port root pointer porttest_roots, never in a Python variable.
static mp_obj_t roots_list(void) {
    if (MP_STATE_VM(porttest_roots) == MP_OBJ_NULL) {
        MP_STATE_VM(porttest_roots) = mp_obj_new_list(0, NULL);
    }
    return MP_STATE_VM(porttest_roots);
}

STATIC mp_obj_t porttest_hold(mp_obj_t obj) {
    mp_obj_list_append(roots_list(), obj);
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(porttest_hold_obj, porttest_hold);

STATIC mp_obj_t porttest_held(mp_obj_t index) {
    return mp_obj_subscr(roots_list(), index, MP_OBJ_SENTINEL);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(porttest_held_obj, porttest_held);

STATIC mp_obj_t porttest_release(void) {
    MP_STATE_VM(porttest_roots) = MP_OBJ_NULL;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(porttest_release_obj, porttest_release);

// Builds n buffers reachable only from this C frame (stack or registers), collects, churns the heap with
// other data, then checks the buffers: true only if the GC scanned the C stack and registers.
STATIC mp_obj_t porttest_stack_only_survives(mp_obj_t n_in) {
    size_t n = (size_t)mp_obj_get_int(n_in);
    mp_obj_t *items = m_new(mp_obj_t, n);
    for (size_t i = 0; i < n; i++) {
        byte *data = m_new(byte, 64);
        memset(data, (int)(i & 0x7f), 64);
        items[i] = mp_obj_new_bytearray_by_ref(64, data);
    }
    gc_collect();
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < n; i++) {
            byte *junk = m_new_maybe(byte, 64);
            if (junk != NULL) {
                memset(junk, 0xee, 64);
            }
        }
        gc_collect();
    }
    bool intact = true;
    for (size_t i = 0; i < n; i++) {
        mp_buffer_info_t info;
        mp_get_buffer_raise(items[i], &info, MP_BUFFER_READ);
        for (size_t k = 0; k < info.len; k++) {
            intact = intact && ((byte *)info.buf)[k] == (byte)(i & 0x7f);
        }
    }
    return mp_obj_new_bool(intact);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(porttest_stack_only_survives_obj, porttest_stack_only_survives);

// micropython.schedule as a C library would call it (for instance from an interrupt handler).
STATIC mp_obj_t porttest_schedule(mp_obj_t func, mp_obj_t arg) {
    return mp_obj_new_bool(mp_sched_schedule(func, arg));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(porttest_schedule_obj, porttest_schedule);

// Schedules func(0) .. func(n-1) in one go, as a burst of interrupts would; returns how many were accepted.
STATIC mp_obj_t porttest_schedule_burst(mp_obj_t func, mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    mp_int_t accepted = 0;
    for (mp_int_t i = 0; i < n; i++) {
        accepted += mp_sched_schedule(func, MP_OBJ_NEW_SMALL_INT(i)) ? 1 : 0;
    }
    return MP_OBJ_NEW_SMALL_INT(accepted);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(porttest_schedule_burst_obj, porttest_schedule_burst);

// SIGINT and the simulated peripherals' interrupt signal (SIGRTMIN + 2, sim/README.md) both blocked.
static bool interrupts_blocked(void) {
    sigset_t mask;
    pthread_sigmask(SIG_BLOCK, NULL, &mask);
    return sigismember(&mask, SIGINT) == 1 && sigismember(&mask, SIGRTMIN + 2) == 1;
}

// The interrupt signals' state (blocked or not) outside an atomic section, inside one, inside a nested one after
// the inner one ended, and after the outer one ended.
STATIC mp_obj_t porttest_atomic_blocks_interrupts(void) {
    mp_obj_t seen[4];
    seen[0] = mp_obj_new_bool(interrupts_blocked());
    mp_uint_t outer = MICROPY_BEGIN_ATOMIC_SECTION();
    seen[1] = mp_obj_new_bool(interrupts_blocked());
    mp_uint_t inner = MICROPY_BEGIN_ATOMIC_SECTION();
    MICROPY_END_ATOMIC_SECTION(inner);
    seen[2] = mp_obj_new_bool(interrupts_blocked());
    MICROPY_END_ATOMIC_SECTION(outer);
    seen[3] = mp_obj_new_bool(interrupts_blocked());
    return mp_obj_new_tuple(4, seen);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(porttest_atomic_blocks_interrupts_obj, porttest_atomic_blocks_interrupts);

// Ends the process with SIGABRT, so the test runner's crash detection can be tested.
STATIC mp_obj_t porttest_crash(void) {
    abort();
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(porttest_crash_obj, porttest_crash);

STATIC const mp_rom_map_elem_t porttest_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_porttest) },
    { MP_ROM_QSTR(MP_QSTR_hold), MP_ROM_PTR(&porttest_hold_obj) },
    { MP_ROM_QSTR(MP_QSTR_held), MP_ROM_PTR(&porttest_held_obj) },
    { MP_ROM_QSTR(MP_QSTR_release), MP_ROM_PTR(&porttest_release_obj) },
    { MP_ROM_QSTR(MP_QSTR_stack_only_survives), MP_ROM_PTR(&porttest_stack_only_survives_obj) },
    { MP_ROM_QSTR(MP_QSTR_schedule), MP_ROM_PTR(&porttest_schedule_obj) },
    { MP_ROM_QSTR(MP_QSTR_schedule_burst), MP_ROM_PTR(&porttest_schedule_burst_obj) },
    { MP_ROM_QSTR(MP_QSTR_crash), MP_ROM_PTR(&porttest_crash_obj) },
    { MP_ROM_QSTR(MP_QSTR_atomic_blocks_interrupts), MP_ROM_PTR(&porttest_atomic_blocks_interrupts_obj) },
};
STATIC MP_DEFINE_CONST_DICT(porttest_globals, porttest_globals_table);

const mp_obj_module_t mp_module_porttest = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&porttest_globals,
};
