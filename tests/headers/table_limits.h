// mpbind: -M table_limits
// Golden: what the runtime's tables cannot hold is skipped with its reason (arrays beyond a field row, fields beyond
// its 16-bit offset, bit-fields read through more than 64 bits) and integer constants of every width are bound (small
// ints, wide ints, const int objects); callbacks a trampoline carries out (a struct by value argument, five callbacks
// on one user-data argument) and those it cannot (a struct result: C addresses only).
typedef struct {
    int x, y;
} pt_t;

struct big {
    char fits[65535];
    unsigned char arr[70000];
    int n;
};

struct edge {
    char pad[65528];
    int last;
};

struct __attribute__((packed)) bits {
    unsigned a : 3;
    unsigned long long wide : 62;
    unsigned b : 5;
};

#define ALL_ONES 0xffffffffffffffffULL
#define LARGEST_ROM_INT 0x3fffffffffffffffLL
#define MOST_NEGATIVE (-0x7fffffffffffffffLL - 1)
#define SMALL 7

void each(void (*cb)(void *user, pt_t p), void *user);

typedef int (*stage_t)(void *user, int value);
int pipeline(void *user, stage_t a, stage_t b, stage_t c, stage_t d, stage_t e, int value);

void make(pt_t (*maker)(void *user), void *user);
