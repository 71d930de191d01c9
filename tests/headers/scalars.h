// mpbind: -M scalars --prefix sc_
// Golden: every scalar width, strings, pointers, static inline, and the unbindable functions with their reasons.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int sc_add(int a, int b);
int8_t sc_i8(int8_t v);
uint16_t sc_u16(uint16_t v);
int64_t sc_i64(int64_t v);
uint64_t sc_u64(uint64_t v);
size_t sc_size(size_t n);
bool sc_not(bool b);
char sc_char(char c);
float sc_half(float f);
double sc_twice(double d);
const char *sc_greet(const char *name);
char *sc_dup(char *s);
void *sc_ptr(void *p, int **pp);
void sc_fill(uint8_t buf[16], size_t n);
static inline int sc_sq(int x) { return x * x; }
void sc_nothing(void);

int sc_printf(const char *fmt, ...);
int sc_old();
long double sc_ld(long double x);
void sc_ldp(long double *p);
