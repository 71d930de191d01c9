// ili9341_hybrid.c: the hybrid path of drivers/ili9341.py: the panel flush, its wait and DMA completion in C.
#include <string.h>
#include "py/gc.h"
#include "py/obj.h"
#include "py/runtime.h"
#include "mpb_runtime.h"
#include "gui.h"
#include "espidf.h"

#define ILI9341_CASET 0x2A
#define ILI9341_PASET 0x2B
#define ILI9341_RAMWR 0x2C
#define ILI9341_RAMWRC 0x3C

// The pixel transaction is still queued when ili9341_flush returns, so it cannot live on the stack. The GUI engine
// keeps at most one buffer on the bus, so one transaction (and one display, as in the seed) is enough.
static spi_transaction_t pixel_trans;
static spi_device_handle_t pixel_spi; // the device pixel_trans was queued on, until its result is collected

// Where the panel's write pointer stands after the last strip of an unfinished refresh: the engine sends an area
// as strips of whole rows, so the next strip usually starts there and needs only RAMWRC (write continue) instead of
// CASET, PASET and RAMWR: 1 transaction instead of 5 before each DMA. The window is opened to the bottom of the
// screen for that. Valid within one refresh only (cleared after its last strip).
static struct {
    const gui_disp_drv_t *drv; // NULL: no continuation possible
    int32_t x1, x2, next_y;
} cont;

// The panel's window (columns x1..x2, rows y..bottom of the screen) as this file's last CASET and PASET set it: a
// strip that starts a refresh in the same window (every full-screen refresh) needs only RAMWR. Unlike the
// continuation it stays valid across refreshes, so the driver forgets it whenever it sends other commands
// (ili9341_forget_window from drivers/ili9341.py: the panel's init, a new panel).
static struct {
    const gui_disp_drv_t *drv; // NULL: unknown
    int32_t x1, x2, y;
} win;

void ili9341_forget_window(void) {
    win.drv = NULL;
    cont.drv = NULL;
    pixel_spi = NULL; // a new panel or driver: the device of the last pixel transaction may be gone
}

// What the Python side left in disp_drv.user_data: {'dc': pin, 'spi': handle}.
typedef struct {
    int dc;
    spi_device_handle_t spi;
} panel_link_t;

// user_data as a dict, or NULL when it is something else (only reads: safe whatever the pointer is).
static mp_obj_dict_t *user_dict(const gui_disp_drv_t *drv) {
    void *ud = drv->user_data;
    if (ud == NULL || !mpb_in_gc_heap(ud) || gc_nbytes(ud) < sizeof(mp_obj_dict_t)) {
        return NULL;
    }
    mp_obj_dict_t *d = ud;
    return d->base.type == &mp_type_dict ? d : NULL;
}

static bool link_of(const gui_disp_drv_t *drv, panel_link_t *out) {
    mp_obj_dict_t *d = user_dict(drv);
    if (d == NULL) {
        return false;
    }
    mp_map_elem_t *dc = mp_map_lookup(&d->map, MP_OBJ_NEW_QSTR(MP_QSTR_dc), MP_MAP_LOOKUP);
    mp_map_elem_t *spi = mp_map_lookup(&d->map, MP_OBJ_NEW_QSTR(MP_QSTR_spi), MP_MAP_LOOKUP);
    // A Blob's buffer is the pointer's own storage (buf = &ptr), so the handle is *buf, as the seed reads it
    // (`spi_device_handle_t *spi_ptr = buffer_info.buf; ... *spi_ptr`).
    mp_buffer_info_t handle;
    if (dc == NULL || spi == NULL || !mpb_is_small_int(dc->value) ||
        !mp_get_buffer(spi->value, &handle, MP_BUFFER_READ) || handle.len != sizeof(spi_device_handle_t)) {
        return false;
    }
    out->dc = MP_OBJ_SMALL_INT_VALUE(dc->value);
    memcpy(&out->spi, handle.buf, sizeof(out->spi));
    return out->spi != NULL;
}

