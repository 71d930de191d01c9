// panel_hybrid.c: the hybrid path of drivers/display.py: the panel flush, its wait and DMA completion in C, for every
// controller profile (GRAM offsets, RGB666 widening, with or without memory write continue).
#include <string.h>
#include "py/gc.h"
#include "py/obj.h"
#include "py/runtime.h"
#include "mpb_runtime.h"
#include "gui.h"
#include "espidf.h"

#define PANEL_CASET 0x2A
#define PANEL_PASET 0x2B
#define PANEL_RAMWR 0x2C
#define PANEL_RAMWRC 0x3C

// The pixel transaction is still queued when panel_flush returns, so it cannot live on the stack. The GUI engine
// keeps at most one buffer on the bus, so one transaction (and one display, as in the seed) is enough.
static spi_transaction_t pixel_trans;
static spi_device_handle_t pixel_spi; // the device pixel_trans was queued on, until its result is collected

// What the Python side left in disp_drv.user_data: {'dc': pin, 'spi': handle} (the seed's keys) and the profile's
// 'start_x', 'start_y' (where the glass sits in the controller's memory), 'bytes_per_pixel' (2, or 3: widen the
// GUI's RGB565 to RGB666) and 'ramwrc' (the controller has memory write continue); absent keys take 0, 0, 2, True.
typedef struct {
    int dc;
    spi_device_handle_t spi;
    int32_t x_off, y_off;
    int bytes_per_pixel;
    bool ramwrc;
} panel_link_t;

// The link read from one driver's user_data, kept until the driver sends other commands (panel_forget_window):
// the dictionary does not change while a display is registered, and reading it per strip would cost four lookups.
static struct {
    const gui_disp_drv_t *drv; // NULL: nothing cached
    const void *user_data;
    panel_link_t link;
} cached;

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
// (panel_forget_window from drivers/display.py: the panel's init, a new panel).
static struct {
    const gui_disp_drv_t *drv; // NULL: unknown
    int32_t x1, x2, y;
} win;

void panel_forget_window(void) {
    win.drv = NULL;
    cont.drv = NULL;
    cached.drv = NULL;
    pixel_spi = NULL; // a new panel or driver: the device of the last pixel transaction may be gone
}

// user_data as a dict, or NULL when it is something else (only reads: safe whatever the pointer is, and while a
// collection is marking the heap, as in an interrupt).
static mp_obj_dict_t *user_dict(const gui_disp_drv_t *drv) {
    void *ud = drv->user_data;
    return mpb_is_heap_dict(ud) ? (mp_obj_dict_t *)ud : NULL;
}

// An optional small int entry of the dict (a bool counts as 0 or 1).
static bool optional_int(mp_obj_dict_t *d, qstr key, int32_t dflt, int32_t *out) {
    mp_map_elem_t *e = mp_map_lookup(&d->map, MP_OBJ_NEW_QSTR(key), MP_MAP_LOOKUP);
    if (e == NULL) {
        *out = dflt;
    } else if (mpb_is_small_int(e->value)) {
        *out = MP_OBJ_SMALL_INT_VALUE(e->value);
    } else if (e->value == mp_const_true || e->value == mp_const_false) {
        *out = e->value == mp_const_true;
    } else {
        return false;
    }
    return true;
}

static bool read_link(const gui_disp_drv_t *drv, panel_link_t *out) {
    mp_obj_dict_t *d = user_dict(drv);
    if (d == NULL) {
        return false;
    }
    mp_map_elem_t *dc = mp_map_lookup(&d->map, MP_OBJ_NEW_QSTR(MP_QSTR_dc), MP_MAP_LOOKUP);
    mp_map_elem_t *spi = mp_map_lookup(&d->map, MP_OBJ_NEW_QSTR(MP_QSTR_spi), MP_MAP_LOOKUP);
    // A Blob's buffer is the pointer's own storage (buf = &ptr), so the handle is *buf, as the seed reads it
    // (`spi_device_handle_t *spi_ptr = buffer_info.buf; ... *spi_ptr`).
    mp_buffer_info_t handle;
    int32_t bpp, ramwrc;
    if (dc == NULL || spi == NULL || !mpb_is_small_int(dc->value) ||
        !mp_get_buffer(spi->value, &handle, MP_BUFFER_READ) || handle.len != sizeof(spi_device_handle_t) ||
        !optional_int(d, MP_QSTR_start_x, 0, &out->x_off) || !optional_int(d, MP_QSTR_start_y, 0, &out->y_off) ||
        !optional_int(d, MP_QSTR_bytes_per_pixel, 2, &bpp) || (bpp != 2 && bpp != 3) ||
        !optional_int(d, MP_QSTR_ramwrc, 1, &ramwrc)) {
        return false;
    }
    out->dc = MP_OBJ_SMALL_INT_VALUE(dc->value);
    memcpy(&out->spi, handle.buf, sizeof(out->spi));
    out->bytes_per_pixel = bpp;
    out->ramwrc = ramwrc != 0;
    return out->spi != NULL;
}

