// espidf.c: helper C of the `espidf` module: the seed's small helpers (get_ccount, task_delay_ms), and Python
// pre_cb/post_cb of SPI transactions, run in interrupt context.
#include "py/gc.h"
#include "py/obj.h"
#include "py/runtime.h"
#include "mpb_runtime.h"
#include "espidf.h"

// What spi_transaction_set_cb returns (as a Blob) and a transaction's `user` field points to. It is a GC object,
// kept in the root pointer mpb_roots until spi_transaction_release_cb: transactions often live in C memory
// (heap_caps_malloc) that the GC does not scan, and an interrupt may still use it after Python dropped it.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t pre_cb;    // callable, or MP_OBJ_NULL
    mp_obj_t post_cb;
    mpb_blob_t *trans;  // made once, re-pointed at the transaction before each call: the handler allocates nothing
} espidf_spi_callbacks_t;

#if MPB_NEW_API
static MP_DEFINE_CONST_OBJ_TYPE(espidf_spi_callbacks_type, MP_QSTR_spi_callbacks, MP_TYPE_FLAG_NONE);
#else
static const mp_obj_type_t espidf_spi_callbacks_type = { { &mp_type_type }, .name = MP_QSTR_spi_callbacks };
#endif

static mp_obj_t callable_or_null(mp_obj_t f, const char *what) {
    if (f == mp_const_none) {
        return MP_OBJ_NULL;
    }
    if (!mp_obj_is_callable(f)) {
        nlr_raise(mp_obj_new_exception_msg_varg(&mp_type_TypeError,
            MPB_ERROR_TEXT("spi_transaction_set_cb() argument '%s': expected a callable or None"), what));
    }
    return f;
}

void *spi_transaction_set_cb(mp_obj_t pre_cb, mp_obj_t post_cb) {
    mp_obj_t pre = callable_or_null(pre_cb, "pre_cb");
    mp_obj_t post = callable_or_null(post_cb, "post_cb");
    espidf_spi_callbacks_t *cbs = m_new_obj(espidf_spi_callbacks_t);
    cbs->base.type = &espidf_spi_callbacks_type;
    cbs->pre_cb = pre;
    cbs->post_cb = post;
    cbs->trans = m_new_obj(mpb_blob_t);
    cbs->trans->base.type = &mpb_type_blob;
    cbs->trans->ptr = NULL;
    mpb_keep(cbs, MP_OBJ_FROM_PTR(cbs));
    return cbs;
}

void get_ccount(int *ccount) {
    #if ESP_IDF_VERSION_MAJOR >= 5
    *ccount = (int)esp_cpu_get_cycle_count();
    #else
    *ccount = (int)esp_cpu_get_ccount();
    #endif
}

void task_delay_ms(int ms) {
    vTaskDelay(ms / portTICK_PERIOD_MS);
}

void spi_transaction_release_cb(void *callbacks) {
    mpb_release(callbacks);
}

// trans->user as our callbacks object, or NULL when it is something else (not ours: the handler does nothing).
// The interrupt may come while a collection is marking the heap, when gc_nbytes sees a marked block as no block at
// all; mpb_heap_object counts it.
static espidf_spi_callbacks_t *callbacks_of(spi_transaction_t *trans) {
    return trans != NULL ? mpb_heap_object(trans->user, sizeof(espidf_spi_callbacks_t), &espidf_spi_callbacks_type)
                         : NULL;
}

static void run_isr(espidf_spi_callbacks_t *cbs, mp_obj_t f, spi_transaction_t *trans) {
    if (cbs == NULL || f == MP_OBJ_NULL) {
        return;
    }
    cbs->trans->ptr = trans;
    mp_obj_t arg = MP_OBJ_FROM_PTR(cbs->trans);
    mpb_isr_call(f, 1, &arg);  // an exception was printed there; an interrupt has nobody to report to
}

void spi_pre_cb_isr(spi_transaction_t *trans) {
    espidf_spi_callbacks_t *cbs = callbacks_of(trans);
    run_isr(cbs, cbs != NULL ? cbs->pre_cb : MP_OBJ_NULL, trans);
}

void spi_post_cb_isr(spi_transaction_t *trans) {
    espidf_spi_callbacks_t *cbs = callbacks_of(trans);
    run_isr(cbs, cbs != NULL ? cbs->post_cb : MP_OBJ_NULL, trans);
}
