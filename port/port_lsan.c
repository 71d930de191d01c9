// port_lsan.c: LeakSanitizer suppressions built into the interpreter (sanitizer builds only).
// Listed here, not in a file passed by environment, so every way of running the interpreter gets them.
// Only third-party libraries' process-lifetime caches belong here, never our code.
#if defined(__SANITIZE_ADDRESS__)
const char *__lsan_default_options(void);
const char *__lsan_default_suppressions(void);

// Tests compare the interpreter's whole output: the list of used suppressions must not be appended to it.
const char *__lsan_default_options(void) {
    return "print_suppressions=0";
}

const char *__lsan_default_suppressions(void) {
    // fontconfig keeps its configuration and font cache until exit; cairo's toy text API loads it and
    // offers no way to release it (FcFini is not part of cairo's API).
    return "leak:libfontconfig.so\n";
}
#else
typedef int port_lsan_unused_t; // ISO C forbids an empty translation unit
#endif
