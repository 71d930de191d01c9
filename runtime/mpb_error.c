// mpb_error.c: error messages that name the function and parameter (or the field) a bad value was meant for.
#include <string.h>
#include "mpb_error.h"

// Finds parameter i in a ',' separated list of names.
static const char *param_name(const char *params, size_t i, int *len) {
    const char *p = params;
    for (; i > 0 && *p; ++p) {
        if (*p == ',') {
            --i;
        }
    }
    const char *end = strchr(p, ',');
    *len = end ? (int)(end - p) : (int)strlen(p);
    return p;
}

void mpb_raise_at(const mp_obj_type_t *exc, const void *where, size_t i, const char *msg, const char *detail) {
    mp_obj_t e;
    if (where == NULL) {
        e = mp_obj_new_exception_msg_varg(exc, MPB_ERROR_TEXT("%s%s"), msg, detail);
    } else if (i == MPB_AT_FIELD) {
        const mpb_field_t *f = where;
        e = mp_obj_new_exception_msg_varg(exc,
            (f->flags & MPB_F_GLOBAL) ? MPB_ERROR_TEXT("global variable '%q': %s%s")
                                      : MPB_ERROR_TEXT("field '%q': %s%s"),
            (qstr)f->name, msg, detail);
    } else {
        const mpb_fun_t *fun = where;
        if (fun->params == MPB_NO_PARAMS || fun->params >= mpb_fun_module(fun)->strings_len) { // none, or left out
            e = mp_obj_new_exception_msg_varg(exc, MPB_ERROR_TEXT("%q() argument %d: %s%s"), (qstr)fun->name,
                (int)i + 1, msg, detail);
        } else {
            int len;
            const char *name = param_name(mpb_fun_module(fun)->strings + fun->params, i, &len);
            e = mp_obj_new_exception_msg_varg(exc, MPB_ERROR_TEXT("%q() argument '%.*s': %s%s"),
                (qstr)fun->name, len, name, msg, detail);
        }
    }
    nlr_raise(e);
}

void mpb_raise_type(mp_obj_t o, const char *expected, const void *where, size_t i) {
    char msg[64];
    size_t n = strlen(expected);
    if (n > sizeof(msg) - 16) {
        n = sizeof(msg) - 16;
    }
    memcpy(msg, "expected ", 9);
    memcpy(msg + 9, expected, n);
    memcpy(msg + 9 + n, ", got ", 7);
    mpb_raise_at(&mp_type_TypeError, where, i, msg, mp_obj_get_type_str(o));
}

void mpb_print_address(const mp_print_t *print, const void *p) {
    uint64_t a = (uintptr_t)p;
    unsigned hi = (unsigned)(a >> 32), lo = (unsigned)(a & 0xffffffffu);
    if (hi != 0) {
        mp_printf(print, "0x%x%08x", hi, lo);
    } else {
        mp_printf(print, "0x%x", lo);
    }
}
