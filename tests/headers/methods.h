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

// Object classes: constructors of other names returning lv_obj_t * (a base object type) make classes inheriting
// obj (renamed after its own constructor), with their own methods and constant classes; the flat names go.
// User-data accessors give one Python object per C object; get_class and the descriptor globals the most
// specific class.
typedef struct lv_obj_class_t {
    const struct lv_obj_class_t *base_class;
} lv_obj_class_t;
extern const lv_obj_class_t lv_obj_class;
extern const lv_obj_class_t lv_button_class;
lv_obj_t *lv_button_create(lv_obj_t *parent);
void lv_button_set_checked(lv_obj_t *obj, int checked);
lv_obj_t *lv_label_create(lv_obj_t *parent);
void *lv_obj_get_user_data(lv_obj_t *obj);
void lv_obj_set_user_data(lv_obj_t *obj, void *user_data);
const lv_obj_class_t *lv_obj_get_class(const lv_obj_t *obj);

enum {
    LV_BUTTON_STATE_ON = 0,
    LV_BUTTON_STATE_OFF = 1,
};
