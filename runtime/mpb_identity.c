// mpb_identity.c: one Python object per C object: the wrapper kept in the object's user-data slot, recognised there
// without trusting what the slot holds, and the object's most specific class.
#include "mpb_identity.h"
#include "mpb_roots.h"

// True when class t is want or inherits it (t is one of an identity's classes: a struct class, one base at most).
static bool inherits(const mp_obj_type_t *t, const mp_obj_type_t *want) {
    for (; t != NULL; t = MPB_TYPE_SLOT(t, parent)) {
        if (t == want) {
            return true;
        }
    }
    return false;
}

static bool is_identity_class(const mpb_identity_t *id, const void *type) {
    for (size_t k = 0; k < id->n_classes; ++k) {
        if (MPB_STRUCT_BASE(id->classes[k].cls) == type) {
            return true;
        }
    }
    return false;
}

typedef enum { SLOT_FREE, SLOT_WRAPPER, SLOT_USER } slot_state_t;

// What the user-data slot of the object at data holds: nothing, or a pointer into the GC heap at no live object
// (a wrapper collected since: nothing else of ours points there), or a wrapper of one of the record's classes made
// for another object that lived at that address, all free for a wrapper; this object's wrapper; or the user's
// own data (anything else), which is never overwritten. Only the heap's block table is read before the pointer is
// known to be a live heap block.
static slot_state_t slot_state(const mpb_identity_t *id, const void *data, void *w) {
    if (w == NULL) {
        return SLOT_FREE;
    }
    // One walk of the heap's areas in the usual case (a live wrapper); the second only tells a dead heap block from C
    // data.
    size_t n = mpb_heap_nbytes(w, sizeof(mpb_struct_obj_t));
    if (n == 0) {
        return mpb_in_gc_heap(w) ? SLOT_FREE : SLOT_USER;
    }
    if (n < sizeof(mpb_struct_obj_t) || !is_identity_class(id, ((mp_obj_base_t *)w)->type)) {
        return SLOT_USER;
    }
    return ((mpb_struct_obj_t *)w)->data == data ? SLOT_WRAPPER : SLOT_FREE;
}

// The most specific class of the object at data that inherits type: the one whose descriptor the object's class
// accessor gives, else type.
static const mp_obj_type_t *most_specific(const mpb_identity_t *id, const mp_obj_type_t *type, const void *data) {
    if (id->get_class != NULL) {
        const void *d = id->get_class(data);
        for (size_t k = 0; d != NULL && k < id->n_classes; ++k) {
            const mp_obj_type_t *t = MPB_STRUCT_BASE(id->classes[k].cls);
            if (id->classes[k].descriptor == d && inherits(t, type)) {
                return t;
            }
        }
    }
    return type;
}

static mpb_struct_obj_t *new_wrapper(const mp_obj_type_t *type, void *data) {
    mpb_struct_obj_t *s = mpb_obj_malloc(mpb_struct_obj_t, type);
    s->data = data;
    s->owner = MP_OBJ_NULL;
    s->count = 0;
    return s;
}

// Wrappers holding state (mpb_object_keep) of objects in C memory, which the GC does not scan: {address: wrapper}
// rooted under qstr `object_state`.
static mp_map_t *kept_wrappers(bool create) {
    return mpb_root_map(MP_OBJ_NEW_QSTR(MP_QSTR_object_state), create);
}

void mpb_object_keep(mpb_struct_obj_t *w) {
    if (!mpb_in_gc_heap(w->data)) {
        mp_map_lookup(kept_wrappers(true), mpb_address_key(w->data), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value =
            MP_OBJ_FROM_PTR(w);
    }
}

size_t mpb_objects_kept(void) {
    mp_map_t *m = kept_wrappers(false);
    return m != NULL ? m->used : 0;
}

// Wrapper o (a new one when NULL) for the object at data, kept in its slot. A wrapper kept for that address belonged
// to an object that C has freed since (this one's slot did not lead to it): it is let go.
static mpb_struct_obj_t *settle(const mpb_identity_t *id, const mp_obj_type_t *want, void *data, mpb_struct_obj_t *o) {
    if (o == NULL) {
        o = new_wrapper(most_specific(id, want, data), data);
    }
    id->set(data, o);
    mp_map_t *kept = kept_wrappers(false);
    if (kept != NULL) {
        mpb_map_remove(kept, mpb_address_key(data));
    }
    return o;
}

mpb_struct_obj_t *mpb_object_home(const mpb_struct_type_t *type, void *data, mpb_struct_obj_t *self,
    mpb_home_use_t use) {
    const mpb_identity_t *id = type->identity;
    void *w = id->get(data);
    switch (slot_state(id, data, w)) {
        case SLOT_WRAPPER:
            return w;
        case SLOT_USER:
            return use == MPB_HOME_CLAIM ? settle(id, MPB_STRUCT_BASE(type), data, self) : NULL;
        default:
            return use == MPB_HOME_READ ? self : settle(id, MPB_STRUCT_BASE(type), data, self);
    }
}

// mpb_object_ref beyond its usual case: a wrapper of another class, of another object, the user's data or none.
static MPB_NOINLINE mp_obj_t object_ref(const mpb_struct_type_t *type, void *data, void *w) {
    const mpb_identity_t *id = type->identity;
    const mp_obj_type_t *want = MPB_STRUCT_BASE(type);
    switch (slot_state(id, data, w)) {
        case SLOT_WRAPPER: {
            mpb_struct_obj_t *o = w;
            if (inherits(o->base.type, want)) {
                return MP_OBJ_FROM_PTR(o); // as specific as asked, or more
            }
            if (inherits(want, o->base.type)) {
                o->base.type = want; // known more precisely now (T.__cast__, a constructor's own class)
                return MP_OBJ_FROM_PTR(o);
            }
            return MP_OBJ_FROM_PTR(new_wrapper(want, data)); // cast across branches: a view of its own
        }
        case SLOT_USER:
            return MP_OBJ_FROM_PTR(new_wrapper(most_specific(id, want, data), data));
        default:
            return MP_OBJ_FROM_PTR(settle(id, want, data, NULL));
    }
}

mp_obj_t mpb_object_ref(const mpb_struct_type_t *type, void *data) {
    mpb_struct_obj_t *w = type->identity->get(data);
    // The usual case, kept short (every call returning an object comes here): the slot holds this object's wrapper, of
    // the class asked for (one of the identity's classes, so the block is a wrapper, not the user's data). The block
    // is known live before it is read.
    if (w != NULL && mpb_heap_nbytes(w, sizeof(*w)) >= sizeof(*w) && w->base.type == MPB_STRUCT_BASE(type) &&
        w->data == data) {
        return MP_OBJ_FROM_PTR(w);
    }
    return object_ref(type, data, w);
}