static const panel_link_t *link_of(const gui_disp_drv_t *drv) {
    if (cached.drv != drv || cached.user_data != drv->user_data) {
        cached.drv = NULL;
        if (!read_link(drv, &cached.link)) {
            return NULL;
        }
        cached.drv = drv;
        cached.user_data = drv->user_data;
    }
    return &cached.link;
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

// RGB565 in wire order to RGB666 (each 6-bit field in the top bits of a byte; a 5-bit field gets its MSB as sixth
// bit, as controllers widen 16-bit input), in place from the last pixel down: pixel i moves from byte 2i to 3i,
// never over one still to be read.
void panel_widen_rgb666(void *pixels, size_t n) {
    uint8_t *p = pixels;
    while (n-- > 0) {
        const uint8_t hi = p[2 * n], lo = p[2 * n + 1];
        const uint8_t r = hi >> 3, b = lo & 31;
        p[3 * n] = (uint8_t)(((r << 1) | (r >> 4)) << 2);
        p[3 * n + 1] = (uint8_t)((((hi & 7) << 3) | (lo >> 5)) << 2);
        p[3 * n + 2] = (uint8_t)(((b << 1) | (b >> 4)) << 2);
    }
}

void panel_flush(void *disp_drv, const void *area_p, void *color_p) {
    gui_disp_drv_t *drv = disp_drv;
    const gui_area_t *area = area_p;
    const panel_link_t *link = link_of(drv);
    if (link == NULL) {
        // Raising here would unwind through the engine; say why and let the refresh go on without the panel.
        mp_printf(&mp_plat_print, "panel_flush: disp_drv.user_data must be {'dc': pin, 'spi': handle, ...}\n");
        gui_disp_flush_ready(drv);
        return;
    }
    collect_pixels();
    if (link->ramwrc && cont.drv == drv && cont.x1 == area->x1 && cont.x2 == area->x2 && cont.next_y == area->y1) {
        const uint8_t ramwrc = PANEL_RAMWRC;
        send_small(link, 0, &ramwrc, 1);
    } else {
        int known = win.drv == drv;
        if (!known || win.x1 != area->x1 || win.x2 != area->x2) {
            send_cmd_range(link, PANEL_CASET, area->x1 + link->x_off, area->x2 + link->x_off);
        }
        if (!known || win.y != area->y1) {
            send_cmd_range(link, PANEL_PASET, area->y1 + link->y_off, drv->ver_res - 1 + link->y_off);
        }
        win.drv = drv;
        win.x1 = area->x1;
        win.x2 = area->x2;
        win.y = area->y1;
        const uint8_t ramwr = PANEL_RAMWR;
        send_small(link, 0, &ramwr, 1);
    }
    int last = gui_disp_flush_is_last(drv);
    cont.drv = last ? NULL : drv;
    cont.x1 = area->x1;
    cont.x2 = area->x2;
    cont.next_y = area->y2 + 1;

    size_t pixels = (size_t)(area->x2 - area->x1 + 1) * (size_t)(area->y2 - area->y1 + 1);
    if (link->bytes_per_pixel == 3) {
        panel_widen_rgb666(color_p, pixels);
    }
    memset(&pixel_trans, 0, sizeof(pixel_trans));
    pixel_trans.length = 8 * pixels * (size_t)link->bytes_per_pixel;
    pixel_trans.tx_buffer = color_p;
    pixel_trans.user = drv;
    gpio_set_level(link->dc, 1);
    if (spi_device_queue_trans(link->spi, &pixel_trans, portMAX_DELAY) == ESP_OK) {
        pixel_spi = link->spi;
    } else {
        gui_disp_flush_ready(drv); // nothing is on the bus: the engine may reuse the buffer
    }
}

void panel_wait_cb(void *disp_drv) {
    (void)disp_drv;
    collect_pixels();
}

void panel_post_cb_isr(spi_transaction_t *trans) {
    // Polling transactions (the commands) come here too, in the task: only the pixel transaction signals.
    if (trans == &pixel_trans && trans->user != NULL) {
        gui_disp_flush_ready(trans->user);
    }
}

// The seed's names, for scripts written for it.
void ili9341_flush(void *disp_drv, const void *area, void *color_p) { panel_flush(disp_drv, area, color_p); }
void ili9341_wait_cb(void *disp_drv) { panel_wait_cb(disp_drv); }
void ili9341_post_cb_isr(spi_transaction_t *trans) { panel_post_cb_isr(trans); }
void ili9341_forget_window(void) { panel_forget_window(); }