// Collects the pixel transaction's result, waiting for its end. The polling transmits that follow do not need it
// (ESP-IDF's bus lock waits for the device's queued transactions), but results nobody collects fill the device's
// result queue, and wait_cb sleeps here until the DMA is done.
static void collect_pixels(void) {
    if (pixel_spi != NULL) {
        spi_transaction_t *done;
        spi_device_get_trans_result(pixel_spi, &done, portMAX_DELAY);
        pixel_spi = NULL;
    }
}

// A command byte (D/C low) or up to 4 parameter bytes (D/C high) in the transaction itself: polling costs less
// than queueing (10 us against 28 us per transaction) and the bytes need no DMA buffer.
static void send_small(const panel_link_t *link, int dc_level, const uint8_t *bytes, size_t n) {
    spi_transaction_t t;
    memset(&t, 0, sizeof(t));
    t.flags = SPI_TRANS_USE_TXDATA;
    t.length = 8 * n;
    memcpy(t.tx_data, bytes, n);
    gpio_set_level(link->dc, dc_level);
    spi_device_polling_transmit(link->spi, &t);
}

static void send_cmd_range(const panel_link_t *link, uint8_t cmd, int32_t start, int32_t end) {
    const uint8_t range[4] = {(uint8_t)(start >> 8), (uint8_t)start, (uint8_t)(end >> 8), (uint8_t)end};
    send_small(link, 0, &cmd, 1);
    send_small(link, 1, range, sizeof(range));
}

void ili9341_flush(void *disp_drv, const void *area_p, void *color_p) {
    gui_disp_drv_t *drv = disp_drv;
    const gui_area_t *area = area_p;
    panel_link_t link;
    if (!link_of(drv, &link)) {
        // Raising here would unwind through the engine; say why and let the refresh go on without the panel.
        mp_printf(&mp_plat_print, "ili9341_flush: disp_drv.user_data must be {'dc': pin, 'spi': handle}\n");
        gui_disp_flush_ready(drv);
        return;
    }
    collect_pixels();
    if (cont.drv == drv && cont.x1 == area->x1 && cont.x2 == area->x2 && cont.next_y == area->y1) {
        const uint8_t ramwrc = ILI9341_RAMWRC;
        send_small(&link, 0, &ramwrc, 1);
    } else {
        int known = win.drv == drv;
        if (!known || win.x1 != area->x1 || win.x2 != area->x2) {
            send_cmd_range(&link, ILI9341_CASET, area->x1, area->x2);
        }
        if (!known || win.y != area->y1) {
            send_cmd_range(&link, ILI9341_PASET, area->y1, drv->ver_res - 1);
        }
        win.drv = drv;
        win.x1 = area->x1;
        win.x2 = area->x2;
        win.y = area->y1;
        const uint8_t ramwr = ILI9341_RAMWR;
        send_small(&link, 0, &ramwr, 1);
    }
    int last = gui_disp_flush_is_last(drv);
    cont.drv = last ? NULL : drv;
    cont.x1 = area->x1;
    cont.x2 = area->x2;
    cont.next_y = area->y2 + 1;

    size_t bytes = (size_t)(area->x2 - area->x1 + 1) * (size_t)(area->y2 - area->y1 + 1) * sizeof(gui_color_t);
    memset(&pixel_trans, 0, sizeof(pixel_trans));
    pixel_trans.length = 8 * bytes;
    pixel_trans.tx_buffer = color_p;
    pixel_trans.user = drv;
    gpio_set_level(link.dc, 1);
    if (spi_device_queue_trans(link.spi, &pixel_trans, portMAX_DELAY) == ESP_OK) {
        pixel_spi = link.spi;
    } else {
        gui_disp_flush_ready(drv); // nothing is on the bus: the engine may reuse the buffer
    }
}

void ili9341_wait_cb(void *disp_drv) {
    (void)disp_drv;
    collect_pixels();
}

void ili9341_post_cb_isr(spi_transaction_t *trans) {
    // Polling transactions (the commands) come here too, in the task: only the pixel transaction signals.
    if (trans == &pixel_trans && trans->user != NULL) {
        gui_disp_flush_ready(trans->user);
    }
}
