// mpbind: -M globals --prefix gl_
// Golden: global variables (const and writable structs by reference, scalars through the module's own type, the
// unrepresentable ones skipped with their reasons) and array parameters (strings, enums, ints, structs by value).
#include <stdint.h>

typedef struct {
    int32_t line_height;
} gl_font_t;
typedef struct gl_obj gl_obj_t;
typedef enum { GL_PROP_NONE = 0, GL_PROP_WIDTH = 1 } gl_prop_t;

extern const gl_font_t gl_font_14;
extern gl_font_t gl_font_user;
extern int32_t gl_counter;
extern const uint8_t gl_level;
extern const char *gl_name;
extern gl_obj_t *gl_focused;
extern int32_t gl_table[3];
extern void (*gl_hook)(int32_t);

void gl_set_map(gl_obj_t *obj, const char *const map[]);
void gl_set_props(gl_obj_t *obj, const gl_prop_t props[]);
int32_t gl_sum(const int32_t *values, uint32_t n);
void gl_set_fonts(gl_obj_t *obj, const gl_font_t *fonts, uint32_t n);
void gl_set_font(gl_obj_t *obj, const gl_font_t *font);
