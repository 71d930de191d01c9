// mpb_compat.h: bridges between the MicroPython v1.9.2 core and >= 1.20, chosen from the core's version numbers.
#ifndef MPB_COMPAT_H
#define MPB_COMPAT_H

#include "py/obj.h"
#include "py/runtime.h"
#include "py/objstr.h"
#include "py/smallint.h"
#include "py/runtime0.h"
#if !defined(MICROPY_VERSION_MAJOR)
// v1.9.2 keeps the version numbers in the generated header only (>= 1.20 defines them in mpconfig.h).
#include "genhdr/mpversion.h"
#endif

#define MPB_MP_VERSION (MICROPY_VERSION_MAJOR * 10000 + MICROPY_VERSION_MINOR * 100 + MICROPY_VERSION_MICRO)
// 1 for MicroPython >= 1.20 (slot-based types, MP_REGISTER_MODULE, MP_REGISTER_ROOT_POINTER).
#define MPB_NEW_API (MPB_MP_VERSION >= 12000)

#define MPB_NORETURN __attribute__((noreturn))
#define MPB_NOINLINE __attribute__((noinline))
// For the few short functions of hot paths that ports built with -Os (MicroPython's default) would not inline.
#define MPB_ALWAYS_INLINE inline __attribute__((always_inline))

#if MPB_NEW_API
#define MPB_ERROR_TEXT(s) MP_ERROR_TEXT(s)
#define mpb_obj_new_str(data, len) mp_obj_new_str((data), (len))
#define MPB_MEMVIEW_RW MP_OBJ_ARRAY_TYPECODE_FLAG_RW
#define mpb_obj_malloc(struct_type, obj_type) mp_obj_malloc(struct_type, obj_type)
#define MPB_TYPE_SLOT(t, slot) MP_OBJ_TYPE_GET_SLOT_OR_NULL((t), slot)
#define mpb_obj_is_type(o, t) mp_obj_is_type((o), (t))
#define mpb_is_small_int(o) mp_obj_is_small_int(o)
#define mpb_is_big_int(o) mp_obj_is_exact_type((o), &mp_type_int)
#define mpb_is_str_or_bytes(o) mp_obj_is_str_or_bytes(o)
#define mpb_is_str_obj(o) mp_obj_is_exact_type((o), &mp_type_str)
#define mpb_is_obj(o) mp_obj_is_obj(o)
#define mpb_map_slot_is_filled(m, k) mp_map_slot_is_filled((m), (k))
#define mpb_cast_to_native_base(o, t) mp_obj_cast_to_native_base((o), (t))
typedef mp_unary_op_t mpb_unary_op_t;
typedef mp_binary_op_t mpb_binary_op_t;
#else
#define MPB_ERROR_TEXT(s) (s)
#define mpb_obj_new_str(data, len) mp_obj_new_str((data), (len), false)
// v1.9.2 marks a writable memoryview with bit 7 of its typecode.
#define MPB_MEMVIEW_RW 0x80
#define mpb_obj_malloc(struct_type, obj_type) ((struct_type *)mpb_obj_malloc_helper(sizeof(struct_type), (obj_type)))
#define MPB_TYPE_SLOT(t, slot) ((t)->slot)
void *mpb_obj_malloc_helper(size_t size, const mp_obj_type_t *type);
#define mpb_obj_is_type(o, t) MP_OBJ_IS_TYPE((o), (t))
#define mpb_is_small_int(o) MP_OBJ_IS_SMALL_INT(o)
#define mpb_is_big_int(o) MP_OBJ_IS_TYPE((o), &mp_type_int)
#define mpb_is_str_or_bytes(o) MP_OBJ_IS_STR_OR_BYTES(o)
#define mpb_is_str_obj(o) MP_OBJ_IS_TYPE((o), &mp_type_str)
#define mpb_is_obj(o) MP_OBJ_IS_OBJ(o)
#define mpb_map_slot_is_filled(m, k) MP_MAP_SLOT_IS_FILLED((m), (k))
#define mpb_cast_to_native_base(o, t) mp_instance_cast_to_native_base((o), (t))
typedef mp_uint_t mpb_unary_op_t;
typedef mp_uint_t mpb_binary_op_t;
#endif

// Little-endian bytes of a big int: one spelling from v1.9.2 to at least v1.28 (returns void before v1.24, bool
// since; the result is not used).
#define mpb_int_to_bytes_le(o, len, buf) mp_obj_int_to_bytes_impl((o), false, (len), (buf))

// Enum classes: a type whose locals dict holds the constants (class attributes, no instances).
#if MPB_NEW_API
#define MPB_DEFINE_ENUM_TYPE(var, qname, locals) \
    MP_DEFINE_CONST_OBJ_TYPE(var, qname, MP_TYPE_FLAG_NONE, locals_dict, &locals)
#else
#define MPB_DEFINE_ENUM_TYPE(var, qname, locals) \
    const mp_obj_type_t var = { { &mp_type_type }, .name = qname, .locals_dict = (mp_obj_dict_t *)&locals }
#endif

#endif // MPB_COMPAT_H
