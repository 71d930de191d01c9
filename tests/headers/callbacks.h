// mpbind: -M callbacks --user-field trans_t=user --isr ^devcfg_t\.(pre|post)_cb$ --release run_query=call --release bus_listen=remove:bus_unlisten --release bus_listen=delete:bus_free
// Golden: the callback conventions: struct with user_data, configurable user field, void* registration, first-arg struct;
// the release rules of void* registrations: when the call returns, by a removal function (handle), by deletion, by a
// destroy-notify, kept (unknown).
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

// Registrations C keeps: a listener list (a handle the removal function takes; deleting the bus drops them), a named
// entry with a destroy-notify, and one whose release nothing in the header tells.
typedef struct bus bus_t;
typedef void (*listener_t)(void *user, int value);
int bus_listen(bus_t *bus, listener_t cb, void *user);
void bus_unlisten(bus_t *bus, int handle);
void bus_free(bus_t *bus);
void bus_set_named(bus_t *bus, const char *name, listener_t cb, void *user, void (*destroy)(void *user));
void bus_on_idle(bus_t *bus, listener_t cb, void *user);
