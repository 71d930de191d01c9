// espidf.h: the input of the `espidf` MicroPython module: the ESP-IDF APIs a display driver uses, and our helpers.
// It holds nothing simulation-specific: the same file binds against a real ESP-IDF on an ESP32, v4.4 or v5.x.
#ifndef ESPIDF_H
#define ESPIDF_H

#include "esp_idf_version.h"
#include "esp_err.h"
#include "esp_log.h"
#include "esp_heap_caps.h"
#if ESP_IDF_VERSION_MAJOR >= 5
#include "esp_private/esp_clk.h"  // v5 removed esp32/clk.h; the clock queries stayed here
#else
#include "esp32/clk.h"            // v4 name of the seed's esp_clk.h
#endif
#include "esp_cpu.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"
#include "driver/gpio.h"
#include "driver/spi_master.h"

// MicroPython's object type, for helpers that take Python objects (as the seed's espidf.h does). NO_QSTR lets the
// generator parse it before the interpreter's qstr header exists.
#include "py/obj.h"

// ---- The seed's names: small helpers, and enums over the real macros (as the 2019 espidf.h did) -------------------

// The CPU cycle counter into *ccount: esp.get_ccount(p) with p = esp.C_Pointer(), then p.int_val (usable in an
// interrupt: it allocates nothing).
void get_ccount(int *ccount);
// vTaskDelay for ms milliseconds, in whole ticks (rounded down).
void task_delay_ms(int ms);

// esp.ESP.MAX_DELAY, esp.ESP.HALF_DUPLEX
enum {
    ESP_MAX_DELAY = portMAX_DELAY,
    ESP_HALF_DUPLEX = SPI_DEVICE_HALFDUPLEX
};

// esp.TRANS.MODE_DIO, esp.TRANS.USE_TXDATA, ...
enum {
    TRANS_MODE_DIO = SPI_TRANS_MODE_DIO,
    TRANS_MODE_QIO = SPI_TRANS_MODE_QIO,
    TRANS_USE_RXDATA = SPI_TRANS_USE_RXDATA,
    TRANS_USE_TXDATA = SPI_TRANS_USE_TXDATA,
    TRANS_MODE_DIOQIO_ADDR = SPI_TRANS_MODE_DIOQIO_ADDR,
    TRANS_VARIABLE_CMD = SPI_TRANS_VARIABLE_CMD,
    TRANS_VARIABLE_ADDR = SPI_TRANS_VARIABLE_ADDR
};

// esp.enum.HSPI_HOST: in 2019 (ESP-IDF v3) these were the members of spi_host_device_t, which share no prefix, so
// the original binding grouped them in a class named `enum`; since v4 they are macros over SPI1/2/3_HOST.
enum {
    enum_SPI_HOST = SPI_HOST,
    enum_HSPI_HOST = HSPI_HOST,
    enum_VSPI_HOST = VSPI_HOST
};

// ---- Python callbacks in interrupt context (pure-MicroPython driver mode) ---------------------------------------
//
// Usage, as in the seed's driver:
//   devcfg.pre_cb = esp.spi_pre_cb_isr; devcfg.post_cb = esp.spi_post_cb_isr     # C handlers in the device config
//   cbs = esp.spi_transaction_set_cb(None, on_done)                             # on_done(trans) runs in the ISR
//   trans.user = cbs; esp.spi_device_queue_trans(spi, trans, -1)
// The callbacks get a Blob pointing at the transaction (view it with spi_transaction_t.__cast_instance__) and run
// with the heap locked (runtime/mpb_isr.h), also for polling transactions, whose callbacks ESP-IDF runs in the task.
// The object returned is kept reachable by the GC (root pointer mpb_roots) until spi_transaction_release_cb, so
// a transaction whose `user` lives in C memory (heap_caps_malloc) can never point at a collected object.

// A callbacks object to store in spi_transaction_t.user; pre_cb/post_cb are callables or None.
void *spi_transaction_set_cb(mp_obj_t pre_cb, mp_obj_t post_cb);
// Lets the GC collect a callbacks object again (no transaction may still use it).
void spi_transaction_release_cb(void *callbacks);
// transaction_cb_t handlers that call trans->user's pre_cb/post_cb in interrupt context.
void spi_pre_cb_isr(spi_transaction_t *trans);
void spi_post_cb_isr(spi_transaction_t *trans);

// ---- Hybrid display path (drivers/display.py with hybrid=True) -------------------------------------------------
//
// The driver sets up SPI and the panel in Python, then stores these C functions into the same slots its Python
// flush and completion handler use:
//   disp_drv.user_data = {'dc': dc_pin, 'spi': spi_handle, 'start_x': 0, 'start_y': 0, 'bytes_per_pixel': 2,
//                         'ramwrc': True}
//   disp_drv.flush_cb = esp.panel_flush; disp_drv.wait_cb = esp.panel_wait_cb; devcfg.post_cb = esp.panel_post_cb_isr
// Only 'dc' and 'spi' are required (the seed's keys); the others describe the controller: where the module's glass
// starts in its memory, 3 for RGB666 pixels (the flush widens the GUI's RGB565 in the buffer), False for a
// controller without memory write continue (3Ch). disp_drv is the GUI's display driver (gui_disp_drv_t, LVGL's
// lv_disp_drv_t contract); one display at a time.

// flush_cb: window commands (CASET, PASET, RAMWR; only RAMWRC for a strip continuing the previous one, no CASET or
// PASET the panel already has) by polling transmits, then the pixels as one queued DMA transaction whose `user` is
// disp_drv.
void panel_flush(void *disp_drv, const void *area, void *color_p);
// wait_cb: sleeps until the queued pixel transaction is done (its post_cb signals flush-ready) and collects it.
void panel_wait_cb(void *disp_drv);
// post_cb (interrupt context): the pixel transaction is done: flush-ready to the GUI (trans->user).
void panel_post_cb_isr(spi_transaction_t *trans);
// The panel's window and write pointer are no longer what panel_flush last set (the driver sent other commands,
// or this is a new panel, SPI device or display): its next flush reads user_data again, sends the whole window and
// collects nothing older.
void panel_forget_window(void);
// The flush's RGB565 to RGB666 widening of n pixels in place (3 bytes a pixel after it), for a pure flush in an
// interpreter without the viper emitter.
void panel_widen_rgb666(void *pixels, size_t n);

// The seed's names of the same four functions (drivers/ili9341.py of 2019 stored these).
void ili9341_flush(void *disp_drv, const void *area, void *color_p);
void ili9341_wait_cb(void *disp_drv);
void ili9341_post_cb_isr(spi_transaction_t *trans);
void ili9341_forget_window(void);

#endif // ESPIDF_H
