// mpb_cpointer.c: C_Pointer, the union for out-parameters (ptr_val, int_val, uint_val, str_val), shared by all modules.
#include "mpb_cpointer.h"

typedef union _mpb_c_pointer_t {
    void *ptr_val;
    int int_val;
    unsigned int uint_val;
    const char *str_val;
} mpb_c_pointer_t;

// The field codes below assume a 32-bit int, as on every target MicroPython runs on.
typedef char mpb_check_int_is_32_bits[sizeof(int) == 4 ? 1 : -1];

static const mpb_field_t c_pointer_fields[] = {
    { .name = MP_QSTR_ptr_val, .code = MPB_PTR },
    { .name = MP_QSTR_int_val, .code = MPB_I32 },
    { .name = MP_QSTR_uint_val, .code = MPB_U32 },
    { .name = MP_QSTR_str_val, .code = MPB_STR },
};

static const mp_rom_map_elem_t c_pointer_locals_table[] = {
    MPB_STRUCT_LOCALS_ENTRIES(sizeof(mpb_c_pointer_t)),
};
static MP_DEFINE_CONST_DICT(c_pointer_locals, c_pointer_locals_table);

MPB_DEFINE_STRUCT_TYPE(mpb_type_c_pointer, MP_QSTR_C_Pointer, sizeof(mpb_c_pointer_t), MPB_S_UNION,
    MP_ARRAY_SIZE(c_pointer_fields), c_pointer_fields, c_pointer_locals, NULL, NULL);
