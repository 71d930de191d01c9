// A hand-written MicroPython module `example`: the smallest complete USER_C_MODULES example.
#include "py/obj.h"
#include "py/runtime.h"

// example.add(a, b): the sum of two integers.
STATIC mp_obj_t example_add(mp_obj_t a, mp_obj_t b) {
    return mp_obj_new_int(mp_obj_get_int(a) + mp_obj_get_int(b));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(example_add_obj, example_add);

// example.greet(name): a greeting string.
STATIC mp_obj_t example_greet(mp_obj_t name) {
    vstr_t out;
    vstr_init(&out, 16);
    vstr_add_str(&out, "Hello, ");
    vstr_add_str(&out, mp_obj_str_get_str(name));
    vstr_add_byte(&out, '!');
    return mp_obj_new_str_from_vstr(&mp_type_str, &out);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(example_greet_obj, example_greet);

STATIC const mp_rom_map_elem_t example_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_example) },
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&example_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_greet), MP_ROM_PTR(&example_greet_obj) },
    { MP_ROM_QSTR(MP_QSTR_ANSWER), MP_ROM_INT(42) },
};
STATIC MP_DEFINE_CONST_DICT(example_globals, example_globals_table);

const mp_obj_module_t mp_module_example = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&example_globals,
};
