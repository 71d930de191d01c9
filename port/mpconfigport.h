// MicroPython configuration of the mpbind interpreter (v1.9.2 core): x86-64 Linux, and 32-bit targets (the armhf
// pass under qemu-user; the Xtensa compile checks use these headers too).
#include <stdint.h>
#include <alloca.h>
#include <stddef.h>

// Object model and code generation: REPR_A is the only 64-bit clean representation in this fork; on 32-bit
// targets it gives 31-bit small ints, as on an ESP32.
#define MICROPY_OBJ_REPR                  (MICROPY_OBJ_REPR_A)
#define MICROPY_NLR_SETJMP                (1)   // ASan follows longjmp (native code: port/patches/0002)
#define MICROPY_USE_SMALL_HEAP_COMPILER   (0)   // compile.c/parse.c: keeps async def
#define MICROPY_ENABLE_COMPILER           (1)
#if defined(__x86_64__)
#define MICROPY_EMIT_X64                  (1)   // @micropython.native and @micropython.viper, as on ESP32
#else
// No native emitter elsewhere (the armhf pass): @micropython.native functions compile as bytecode, so the pure
// display driver path runs there too, slower (port/patches/0003); @micropython.viper is a SyntaxError.
#define MICROPY_PORT_NATIVE_AS_BYTECODE   (1)
#endif
#define MICROPY_PERSISTENT_CODE_LOAD      (0)
#define MICROPY_MAKE_POINTER_CALLABLE(p)  (p)   // the fork sets the Thumb bit; identity without ARM native code

// Memory. Native code goes into pages of its own that may run (port_exec.c); the GC heap may not.
#define MP_PLAT_ALLOC_EXEC(min_size, ptr, size) port_alloc_exec(min_size, ptr, size)
#define MP_PLAT_FREE_EXEC(ptr, size) port_free_exec(ptr, size)
void port_alloc_exec(size_t min_size, void **ptr, size_t *size);
void port_free_exec(void *ptr, size_t size);
#define MICROPY_ENABLE_GC                 (1)
#define MICROPY_ENABLE_FINALISER          (1)
#define MICROPY_GC_ALLOC_THRESHOLD        (1)
#define MICROPY_STACK_CHECK               (1)
#define MICROPY_ALLOC_PATH_MAX            (4096)
#define MICROPY_MEM_STATS                 (0)
// Allocated at start-up (main.c), resizable by micropython.alloc_emergency_exception_buf, as on an ESP32.
#define MICROPY_ENABLE_EMERGENCY_EXCEPTION_BUF (1)
#define MICROPY_EMERGENCY_EXCEPTION_BUF_SIZE   (0)

// Reading source: the port resolves module paths itself (port_path.c), so the core's POSIX reader is off.
#define MICROPY_READER_POSIX              (0)
#define MICROPY_READER_VFS                (0)
#define MICROPY_HELPER_REPL               (1)
#define MICROPY_REPL_AUTO_INDENT          (0)

// Language features.
#define MICROPY_ENABLE_SOURCE_LINE        (1)
#define MICROPY_ENABLE_DOC_STRING         (0)
#define MICROPY_ERROR_REPORTING           (MICROPY_ERROR_REPORTING_DETAILED)
#define MICROPY_WARNINGS                  (1)
#define MICROPY_FLOAT_IMPL                (MICROPY_FLOAT_IMPL_DOUBLE)
#define MICROPY_LONGINT_IMPL              (MICROPY_LONGINT_IMPL_MPZ)
#define MICROPY_CPYTHON_COMPAT            (1)
#define MICROPY_STREAMS_NON_BLOCK         (0)
#define MICROPY_MODULE_BUILTIN_INIT       (1)
#define MICROPY_MODULE_WEAK_LINKS         (1)   // 'struct' -> ustruct etc., see below
#define MICROPY_CAN_OVERRIDE_BUILTINS     (0)
#define MICROPY_ENABLE_SCHEDULER          (1)
#define MICROPY_SCHEDULER_DEPTH           (4)
#define MICROPY_KBD_EXCEPTION             (1)
#define MICROPY_COMP_CONST                (1)
#define MICROPY_COMP_MODULE_CONST         (1)
#define MICROPY_PY_FUNCTION_ATTRS         (1)
#define MICROPY_PY_DESCRIPTORS            (1)
#define MICROPY_PY_DELATTR_SETATTR        (1)
#define MICROPY_PY_ASYNC_AWAIT            (1)
#define MICROPY_PY_BUILTINS_STR_UNICODE   (1)
#define MICROPY_PY_BUILTINS_STR_CENTER    (1)
#define MICROPY_PY_BUILTINS_STR_PARTITION (1)
#define MICROPY_PY_BUILTINS_STR_SPLITLINES (1)
#define MICROPY_PY_BUILTINS_BYTEARRAY     (1)
#define MICROPY_PY_BUILTINS_MEMORYVIEW    (1)
#define MICROPY_PY_BUILTINS_SET           (1)
#define MICROPY_PY_BUILTINS_SLICE         (1)
#define MICROPY_PY_BUILTINS_SLICE_ATTRS   (1)
#define MICROPY_PY_BUILTINS_FROZENSET     (1)
#define MICROPY_PY_BUILTINS_PROPERTY      (1)
#define MICROPY_PY_BUILTINS_RANGE_ATTRS   (1)
#define MICROPY_PY_BUILTINS_TIMEOUTERROR  (1)
#define MICROPY_PY_ALL_SPECIAL_METHODS    (1)
#define MICROPY_PY_BUILTINS_COMPILE       (1)
#define MICROPY_PY_BUILTINS_ENUMERATE     (1)
#define MICROPY_PY_BUILTINS_EVAL_EXEC     (1)
#define MICROPY_PY_BUILTINS_EXECFILE      (0)
#define MICROPY_PY_BUILTINS_FILTER        (1)
#define MICROPY_PY_BUILTINS_REVERSED      (1)
#define MICROPY_PY_BUILTINS_NOTIMPLEMENTED (1)
#define MICROPY_PY_BUILTINS_INPUT         (0)
#define MICROPY_PY_BUILTINS_MIN_MAX       (1)
#define MICROPY_PY_BUILTINS_POW3          (1)
#define MICROPY_PY_BUILTINS_HELP          (1)   // help(obj) listing as in the seed (port_help.c)
#define MICROPY_PY_BUILTINS_HELP_MODULES  (1)
#define MICROPY_PY_BUILTINS_COMPLEX       (0)
#define MICROPY_PY___FILE__               (1)
#define MICROPY_PY_MICROPYTHON_MEM_INFO   (1)
#define MICROPY_PY_ARRAY                  (1)
#define MICROPY_PY_ARRAY_SLICE_ASSIGN     (1)
#define MICROPY_PY_ATTRTUPLE              (1)
#define MICROPY_PY_COLLECTIONS            (1)
#define MICROPY_PY_COLLECTIONS_ORDEREDDICT (1)
#define MICROPY_PY_MATH                   (1)
#define MICROPY_PY_MATH_SPECIAL_FUNCTIONS (1)
#define MICROPY_PY_CMATH                  (0)
#define MICROPY_PY_GC                     (1)
#define MICROPY_PY_GC_COLLECT_RETVAL      (0)
#define MICROPY_PY_IO                     (0)   // no files on the host interpreter: printing only
#define MICROPY_PY_STRUCT                 (1)
#define MICROPY_PY_SYS                    (1)
#define MICROPY_PY_SYS_MAXSIZE            (1)
#define MICROPY_PY_SYS_MODULES            (1)
#define MICROPY_PY_SYS_EXC_INFO           (1)
#define MICROPY_PY_SYS_EXIT               (1)
#define MICROPY_PY_SYS_GETSIZEOF          (0)
#define MICROPY_PY_SYS_STDFILES           (0)
#define MICROPY_PY_UERRNO                 (1)
#define MICROPY_PY_UTIME_MP_HAL           (1)
#define MICROPY_PY_THREAD                 (0)

