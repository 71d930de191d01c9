// mpb_layout.h: compile-time checks of the target layout a generated module was computed for (mpbind --target).
#ifndef MPB_LAYOUT_H
#define MPB_LAYOUT_H

#include <stddef.h> // offsetof, used by the field tables

// MPB_LAYOUT_CHECK(cond, what): `cond` must hold for the compiler that builds the module; otherwise compilation
// stops with "mpbind: <what> for <MPB_GENERATED_FOR>, not for this compiler: ...". Field offsets and struct sizes
// come from this compiler (offsetof, sizeof); what the checks cover is what mpbind had to decide for its target:
// scalar widths of fields and of wrapper arguments, array lengths, bitfield positions. MPB_GENERATED_FOR is
// defined by each generated module (the target triple mpbind computed the layout for).
#define MPB_LAYOUT_MESSAGE(what) \
    "mpbind: " what " for " MPB_GENERATED_FOR ", not for this compiler: generate the module for its target (mpbind --target)"
#if defined(__GNUC__)
// __extension__: accepted under -std=c99 -pedantic too.
#define MPB_LAYOUT_CHECK(cond, what) __extension__ _Static_assert(cond, MPB_LAYOUT_MESSAGE(what))
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define MPB_LAYOUT_CHECK(cond, what) _Static_assert(cond, MPB_LAYOUT_MESSAGE(what))
#else
// Plain C99: a negative array size; the compiler names the line instead of the field.
#define MPB_LAYOUT_CHECK(cond, what) typedef char MPB_LAYOUT_NAME(__LINE__)[(cond) ? 1 : -1]
#define MPB_LAYOUT_NAME(line) MPB_LAYOUT_NAME2(line)
#define MPB_LAYOUT_NAME2(line) mpb_layout_check_failed_at_line_##line
#endif

#endif // MPB_LAYOUT_H
