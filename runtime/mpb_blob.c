// mpb_blob.c: Blob, the untyped C pointer object (passed between modules, compared, dereferenced into a
// memoryview), and the conversions of every pointer kind: untyped, char *, struct pointers, function pointers.
#include <string.h>
#include "mpb_blob.h"
#include "mpb_convert.h"
#include "mpb_error.h"
#include "mpb_fun.h"
#include "mpb_instance.h"
#include "mpb_roots.h"


static void blob_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<Blob ");
    mpb_print_address(print, self->ptr);
    mp_printf(print, ">");
}

// Blob(x): the address of any pointer-like object (Blob, struct, buffer, C function) or an integer address.
static mp_obj_t blob_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    mpb_blob_t *self = mpb_obj_malloc(mpb_blob_t, &mpb_type_blob);
    if (mpb_is_small_int(args[0]) || mpb_is_big_int(args[0])) {
        // An address is an unsigned integer of the target's pointer width: OverflowError beyond it.
        #if UINTPTR_MAX > 0xFFFFFFFFu
        self->ptr = (void *)(uintptr_t)mpb_get_u64(args[0], NULL, 0);
        #else
        self->ptr = (void *)(uintptr_t)mpb_get_u32(args[0], NULL, 0);
        #endif
    } else {
        self->ptr = mpb_get_ptr(args[0], NULL, 0);
    }
    return MP_OBJ_FROM_PTR(self);
}

// lhs == rhs for a Blob or struct instance lhs: the same address, when rhs is a Blob or struct instance too.
static mp_obj_t pointer_equal(mpb_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op == MP_BINARY_OP_EQUAL && (mpb_obj_is_type(rhs, &mpb_type_blob) || mpb_is_struct(rhs))) {
        return mp_obj_new_bool(mpb_get_ptr(lhs, NULL, 0) == mpb_get_ptr(rhs, NULL, 0));
    }
    return MP_OBJ_NULL;
}

mp_obj_t mpb_struct_binary_op(mpb_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    return pointer_equal(op, lhs, rhs);
}

static mp_obj_t blob_binary_op(mpb_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    return pointer_equal(op, lhs, rhs);
}

static mp_obj_t blob_unary_op(mpb_unary_op_t op, mp_obj_t self_in) {
    if (op == MP_UNARY_OP_HASH) {
        return MPB_ADDRESS_HASH(((mpb_blob_t *)MP_OBJ_TO_PTR(self_in))->ptr);
    }
    return MP_OBJ_NULL;
}

// The buffer protocol gives the pointer's own storage (buf = &ptr, len = sizeof(void *)), as the original binding
// does: a C helper reads the pointer with mp_get_buffer and `*(T **)buf` (the seed's ili9341_flush: `*spi_ptr`).
static mp_int_t blob_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    (void)flags;
    mpb_blob_t *self = MP_OBJ_TO_PTR(self_in);
    bufinfo->buf = &self->ptr;
    bufinfo->len = sizeof(self->ptr);
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

// The object at p when p is one that can be proven a live MicroPython object without reading memory that may not
// exist: the start of a heap block whose type is a class made in Python (itself a heap block) or one of the core's
// and the runtime's types listed here. Else MP_OBJ_NULL.
static mp_obj_t heap_object_at(void *p) {
    static const mp_obj_type_t *const known[] = {
        &mp_type_dict, &mp_type_list, &mp_type_tuple, &mp_type_str, &mp_type_bytes, &mp_type_bytearray,
        &mp_type_int, &mp_type_float, &mp_type_fun_bc, &mp_type_memoryview,
        &mpb_type_blob,
    };
    if (p == NULL || mpb_heap_nbytes(p, sizeof(mp_obj_base_t)) < sizeof(mp_obj_base_t)) {
        return MP_OBJ_NULL;
    }
    const mp_obj_type_t *type = ((mp_obj_base_t *)p)->type;
    if (mpb_heap_nbytes(type, sizeof(mp_obj_type_t)) >= sizeof(mp_obj_type_t) &&
        ((const mp_obj_base_t *)type)->type == &mp_type_type) {
        return MP_OBJ_FROM_PTR(p);
    }
    for (size_t k = 0; k < MP_ARRAY_SIZE(known); ++k) {
        if (type == known[k]) {
            return MP_OBJ_FROM_PTR(p);
        }
    }
    return MP_OBJ_NULL;
}

