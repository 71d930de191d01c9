// bench_lib.h: the C functions the call-cost benchmark binds (through mpbind and by hand).
#ifndef BENCH_LIB_H
#define BENCH_LIB_H

int bench_add(int a, int b);

#endif
