// Reproducer: declared only without NDEBUG; the generator must see the build type's -DNDEBUG.
int always(void);
#ifndef NDEBUG
int debug_only(void);
#endif
