// mpb_handle.h: Python objects that travel to C as a `void *` a callback returns (a file object an open callback
// hands to C), kept reachable while C holds the pointer: until a callback that ends the handle gets it back.
#ifndef MPB_HANDLE_H
#define MPB_HANDLE_H

#include "mpb_types.h"

// The pointer C gets for a callback's `void *` result: a Blob's, struct's or buffer's address, None as NULL, and any
// other Python object (a dict, a list, an instance) as the object's own address. A heap object is kept reachable
// until mpb_handle_release; the same pointer handed back to Python reads as the object (blob.__cast__()).
void *mpb_handle_from_result(mp_obj_t o);
// C is done with p (a close callback got it): the object kept for it may be collected. Unknown pointers are ignored.
void mpb_handle_release(const void *p);
// How many objects are kept for C as handles (tests read it: it returns to its value once C closes them).
size_t mpb_handles_live(void);

#endif // MPB_HANDLE_H