// blob.__cast__(): the MicroPython object the pointer holds (a user_data dict, say), when it provably is one;
// blob.__cast__(T): for a struct class T, an instance viewing the memory (T.__cast__(blob)); for another type, that
// object when it is one of type T. ValueError otherwise, never a guess that could crash.
static mp_obj_t blob_cast(size_t n_args, const mp_obj_t *args) {
    mpb_blob_t *self = MP_OBJ_TO_PTR(args[0]);
    if (n_args == 2 && !mpb_obj_is_type(args[1], &mp_type_type)) {
        mp_raise_TypeError(MPB_ERROR_TEXT("__cast__ argument must be a type"));
    }
    if (n_args == 2 && mpb_is_struct_type(MP_OBJ_TO_PTR(args[1]))) {
        return mpb_new_struct_ref(MPB_STRUCT_OF(MP_OBJ_TO_PTR(args[1])), self->ptr, args[0]);
    }
    mp_obj_t obj = heap_object_at(self->ptr);
    if (obj == MP_OBJ_NULL || (n_args == 2 && mp_obj_get_type(obj) != MP_OBJ_TO_PTR(args[1]))) {
        mp_raise_ValueError(MPB_ERROR_TEXT("the Blob does not point at such a MicroPython object"));
    }
    return obj;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(blob_cast_obj, 1, 2, blob_cast);

static const mp_rom_map_elem_t blob_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___dereference__), MP_ROM_PTR(&blob_dereference_obj) },
    { MP_ROM_QSTR(MP_QSTR___address__), MP_ROM_PTR(&blob_address_obj) },
    { MP_ROM_QSTR(MP_QSTR___cast__), MP_ROM_PTR(&blob_cast_obj) },
};
static MP_DEFINE_CONST_DICT(blob_locals, blob_locals_table);

#if MPB_NEW_API
MP_DEFINE_CONST_OBJ_TYPE(mpb_type_blob, MP_QSTR_Blob, MP_TYPE_FLAG_NONE,
    make_new, blob_make_new, print, blob_print, unary_op, blob_unary_op, binary_op, blob_binary_op, buffer, blob_get_buffer,
    locals_dict, &blob_locals);
#else
const mp_obj_type_t mpb_type_blob = {
    { &mp_type_type },
    .name = MP_QSTR_Blob,
    .print = blob_print,
    .make_new = blob_make_new,
    .unary_op = blob_unary_op,
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
    if (mpb_is_fun(o)) {
        return (void *)(uintptr_t)((const mpb_fun_t *)MP_OBJ_TO_PTR(o))->addr;
    }
    mp_obj_t native = mpb_struct_native(o); // an instance of a Python subclass of a struct class
    if (native != o) {
        return ((mpb_struct_obj_t *)MP_OBJ_TO_PTR(native))->data;
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
    mp_obj_t s = mpb_is_struct(o) ? o : mpb_struct_native(o);
    if (mpb_is_struct(s) && !mpb_struct_inherits(mp_obj_get_type(s), type)) {
        mpb_raise_type(o, qstr_str(type->type.name), where, i);
    }
    return mpb_get_ptr(s, where, i);
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
    if (mpb_is_fun(o)) {
        const mpb_fun_t *f = MP_OBJ_TO_PTR(o);
        // Equal strings first (the common case, cheap); the pointer-class comparison only when they differ.
        const char *fsig = mpb_fun_sig(f);
        if (sig != NULL && strcmp(sig, fsig) != 0 && !sig_compatible(sig, fsig)) {
            mpb_raise_at(&mp_type_TypeError, where, i, "C function of another signature: ", fsig);
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
