// mpb_blob.c: Blob, the untyped C pointer object (passed between modules, compared, dereferenced into a
// memoryview), and the conversions of every pointer kind: untyped, char *, struct pointers, function pointers.
#include <stdio.h>
#include <string.h>
#include "mpb_blob.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_fun.h"
#include "mpb_instance.h"


static void blob_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    char addr[24];
    snprintf(addr, sizeof(addr), "%llx", (unsigned long long)(uintptr_t)self->ptr);
    mp_printf(print, "<Blob 0x%s>", addr);
}

// Blob(x): the address of any pointer-like object (Blob, struct, buffer, C function) or an integer address.
static mp_obj_t blob_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    mpb_blob_t *self = mpb_obj_malloc(mpb_blob_t, &mpb_type_blob);
    if (mpb_is_small_int(args[0]) || mpb_is_big_int(args[0])) {
        self->ptr = (void *)(uintptr_t)mpb_get_u64(args[0], NULL, 0);
    } else {
        self->ptr = mpb_get_ptr(args[0], NULL, 0);
    }
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t blob_binary_op(mpb_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op == MP_BINARY_OP_EQUAL && mpb_obj_is_type(rhs, &mpb_type_blob)) {
        return mp_obj_new_bool(((mpb_blob_t *)MP_OBJ_TO_PTR(lhs))->ptr == ((mpb_blob_t *)MP_OBJ_TO_PTR(rhs))->ptr);
    }
    return MP_OBJ_NULL;
}

// The buffer protocol gives the address (length 0), as the original binding did for C helpers.
static mp_int_t blob_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    bufinfo->buf = self->ptr;
    bufinfo->len = 0;
    bufinfo->typecode = 'B';
    return 0;
}

// blob.__dereference__(n): a writable memoryview of the n bytes at the address.
static mp_obj_t blob_dereference(mp_obj_t self_in, mp_obj_t n_in) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t n = mp_obj_get_int(n_in);
    if (self->ptr == NULL) {
        mp_raise_ValueError(MPB_ERROR_TEXT("NULL Blob dereference"));
    }
    if (n < 0) {
        mp_raise_ValueError(MPB_ERROR_TEXT("negative size"));
    }
    return mp_obj_new_memoryview('B' | MPB_MEMVIEW_RW, n, self->ptr);
}
static MP_DEFINE_CONST_FUN_OBJ_2(blob_dereference_obj, blob_dereference);

// int(blob) is not in v1.9.2's unary ops, so the address is an attribute-free method.
static mp_obj_t blob_address(mp_obj_t self_in) {
    return mpb_new_u64((uintptr_t)((mpb_blob_t *)MP_OBJ_TO_PTR(self_in))->ptr);
}
static MP_DEFINE_CONST_FUN_OBJ_1(blob_address_obj, blob_address);

static const mp_rom_map_elem_t blob_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___dereference__), MP_ROM_PTR(&blob_dereference_obj) },
    { MP_ROM_QSTR(MP_QSTR___address__), MP_ROM_PTR(&blob_address_obj) },
};
static MP_DEFINE_CONST_DICT(blob_locals, blob_locals_table);

#if MPB_NEW_API
MP_DEFINE_CONST_OBJ_TYPE(mpb_type_blob, MP_QSTR_Blob, MP_TYPE_FLAG_NONE,
    make_new, blob_make_new, print, blob_print, binary_op, blob_binary_op, buffer, blob_get_buffer,
    locals_dict, &blob_locals);
#else
const mp_obj_type_t mpb_type_blob = {
    { &mp_type_type },
    .name = MP_QSTR_Blob,
    .print = blob_print,
    .make_new = blob_make_new,
    .binary_op = blob_binary_op,
    .buffer_p = { .get_buffer = blob_get_buffer },
    .locals_dict = (mp_obj_dict_t *)&blob_locals,
};
#endif

const char *mpb_get_str(mp_obj_t o, const void *where, size_t i) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mpb_is_str_or_bytes(o)) {
        size_t len;
        return mp_obj_str_get_data(o, &len); // the core keeps str data NUL-terminated
    }
    if (mpb_obj_is_type(o, &mpb_type_blob) || mpb_is_struct(o)) {
        return mpb_get_ptr(o, where, i);
    }
    mp_buffer_info_t bi;
    if (mp_get_buffer(o, &bi, MP_BUFFER_READ)) {
        return bi.buf;
    }
    mpb_raise_type(o, "str, bytes, buffer or None", where, i);
}

