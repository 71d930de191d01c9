// mpbind: -M structs
// Golden: structs and unions, nested and anonymous members, bitfields, const fields, arrays, opaque types.
#include <stdint.h>

typedef struct {
    int x, y;
} point_t;

struct rect {
    point_t origin;
    point_t size;
};

typedef union {
    uint32_t word;
    uint8_t bytes[4];
} word_t;

typedef struct {
    const int id;
    union {
        int i;
        float f;
    };
    struct {
        uint8_t r, g, b;
    } color;
    unsigned ready : 1;
    unsigned mode : 3;
    char name[8];
    struct rect *link;
    long double precise;
} widget_t;

struct flex {
    int n;
    int data[];
};

typedef struct handle handle_t;

handle_t *open_handle(const char *name);
void close_handle(handle_t *h);
point_t add_points(point_t a, point_t b);
struct rect *grow(struct rect *r, int by);
void use_widget(widget_t *w);

typedef point_t vec2_t; // a second name for a class: an alias
