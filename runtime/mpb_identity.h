// mpb_identity.h: one Python object per C object, for record types whose objects have a user-data slot: the wrapper
// is kept in the slot (mpb_identity_t, generated), and made an instance of the object's most specific class.
#ifndef MPB_IDENTITY_H
#define MPB_IDENTITY_H

#include "mpb_types.h"

// The wrapper of the C object at data (not NULL) as an instance of type (which has an identity), or of the most
// specific of its classes the object's class descriptor names: the one in the object's user-data slot when there is
// one (a wrapper of a less specific class becomes one of type), else a new one, kept in the slot unless the slot
// holds the user's own data.
mp_obj_t mpb_object_ref(const mpb_struct_type_t *type, void *data);

// What a use of the object's state may do to its slot: a read never writes C memory (the object may have been freed
// and its memory reused); a store takes a free slot; a claim also takes one holding the user's own C data.
typedef enum { MPB_HOME_READ, MPB_HOME_STORE, MPB_HOME_CLAIM } mpb_home_use_t;

// The wrapper kept in the slot of the object at data, or NULL when the slot holds the user's own C data (unless
// MPB_HOME_CLAIM). A free slot gets self, a wrapper of that object (a new one when NULL), kept in the slot unless
// MPB_HOME_READ.
mpb_struct_obj_t *mpb_object_home(const mpb_struct_type_t *type, void *data, mpb_struct_obj_t *self,
    mpb_home_use_t use);

// Wrapper w (in its object's slot) now holds state the user set (mpb_object_state.h): it must live as long as its
// object. An object in the GC heap reaches it through its slot; one in C memory, which the GC does not scan, gets it
// kept in the roots until another wrapper is made for its address (C freed it and reused the memory). Nothing tells
// when C frees an object otherwise: a freed object's wrapper stays kept (bounded by the addresses objects had).
void mpb_object_keep(mpb_struct_obj_t *w);
// Wrappers kept so (what tests read).
size_t mpb_objects_kept(void);

#endif // MPB_IDENTITY_H
