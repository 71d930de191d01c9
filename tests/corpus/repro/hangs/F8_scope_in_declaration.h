// F8 (second half) reproducer, hangs mpbind: `(::)` in a declaration never finishes in clang-19 (the first parse).
int f(int a[(::)]);
