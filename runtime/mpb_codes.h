// mpb_codes.h: the type codes of C values, defined once for the runtime (C) and the generator (C++, gen/plan).
// Neither language depends on anything here but the preprocessor: each user expands the table with its own X.
#ifndef MPB_CODES_H
#define MPB_CODES_H

// X(NAME, ABI, CTYPE, SIZE, GET, NEW), one row per code, in the order of mpb_code_t (MPB_<NAME>):
// - ABI: the code's letters in ABI signatures ("i32(P,i32)"); equal letters cross the C calling convention alike.
// - CTYPE: the C type a generated wrapper passes the value as (STRUCT: the record's own type, written by the emitter).
// - SIZE: bytes of one stored value (0: no fixed size).
// - GET/NEW: the conversion helpers from and to Python objects (none: the emitter writes something else).
#define MPB_CODE_TABLE(X) \
    X(VOID,       "v",   void,         0,                  none,           none) \
    X(BOOL,       "b",   _Bool,        sizeof(_Bool),      mpb_get_bool,   mpb_new_bool) \
    X(I8,         "i8",  int8_t,       1,                  mpb_get_i8,     mpb_new_small) \
    X(U8,         "u8",  uint8_t,      1,                  mpb_get_u8,     mpb_new_small) \
    X(I16,        "i16", int16_t,      2,                  mpb_get_i16,    mpb_new_small) \
    X(U16,        "u16", uint16_t,     2,                  mpb_get_u16,    mpb_new_small) \
    X(I32,        "i32", int32_t,      4,                  mpb_get_i32,    mpb_new_i32) \
    X(U32,        "u32", uint32_t,     4,                  mpb_get_u32,    mpb_new_u32) \
    X(I64,        "i64", int64_t,      8,                  mpb_get_i64,    mpb_new_i64) \
    X(U64,        "u64", uint64_t,     8,                  mpb_get_u64,    mpb_new_u64) \
    X(F32,        "f",   float,        sizeof(float),      mpb_get_float,  mpb_new_double) \
    X(F64,        "d",   double,       sizeof(double),     mpb_get_double, mpb_new_double) \
    X(STR,        "s",   const char *, sizeof(char *),     mpb_get_str,    mpb_new_str) \
    X(PTR,        "p",   void *,       sizeof(void *),     mpb_get_ptr,    mpb_new_ptr) \
    X(STRUCT,     "S",   void,         0,                  none,           none) \
    X(STRUCT_PTR, "P",   void *,       sizeof(void *),     mpb_get_ptr,    mpb_new_ptr) \
    X(FUNPTR,     "F",   mpb_cfun_t,   sizeof(mpb_cfun_t), none,           mpb_new_funptr) \
    X(OBJ,        "o",   mp_obj_t,     sizeof(mp_obj_t),   none,           mpb_obj_or_none)

// The integer codes: X(NAME, CTYPE, MIN, MAX), in mpb_code_t order from MPB_I8 on. An N-bit integer takes every
// value whose N-bit two's complement pattern means the same in one of the two readings, signed or unsigned:
// -2^(N-1) .. 2^N-1, so `-1` for a uint32_t gives 0xFFFFFFFF and 0xFFFFFFFF for an int32_t gives -1, as C's
// conversion of that bit pattern does (and as C code passes portMAX_DELAY). Beyond N bits is an OverflowError.
#define MPB_INT_CODE_TABLE(X) \
    X(I8,  int8_t,   INT8_MIN,  UINT8_MAX) \
    X(U8,  uint8_t,  INT8_MIN,  UINT8_MAX) \
    X(I16, int16_t,  INT16_MIN, UINT16_MAX) \
    X(U16, uint16_t, INT16_MIN, UINT16_MAX) \
    X(I32, int32_t,  INT32_MIN, UINT32_MAX) \
    X(U32, uint32_t, INT32_MIN, UINT32_MAX) \
    X(I64, int64_t,  INT64_MIN, UINT64_MAX) \
    X(U64, uint64_t, INT64_MIN, UINT64_MAX)

#endif // MPB_CODES_H
