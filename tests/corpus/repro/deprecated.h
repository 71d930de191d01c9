// Reproducer: a deprecated function bound; the generated module's reference to it must not fail -Werror.
__attribute__((deprecated)) int old_api(int x);
int new_api(int x);
