// Reproducer, hangs clang-19: `(::)` in a declaration never finishes parsing (mpbind ends it with --timeout).
int f(int a[(::)]);
