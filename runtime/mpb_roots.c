// mpb_roots.c: objects C holds (callables, user data) kept reachable by the GC through the root pointer mpb_roots.
#include "py/gc.h"
#include "py/mpstate.h"
#include "mpb_convert.h"
#include "mpb_roots.h"

#if MPB_NEW_API
MP_REGISTER_ROOT_POINTER(mp_obj_t mpb_roots);
#endif
// v1.9.2: the port lists `mp_obj_t mpb_roots;` in MICROPY_PORT_ROOT_POINTERS.

// The roots dict (address ints and qstrs to objects), made on first use when `create`; NULL when absent.
mp_map_t *mpb_roots_map(bool create) {
    if (MP_STATE_VM(mpb_roots) == MP_OBJ_NULL) {
        if (!create) {
            return NULL;
        }
        MP_STATE_VM(mpb_roots) = mp_obj_new_dict(0);
    }
    return mp_obj_dict_get_map(MP_STATE_VM(mpb_roots));
}

void mpb_root_set(mp_obj_t key, mp_obj_t obj) {
    mp_map_t *m = mpb_roots_map(obj != MP_OBJ_NULL);
    if (obj != MP_OBJ_NULL) {
        mp_map_lookup(m, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = obj;
    } else if (m != NULL) {
        mpb_map_remove(m, key);
    }
}

mp_obj_t mpb_root_get(mp_obj_t key) {
    mp_map_t *m = mpb_roots_map(false);
    mp_map_elem_t *e = m != NULL ? mp_map_lookup(m, key, MP_MAP_LOOKUP) : NULL;
    return e != NULL ? e->value : MP_OBJ_NULL;
}

mp_map_t *mpb_root_map(mp_obj_t key, bool create) {
    mp_obj_t d = mpb_root_get(key);
    if (d == MP_OBJ_NULL) {
        if (!create) {
            return NULL;
        }
        d = mp_obj_new_dict(0);
        mpb_root_set(key, d);
    }
    return mp_obj_dict_get_map(d);
}

mp_obj_t mpb_address_key(const void *p) {
    return MP_OBJ_NEW_SMALL_INT((mp_int_t)((uintptr_t)p / sizeof(mp_obj_t)));
}

void mpb_keep(const void *key, mp_obj_t obj) {
    mpb_root_set(mpb_new_u64((uintptr_t)key), obj);
}

void mpb_release(const void *key) {
    mpb_root_set(mpb_new_u64((uintptr_t)key), MP_OBJ_NULL);
}

void *mpb_gc_block(const void *key, size_t size) {
    mp_obj_t held = mpb_root_get(mpb_new_u64((uintptr_t)key));
    if (held != MP_OBJ_NULL) {
        return MP_OBJ_TO_PTR(held);
    }
    // Not an object, only a block: the roots' values are found by key, never used as objects, and the GC marks
    // a raw block like any other.
    void *block = m_malloc0(size);
    mpb_keep(key, MP_OBJ_FROM_PTR(block));
    return block;
}

void mpb_keep_for_c(void *field, mp_obj_t value) {
    if (mpb_in_gc_heap(field)) {
        return; // the GC scans the struct itself
    }
    if (mpb_is_obj(value) && mpb_in_gc_heap(MP_OBJ_TO_PTR(value))) {
        mpb_keep(field, value);
    } else {
        mpb_release(field);
    }
}

// One area of the GC heap: its allocation table and its pool.
typedef struct {
    const byte *atb, *start, *end;
} heap_area_t;

// The area whose pool holds p. Since v1.20 the heap may be a list of areas (MICROPY_GC_SPLIT_HEAP: the esp32 port
// adds areas as the heap grows); v1.9.2 has one.
static bool heap_area(const void *p, heap_area_t *out) {
    #if MPB_NEW_API
    for (const mp_state_mem_area_t *a = &MP_STATE_MEM(area); a != NULL;) {
        if ((const byte *)p >= a->gc_pool_start && (const byte *)p < a->gc_pool_end) {
            *out = (heap_area_t){ a->gc_alloc_table_start, a->gc_pool_start, a->gc_pool_end };
            return true;
        }
        #if MICROPY_GC_SPLIT_HEAP
        a = a->next;
        #else
        a = NULL;
        #endif
    }
    return false;
    #else
    *out = (heap_area_t){ MP_STATE_MEM(gc_alloc_table_start), MP_STATE_MEM(gc_pool_start), MP_STATE_MEM(gc_pool_end) };
    return (const byte *)p >= out->start && (const byte *)p < out->end;
    #endif
}

bool mpb_in_gc_heap(const void *p) {
    heap_area_t a;
    return heap_area(p, &a);
}

size_t mpb_heap_nbytes_any(const void *p, size_t at_most) {
    heap_area_t a;
    const size_t per_block = MICROPY_BYTES_PER_GC_BLOCK;
    const byte *b = p;
    if (!heap_area(p, &a) || (size_t)(b - a.start) % per_block != 0) {
        return 0;
    }
    const byte *atb = a.atb;
    size_t block = (size_t)(b - a.start) / per_block, n_blocks = (size_t)(a.end - a.start) / per_block;
    if (!MPB_AT_LIVE(MPB_ATB_KIND(atb, block))) {
        return 0;
    }
    size_t n = per_block;
    while (n < at_most && ++block < n_blocks && MPB_ATB_KIND(atb, block) == MPB_AT_TAIL) {
        n += per_block;
    }
    return n;
}

bool mpb_is_heap_dict(const void *p) {
    return mpb_heap_object(p, sizeof(mp_obj_dict_t), &mp_type_dict) != NULL;
}
