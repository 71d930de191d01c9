// mpb_roots.h: objects C holds (callables, user data, pending exceptions) kept reachable by the GC through the root
// pointer mpb_roots, for C memory the GC cannot scan.
#ifndef MPB_ROOTS_H
#define MPB_ROOTS_H

#include "py/mpstate.h"
#include "mpb_types.h"

// Keeps obj reachable by the GC under key (an address C holds) until released.
void mpb_keep(const void *key, mp_obj_t obj);
void mpb_release(const void *key);
// A zeroed block of `size` bytes in the GC heap kept reachable under key (an address C holds) until released:
// the one kept there already, else a new one. For libraries whose state lives in the GC heap (mpbind --gc-root).
void *mpb_gc_block(const void *key, size_t size);
// The same with a Python object as key (a qstr: no allocation to look up, so usable in interrupt context).
void mpb_root_set(mp_obj_t key, mp_obj_t obj); // obj MP_OBJ_NULL: removes the entry
mp_obj_t mpb_root_get(mp_obj_t key);           // MP_OBJ_NULL when absent
// The map of the dict rooted under key (made when `create`, else NULL while there is none): a named set of objects.
mp_map_t *mpb_root_map(mp_obj_t key, bool create);
// A word-aligned address as a small int on every target (no allocation): keys of such named sets.
mp_obj_t mpb_address_key(const void *p);
// The roots dict's map itself (made when `create`, else NULL while there is none), for lookups in place.
mp_map_t *mpb_roots_map(bool create);
// Called when a pointer field at `field` is set from `value`: if the field is in C memory (which the GC does not
// scan) and value is a heap object, value is kept reachable until the field is set again.
void mpb_keep_for_c(void *field, mp_obj_t value);
// True when p points into the GC heap, any of its areas (whose blocks the GC scans conservatively).
bool mpb_in_gc_heap(const void *p);
// gc_nbytes(p) counted up to at_most bytes at least (0 unless p starts a live block, marked or not), without the GC's
// lock: it reads only the allocation table, fast enough for a lookup on every call (mpb_identity.c). Another thread's
// allocation meanwhile may be seen either way, as it may just after gc_nbytes returns; a collection under way does
// not make a live block look free. Inline for the common case, a block of the heap's first area where one block is
// enough: the identity lookup of every returned object asks it.
static MPB_ALWAYS_INLINE size_t mpb_heap_nbytes(const void *p, size_t at_most);
// The same for any area and size (what mpb_heap_nbytes does beyond its inline case).
size_t mpb_heap_nbytes_any(const void *p, size_t at_most);

// The heap's allocation table: 2 bits per block, 4 blocks a byte, as py/gc.c keeps it (v1.9.2 to v1.24). A collection
// marks live heads AT_MARK until its sweep turns them back.
#define MPB_ATB_KIND(atb, block) (((atb)[(block) / 4] >> (2 * ((block) % 4))) & 3)
#define MPB_AT_HEAD 1
#define MPB_AT_TAIL 2
#define MPB_AT_MARK 3
#define MPB_AT_LIVE(kind) ((kind) == MPB_AT_HEAD || (kind) == MPB_AT_MARK)

static MPB_ALWAYS_INLINE size_t mpb_heap_nbytes(const void *p, size_t at_most) {
    #if MPB_NEW_API
    const mp_state_mem_area_t *area = &MP_STATE_MEM(area); // the first area (the only one without a split heap)
    const byte *atb = area->gc_alloc_table_start, *start = area->gc_pool_start, *end = area->gc_pool_end;
    #else
    const byte *atb = MP_STATE_MEM(gc_alloc_table_start), *start = MP_STATE_MEM(gc_pool_start);
    const byte *end = MP_STATE_MEM(gc_pool_end);
    #endif
    const byte *b = p;
    if (b < start || b >= end || at_most > MICROPY_BYTES_PER_GC_BLOCK) {
        return mpb_heap_nbytes_any(p, at_most);
    }
    size_t offset = (size_t)(b - start);
    if (offset % MICROPY_BYTES_PER_GC_BLOCK != 0) {
        return 0;
    }
    size_t block = offset / MICROPY_BYTES_PER_GC_BLOCK;
    return MPB_AT_LIVE(MPB_ATB_KIND(atb, block)) ? MICROPY_BYTES_PER_GC_BLOCK : 0;
}

// p when it starts a live heap block of at least size bytes holding an object of exactly this type, else NULL. Only
// reads, whatever p is: safe in an interrupt, and while a collection has the block marked.
static inline void *mpb_heap_object(const void *p, size_t size, const mp_obj_type_t *type) {
    return mpb_heap_nbytes(p, size) >= size && ((const mp_obj_base_t *)p)->type == type ? (void *)p : NULL;
}

// True when p is the address of a dict object in the heap (a user_data dict stored in a void * field).
bool mpb_is_heap_dict(const void *p);

#endif // MPB_ROOTS_H
