// mpb_runtime.h: the only header generated modules include: the mpbind runtime API (prefix mpb_).
#ifndef MPB_RUNTIME_H
#define MPB_RUNTIME_H

#include "mpb_compat.h"
#include "mpb_types.h"
#include "mpb_layout.h"
#include "mpb_convert.h"
#include "mpb_struct.h"
#include "mpb_fun.h"
#include "mpb_const.h"
#include "mpb_isr.h"
#include "mpb_callback.h"

// Keeps obj reachable by the GC under key (an address C holds) until released; for C memory the GC cannot scan.
void mpb_keep(const void *key, mp_obj_t obj);
void mpb_release(const void *key);
// The same with a Python object as key (a qstr: no allocation to look up, so usable in interrupt context).
void mpb_root_set(mp_obj_t key, mp_obj_t obj); // obj MP_OBJ_NULL: removes the entry
mp_obj_t mpb_root_get(mp_obj_t key);           // MP_OBJ_NULL when absent
// The roots dict's map itself (made when `create`, else NULL while there is none), for lookups in place.
mp_map_t *mpb_roots_map(bool create);
// Called when a pointer field at `field` is set from `value`: if the field is in C memory (which the GC does not
// scan) and value is a heap object, value is kept reachable until the field is set again.
void mpb_keep_for_c(void *field, mp_obj_t value);
// True when p points into the GC heap (whose blocks the GC scans conservatively).
bool mpb_in_gc_heap(const void *p);
// True when p is the address of a dict object in the heap (a user_data dict stored in a void * field).
bool mpb_is_heap_dict(const void *p);

#endif // MPB_RUNTIME_H
