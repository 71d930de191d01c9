// F2 reproducer: a Python name that is a macro of the MicroPython headers (STATIC) is expanded by the qstr step.
enum tex_access { TEX_ACCESS_STATIC, TEX_ACCESS_STREAMING };
int tex_create(enum tex_access access);
