// Reproducer (kept out of the fuzz seeds): a macro probe parsing `(::)` never ends in clang-19; mpbind refuses it.
#define SCOPE ::
int f(void);
