// F6 reproducer: declared only without NDEBUG; the generator does not see the build type's -DNDEBUG.
int always(void);
#ifndef NDEBUG
int debug_only(void);
#endif
