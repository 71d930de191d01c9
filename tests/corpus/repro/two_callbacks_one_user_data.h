// Reproducer: two callbacks share one user-data argument; the first closure was built, then dropped.
typedef int (*cmp_fn)(void *user, int a, int b);
typedef void (*destroy_fn)(void *user);
int reg_collation(const char *name, void *user, cmp_fn compare, destroy_fn destroy);
