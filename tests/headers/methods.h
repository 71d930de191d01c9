// mpbind: -M methods --prefix lv_
// Golden: <prefix>_<T>_<name>(T *self, ...) methods, <prefix>_<T>_create constructors, `del` -> `delete`,
// constant classes attached to the class their name starts with (OBJ_FLAG -> obj_t.FLAG).
typedef struct lv_obj_t lv_obj_t;
struct lv_obj_t {
    int x;
    int y;
};

lv_obj_t *lv_obj_create(lv_obj_t *parent);
void lv_obj_set_pos(lv_obj_t *obj, int x, int y);
void lv_obj_del(lv_obj_t *obj);
int lv_obj_x(const lv_obj_t *obj);
int lv_obj_count(void);

enum {
    LV_OBJ_FLAG_HIDDEN = 1 << 0,
    LV_OBJ_FLAG_CLICKABLE = 1 << 1,
};
