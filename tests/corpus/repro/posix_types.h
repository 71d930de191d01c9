// Reproducer: parsed in clang's default gnu mode the header is fine; the module is compiled with -std=c99.
#include <pthread.h>
typedef struct { pthread_rwlock_t lock; int count; } guard_t;
int guard_init(guard_t *g);
