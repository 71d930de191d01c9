// mpbind: -M callbacks --user-field trans_t=user --isr ^devcfg_t\.(pre|post)_cb$
// Golden: the callback conventions: struct with user_data, configurable user field, void* registration, first-arg struct.
typedef struct disp_drv disp_drv_t;
struct disp_drv {
    void (*flush_cb)(disp_drv_t *drv, const void *area, void *color);
    void (*monitor_cb)(disp_drv_t *drv, unsigned time, unsigned px);
    void *user_data;
};

typedef struct {
    int length;
    void *user;
} trans_t;

typedef struct {
    int clock_speed_hz;
    void (*pre_cb)(trans_t *t);
    void (*post_cb)(trans_t *t);
} devcfg_t;

typedef struct obj {
    void *user_data;
} obj_t;
typedef struct event event_t;

int run_query(void *db, const char *sql, int (*row_cb)(void *, int, char **, char **), void *cookie);
void obj_add_event_cb(obj_t *o, void (*event_cb)(event_t *e), int filter);
void on_tick(void (*tick)(int n));
