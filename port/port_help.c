// help(obj) for modules and classes, in the layout the seed's REPL shows (the core's builtinhelp.c asks the port
// first through this hook): "object <module 'espidf'> is of type module", then one "  name -- value" line per
// attribute, functions of any kind shown as <function> (as MicroPython's built-in functions print).
#include "py/obj.h"
#include "py/objmodule.h"
#include "py/runtime.h"

static void print_value(mp_obj_t value) {
    if (mp_obj_is_callable(value) && !MP_OBJ_IS_TYPE(value, &mp_type_type)) {
        mp_print_str(MP_PYTHON_PRINTER, "<function>");
    } else {
        mp_obj_print(value, PRINT_STR);
    }
}

bool mp_plat_specific_help(mp_obj_t obj) {
    mp_map_t *map;
    if (MP_OBJ_IS_TYPE(obj, &mp_type_module)) {
        map = mp_obj_dict_get_map(mp_obj_module_get_globals(obj));
    } else if (MP_OBJ_IS_TYPE(obj, &mp_type_type) && ((mp_obj_type_t *)MP_OBJ_TO_PTR(obj))->locals_dict != NULL) {
        map = &((mp_obj_type_t *)MP_OBJ_TO_PTR(obj))->locals_dict->map;
    } else {
        return false; // the core's generic text
    }
    mp_print_str(MP_PYTHON_PRINTER, "object ");
    mp_obj_print(obj, PRINT_STR);
    mp_printf(MP_PYTHON_PRINTER, " is of type %s\n", mp_obj_get_type_str(obj));
    for (size_t i = 0; i < map->alloc; i++) {
        if (MP_MAP_SLOT_IS_FILLED(map, i)) {
            mp_print_str(MP_PYTHON_PRINTER, "  ");
            mp_obj_print(map->table[i].key, PRINT_STR);
            mp_print_str(MP_PYTHON_PRINTER, " -- ");
            print_value(map->table[i].value);
            mp_print_str(MP_PYTHON_PRINTER, "\n");
        }
    }
    return true;
}
