// mpb_error.h: the runtime's internal error helpers (not for generated code).
#ifndef MPB_ERROR_H
#define MPB_ERROR_H

#include "mpb_types.h"

// Where a value goes, for error messages: `where` is the mpb_fun_t and `i` the argument index,
// or `where` is an mpb_field_t and `i` is MPB_AT_FIELD.
#define MPB_AT_FIELD ((size_t)-1)

// TypeError "expected <expected>, got <type of o>" at where/i.
MPB_NORETURN void mpb_raise_type(mp_obj_t o, const char *expected, const void *where, size_t i);
// Raises exc with "<where>: <msg><detail>", where names a function argument or a field (see MPB_AT_FIELD).
MPB_NORETURN void mpb_raise_at(const mp_obj_type_t *exc, const void *where, size_t i, const char *msg, const char *detail);

// Prints address p as 0x<hex digits> with nothing but %x of 32-bit halves: the one hex form every core's mp_printf
// has (v1.9.2 reads %p and %x as unsigned int, >= 1.20 has no %llx; libc's snprintf is not on every port).
void mpb_print_address(const mp_print_t *print, const void *p);

#endif // MPB_ERROR_H
