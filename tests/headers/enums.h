// mpbind: -M enums --prefix gpio_
// Golden: enum grouping by common prefix (named, typedef'd, anonymous), digits, and prefix stripping.
typedef enum {
    GPIO_MODE_DISABLE = 0,
    GPIO_MODE_INPUT = 1,
    GPIO_MODE_OUTPUT = 2,
    GPIO_MODE_INPUT_OUTPUT = 3,
} gpio_mode_t;

typedef enum {
    GPIO_NUM_0 = 0,
    GPIO_NUM_1 = 1,
    GPIO_NUM_MAX = 40,
} gpio_num_t;

enum color { RED, GREEN = 5, BLUE };

enum { LONELY = 7 };

enum { FLAG_NONE = 0, FLAG_ALL = -1 };

enum big { BIG_ONE = 0x80000000u, BIG_TWO };

int gpio_set_direction(gpio_num_t num, gpio_mode_t mode);
