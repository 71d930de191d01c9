// F1 reproducer: a deprecated function is bound; the generated module's reference to it fails -Werror.
__attribute__((deprecated)) int old_api(int x);
int new_api(int x);
