// mpb_handle.c: Python objects C holds as `void *` handles a callback returned, in a dict rooted under qstr
// `handles`: {exact address: object}.
#include "mpb_blob.h"
#include "mpb_callback.h"
#include "mpb_convert.h"
#include "mpb_handle.h"
#include "mpb_roots.h"

static mp_map_t *handles(bool create) {
    return mpb_root_map(MP_OBJ_NEW_QSTR(MP_QSTR_handles), create);
}

void *mpb_handle_from_result(mp_obj_t o) {
    // Only a heap object can vanish once the callback has returned: a Blob or C function is an address C owns.
    bool object = !mpb_is_small_int(o) && mpb_is_object_data(o);
    void *p = object ? MP_OBJ_TO_PTR(o) : mpb_get_ptr(o, NULL, 0);
    if (p != NULL && mpb_is_obj(o) && mpb_in_gc_heap(MP_OBJ_TO_PTR(o)) && !mpb_obj_is_type(o, &mpb_type_blob)) {
        mp_map_lookup(handles(true), mpb_new_u64((uintptr_t)p), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = o;
    }
    return p;
}

void mpb_handle_release(const void *p) {
    mp_map_t *m = handles(false);
    if (m != NULL && p != NULL) {
        mpb_map_remove(m, mpb_new_u64((uintptr_t)p));
    }
}

size_t mpb_handles_live(void) {
    mp_map_t *m = handles(false);
    return m != NULL ? m->used : 0;
}
