// modbenchnative.c: the hand-written baseline: bench_add as a plain MicroPython native function.
#include "py/obj.h"
#include "py/runtime.h"
#include "bench_lib.h"

static mp_obj_t native_add(mp_obj_t a, mp_obj_t b) {
    return mp_obj_new_int(bench_add(mp_obj_get_int(a), mp_obj_get_int(b)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(native_add_obj, native_add);

static const mp_rom_map_elem_t benchnative_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_benchnative) },
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&native_add_obj) },
};
static MP_DEFINE_CONST_DICT(benchnative_globals, benchnative_globals_table);

const mp_obj_module_t mp_module_benchnative = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&benchnative_globals,
};
