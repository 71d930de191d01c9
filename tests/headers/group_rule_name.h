// mpbind: -M grouping --group-rule name --flat-enums
// Golden: enum classes named after the enum, members also available flat.
typedef enum {
    PIN_MODE_IN,
    PIN_MODE_OUT,
} pin_mode_t;

enum edge { EDGE_RISING = 1, EDGE_FALLING = 2 };
