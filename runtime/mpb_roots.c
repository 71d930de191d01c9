// mpb_roots.c: objects C holds (callables, user data) kept reachable by the GC through the root pointer mpb_roots.
#include "py/mpstate.h"
#include "mpb_runtime.h"

#if MPB_NEW_API
MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_roots);
#endif
// v1.9.2: the port lists `mp_obj_t mpb_roots;` in MICROPY_PORT_ROOT_POINTERS.

// A dict from address (int) to object, made on first use.
static mp_obj_t roots(void) {
    if (MP_STATE_VM(mpb_roots) == MP_OBJ_NULL) {
        MP_STATE_VM(mpb_roots) = mp_obj_new_dict(0);
    }
    return MP_STATE_VM(mpb_roots);
}

void mpb_keep(const void *key, mp_obj_t obj) {
    mp_obj_dict_store(roots(), mpb_new_u64((uintptr_t)key), obj);
}

void mpb_release(const void *key) {
    mp_obj_t d = roots();
    mp_map_lookup(mp_obj_dict_get_map(d), mpb_new_u64((uintptr_t)key), MP_MAP_LOOKUP_REMOVE_IF_FOUND);
}