void *mpb_get_ptr(mp_obj_t o, const void *where, size_t i) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mpb_obj_is_type(o, &mpb_type_blob)) {
        return ((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    if (mpb_is_struct(o)) {
        return ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(o))->data;
    }
    if (mpb_obj_is_type(o, &mpb_type_fun)) {
        return (void *)(uintptr_t)((const mpb_fun_t *)MP_OBJ_TO_PTR(o))->addr;
    }
    mp_buffer_info_t bi;
    if (!mpb_is_small_int(o) && mp_get_buffer(o, &bi, MP_BUFFER_READ)) {
        return bi.buf;
    }
    mpb_raise_type(o, "pointer (Blob, struct, buffer or None)", where, i);
}

mp_obj_t mpb_new_ptr(const void *p) {
    if (p == NULL) {
        return mp_const_none;
    }
    mpb_blob_t *b = mpb_obj_malloc(mpb_blob_t, &mpb_type_blob);
    b->ptr = (void *)p;
    return MP_OBJ_FROM_PTR(b);
}

void *mpb_get_struct_ptr(mp_obj_t o, const mpb_struct_type_t *type, const void *where, size_t i) {
    if (mpb_is_struct(o) && mp_obj_get_type(o) != MPB_STRUCT_BASE(type)) {
        mpb_raise_type(o, qstr_str(type->type.name), where, i);
    }
    return mpb_get_ptr(o, where, i);
}

// One code of an ABI signature at *s (advanced past it); every pointer (p void *, P struct *, s char *, o object,
// F<...> function) is one class: the calling convention does not tell them apart, and a C function written for
// `void *` arguments is a valid callback for struct-pointer arguments (the hybrid helpers are written that way).
static size_t sig_token(const char **s, const char **start) {
    const char *p = *s;
    *start = p;
    if (*p == 'p' || *p == 'P' || *p == 's' || *p == 'o' || *p == 'F') {
        ++p;
        int depth = 0;
        while (*p == '<' || (depth > 0 && *p != '\0')) { // F's signature, nested brackets included
            depth += (*p == '<') - (*p == '>');
            ++p;
        }
        *s = p;
        *start = "p";
        return 1;
    }
    while (*p != '\0' && *p != ',' && *p != '(' && *p != ')') {
        ++p;
    }
    if (p == *s) {
        ++p; // punctuation
    }
    *s = p;
    return (size_t)(p - *start);
}

static bool sig_compatible(const char *a, const char *b) {
    while (*a != '\0' && *b != '\0') {
        const char *ta, *tb;
        size_t na = sig_token(&a, &ta), nb = sig_token(&b, &tb);
        if (na != nb || memcmp(ta, tb, na) != 0) {
            return false;
        }
    }
    return *a == *b;
}

mpb_cfun_t mpb_get_funptr(mp_obj_t o, const char *sig, const void *where, size_t i) {
    if (o == mp_const_none) {
        return NULL;
    }
    if (mpb_obj_is_type(o, &mpb_type_fun)) {
        const mpb_fun_t *f = MP_OBJ_TO_PTR(o);
        // Equal strings first (the common case, cheap); the pointer-class comparison only when they differ.
        if (sig != NULL && f->sig != NULL && strcmp(sig, f->sig) != 0 && !sig_compatible(sig, f->sig)) {
            mpb_raise_at(&mp_type_TypeError, where, i, "C function of another signature: ", f->sig);
        }
        return f->addr;
    }
    if (mpb_obj_is_type(o, &mpb_type_blob)) {
        return (mpb_cfun_t)(uintptr_t)((mpb_blob_t *)MP_OBJ_TO_PTR(o))->ptr;
    }
    mpb_raise_type(o, "C function, Blob or None", where, i);
}

mp_obj_t mpb_new_funptr(mpb_cfun_t f) {
    return mpb_new_ptr((const void *)(uintptr_t)f);
}
