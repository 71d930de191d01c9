// Reproducer: a Python name that is a macro of the MicroPython headers (STATIC) must survive the qstr step.
enum tex_access { TEX_ACCESS_STATIC, TEX_ACCESS_STREAMING };
int tex_create(enum tex_access access);