// Integer and pointer types: machine words (64 bits on x86-64, 32 on armhf and Xtensa).
typedef intptr_t mp_int_t;
typedef uintptr_t mp_uint_t;
typedef long mp_off_t;
#if UINTPTR_MAX > 0xffffffffu
#define UINT_FMT "%lu"
#define INT_FMT "%ld"
#define MP_SSIZE_MAX (0x7fffffffffffffffL)
#else
#define UINT_FMT "%u"
#define INT_FMT "%d"
#define MP_SSIZE_MAX (0x7fffffff)
#endif
#define MP_PLAT_PRINT_STRN(str, len) mp_hal_stdout_tx_strn(str, len)

// Builtin modules: 'time' and every module declared with mpbind_add_module (generated list).
#include "genhdr/mpbind_modules.h"
#define MICROPY_PORT_BUILTIN_MODULES MPBIND_BUILTIN_MODULES

// The core names these modules with a 'u'; scripts written for CPython-like names import them plainly.
#define MICROPY_PORT_BUILTIN_MODULE_WEAK_LINKS \
    { MP_ROM_QSTR(MP_QSTR_struct), MP_ROM_PTR(&mp_module_ustruct) }, \
    { MP_ROM_QSTR(MP_QSTR_collections), MP_ROM_PTR(&mp_module_collections) }, \
    { MP_ROM_QSTR(MP_QSTR_errno), MP_ROM_PTR(&mp_module_uerrno) }, \
    { MP_ROM_QSTR(MP_QSTR_utime), MP_ROM_PTR(&mp_module_time) },

// Root pointers scanned by the GC. mpb_roots holds objects only C keeps alive (callbacks, buffers).
#define MICROPY_PORT_ROOT_POINTERS \
    mp_obj_list_t port_sys_argv; \
    mp_obj_list_t port_sys_path; \
    mp_obj_t mpb_roots; \
    mp_obj_t porttest_roots;  /* used only by tests/port/modporttest.c */

// sys.argv and sys.path, through the hook added by port/patches/0001-sys-port-attrs.patch.
#define MICROPY_PORT_SYS_ATTRS \
    { MP_ROM_QSTR(MP_QSTR_argv), MP_ROM_PTR(&MP_STATE_VM(port_sys_argv)) }, \
    { MP_ROM_QSTR(MP_QSTR_path), MP_ROM_PTR(&MP_STATE_VM(port_sys_path)) },

#define MICROPY_HW_BOARD_NAME "host"
#if defined(__x86_64__)
#define MICROPY_HW_MCU_NAME "x86-64"
#elif defined(__arm__)
#define MICROPY_HW_MCU_NAME "armv7"
#else
#define MICROPY_HW_MCU_NAME "32-bit"
#endif
#define MICROPY_PY_SYS_PLATFORM "linux"

// Interrupts are signals on this host: an atomic section blocks them (port_atomic.c). begin returns whether it
// blocked them; end restores the mask only then.
#define MICROPY_BEGIN_ATOMIC_SECTION() port_atomic_begin()
#define MICROPY_END_ATOMIC_SECTION(state) port_atomic_end(state)
mp_uint_t port_atomic_begin(void);
void port_atomic_end(mp_uint_t state);
