// mpb_object_state.c: the user's data and attributes of objects with identity, in a dict their wrapper holds.
#include "mpb_blob.h"
#include "mpb_identity.h"
#include "mpb_instance.h"
#include "mpb_object_state.h"

// A wrapper of a record with identity needs nothing to keep its C object alive (the library owns it), so its owner
// slot holds its state instead: a dict of attributes by name, and the user data under key 0 (no attribute name is an
// int). NULL until something is set.
#define USER_DATA_KEY MP_OBJ_NEW_SMALL_INT(0)

static mp_map_t *state(mpb_struct_obj_t *w, bool create) {
    if (w->owner == MP_OBJ_NULL) {
        if (!create) {
            return NULL;
        }
        w->owner = mp_obj_new_dict(0);
        mpb_object_keep(w);
    }
    return mp_obj_dict_get_map(w->owner);
}

static mp_obj_t lookup(mpb_struct_obj_t *w, mp_obj_t key) {
    mp_map_t *m = state(w, false);
    mp_map_elem_t *e = m != NULL ? mp_map_lookup(m, key, MP_MAP_LOOKUP) : NULL;
    return e != NULL ? e->value : MP_OBJ_NULL;
}

mp_obj_t mpb_object_user_data(const mpb_fun_t *self, mp_obj_t obj, mp_obj_t value) {
    const mpb_struct_type_t *t = mpb_fun_class(self, 0);
    void *data = mpb_get_struct_val(obj, t, self, 0);
    // The wrapper called on takes a free or claimed slot, unless it holds anything but state (a global's view).
    mpb_struct_obj_t *given = MP_OBJ_TO_PTR(mpb_struct_native(obj));
    if (given->owner != MP_OBJ_NULL && !mpb_obj_is_type(given->owner, &mp_type_dict)) {
        given = NULL;
    }
    mpb_struct_obj_t *home = mpb_object_home(t, data, given, value != MP_OBJ_NULL ? MPB_HOME_CLAIM : MPB_HOME_READ);
    if (value == MP_OBJ_NULL) {
        if (home == NULL) {
            return mpb_new_ptr(t->identity->get(data)); // C's own data
        }
        mp_obj_t v = lookup(home, USER_DATA_KEY);
        return v != MP_OBJ_NULL ? v : mp_const_none;
    }
    if (value == mp_const_none) {
        mp_map_t *m = state(home, false);
        if (m != NULL) {
            mpb_map_remove(m, USER_DATA_KEY);
        }
    } else {
        mp_map_lookup(state(home, true), USER_DATA_KEY, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    }
    return mp_const_none;
}

bool mpb_object_attr(const mpb_struct_type_t *t, mpb_struct_obj_t *self, qstr attr, mp_obj_t *dest) {
    if (self->data == NULL) {
        return false;
    }
    // The state is the object's, whichever of its wrappers is used (a view cast to another branch of classes).
    bool store = dest[0] != MP_OBJ_NULL && dest[1] != MP_OBJ_NULL;
    mpb_struct_obj_t *home = mpb_object_home(t, self->data, self, store ? MPB_HOME_STORE : MPB_HOME_READ);
    if (home == NULL) {
        return false;
    }
    mp_obj_t key = MP_OBJ_NEW_QSTR(attr);
    if (dest[0] == MP_OBJ_NULL) {
        mp_obj_t v = lookup(home, key);
        if (v != MP_OBJ_NULL) {
            dest[0] = v;
        }
        return v != MP_OBJ_NULL;
    }
    if (dest[1] == MP_OBJ_NULL) {
        mp_map_t *m = state(home, false);
        return m != NULL && mpb_map_remove(m, key);
    }
    mp_map_lookup(state(home, true), key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
    return true;
}
