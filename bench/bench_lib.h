// bench_lib.h: the C functions the call-cost benchmarks bind (through mpbind and by hand).
#ifndef BENCH_LIB_H
#define BENCH_LIB_H

int bench_add(int a, int b);

// Callback round trip: bench_apply calls cb(user_data, a, b) once and returns its result.
typedef int (*bench_binop_cb)(void *user_data, int a, int b);
int bench_apply(bench_binop_cb cb, void *user_data, int a, int b);
// A C function of the callback's type, for the "hybrid" case (a C function stored where a callback goes).
int bench_add_ud(void *user_data, int a, int b);

#endif
