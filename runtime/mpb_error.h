// mpb_error.h: the runtime's internal error helpers (not for generated code).
#ifndef MPB_ERROR_H
#define MPB_ERROR_H

#include "mpb_types.h"

// Raises exc with "<where>: <msg><detail>", where names a function argument or a field (see MPB_AT_FIELD).
MPB_NORETURN void mpb_raise_at(const mp_obj_type_t *exc, const void *where, size_t i, const char *msg, const char *detail);

#endif // MPB_ERROR_H
