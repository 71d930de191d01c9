// mpb_seq.h: C array arguments made from Python lists and tuples (`const char *const map[]`, `const T props[]`,
// `const point_t points[]`), kept alive while the C object they were given to may still read them.
#ifndef MPB_SEQ_H
#define MPB_SEQ_H

#include "mpb_types.h"

// Argument i of C function f (args: all its arguments) for a `T *` parameter whose elements have type code `code`
// (MPB_STR: the strings are copied with the array). A list or tuple becomes a new C array of its elements,
// converted; nothing is added (a terminator C expects, "" or 0, is the caller's, as in C). The array is kept in the
// roots under (f, i, the C object argument 0 points to) until the same function is given another array for the
// same object: C may keep the pointer (a button-matrix map) that long. Anything else converts as any pointer
// argument does (mpb_get_ptr).
void *mpb_get_array(const mp_obj_t *args, size_t i, mpb_code_t code, const mpb_fun_t *f);

// The same for a struct pointer argument of class mpb_fun_class(f, i): a list or tuple of instances or dicts becomes an
// array of copies (not for an opaque class: no size); anything else converts as mpb_get_struct_ptr does.
void *mpb_get_struct_arg(const mp_obj_t *args, size_t i, const mpb_fun_t *f);

#endif // MPB_SEQ_H
