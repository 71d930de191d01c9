// mpb_global.c: global variables as module attributes: the slots of modules that read and write scalar ones, and
// the guards of struct instances viewing one.
#include "mpb_global.h"
#include "mpb_field.h"

const mp_obj_base_t mpb_global_owner_rw = { &mp_type_object };
const mp_obj_base_t mpb_global_owner_ro = { &mp_type_object };

void mpb_struct_check_writable(const mpb_struct_obj_t *s, bool repoint) {
    if (!mpb_struct_is_global(s, !repoint)) {
        return;
    }
    const mp_obj_type_t *t = s->base.type;
    nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
        repoint ? MPB_ERROR_TEXT("'%q' global variable cannot be re-pointed")
                : MPB_ERROR_TEXT("'%q' global variable is const"), (qstr)t->name));
}

static void global_var_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    const mpb_global_var_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<global variable %q>", (qstr)self->row.name);
}

#if MPB_NEW_API
MP_DEFINE_CONST_OBJ_TYPE(mpb_type_global_var, MP_QSTR_global_variable, MP_TYPE_FLAG_NONE, print, global_var_print);
#else
const mp_obj_type_t mpb_type_global_var = {
    { &mp_type_type },
    .name = MP_QSTR_global_variable,
    .print = global_var_print,
};
#endif

void mpb_module_vars_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_obj_module_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *e = mp_map_lookup(&self->globals->map, MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_MAP_LOOKUP);
    mp_printf(print, "<module '%s'>", e != NULL ? mp_obj_str_get_str(e->value) : "?");
}

// Stores to anything but a writable global variable stay an AttributeError (the dict is in ROM), as on other modules.
void mpb_module_vars_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mp_obj_module_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *e = mp_map_lookup(&self->globals->map, MP_OBJ_NEW_QSTR(attr), MP_MAP_LOOKUP);
    if (e == NULL) {
        return;
    }
    bool is_var = mpb_obj_is_type(e->value, &mpb_type_global_var);
    const mpb_global_var_t *v = is_var ? MP_OBJ_TO_PTR(e->value) : NULL;
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = is_var ? mpb_value_load(&v->row, v->addr, MP_OBJ_NULL) : e->value;
    } else if (dest[1] != MP_OBJ_NULL && is_var) {
        if (v->row.flags & MPB_F_CONST) {
            nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_AttributeError,
                MPB_ERROR_TEXT("global variable '%q' is const"), attr));
        }
        mpb_value_store(&v->row, v->addr, dest[1]);
        dest[0] = MP_OBJ_NULL; // stored
    }
}

