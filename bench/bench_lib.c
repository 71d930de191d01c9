// bench_lib.c: the benchmarked C function, kept out of line so every binding calls it the same way.
#include "bench_lib.h"

__attribute__((noinline)) int bench_add(int a, int b) { return a + b; }
