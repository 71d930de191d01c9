// bench_lib.c: the benchmarked C functions, kept out of line so every binding calls them the same way.
#include "bench_lib.h"

__attribute__((noinline)) int bench_add(int a, int b) { return a + b; }

__attribute__((noinline)) int bench_apply(bench_binop_cb cb, void *user_data, int a, int b) {
    return cb(user_data, a, b);
}

__attribute__((noinline)) int bench_add_ud(void *user_data, int a, int b) {
    (void)user_data;
    return a + b;
}
