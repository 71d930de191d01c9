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

#endif // MPB_IDENTITY_H
