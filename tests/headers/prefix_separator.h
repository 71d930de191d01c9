// mpbind: -M geom --prefix geom
// Golden: `--prefix geom` strips the separator too (geom_add -> add, GEOM_MODE_FAST -> MODE.FAST), as LVGL's
// `--prefix lv` users expect of lv_obj. Doc comments become the stub's docstrings.

/** A point on the grid. */
typedef struct geom_point {
    int x, y;
} geom_point_t;

/// Adds two "numbers" (a \ b).
int geom_add(int a, int b);
geom_point_t geom_mid(geom_point_t a, geom_point_t b);
int geom_point_len(geom_point_t *self);

enum geom_mode { GEOM_MODE_FAST, GEOM_MODE_EXACT };
