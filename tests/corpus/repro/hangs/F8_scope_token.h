// F8 reproducer (hangs mpbind: kept out of the fuzz seeds): the macro probe parses `(::)`, which never ends in clang-19.
#define SCOPE ::
int f(void);
