// gui.h: a small refresh engine with LVGL's display-driver contract (the demo's GUI side, bound as module `gui`).
#ifndef GUI_H
#define GUI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Draw buffers hold RGB565 with its two bytes swapped into wire order (big-endian, as an SPI panel wants them):
// LVGL's LV_COLOR_DEPTH 16 with LV_COLOR_16_SWAP 1. A driver checks these the way the seed checks LVGL's.
#define GUI_COLOR_DEPTH 16
#define GUI_COLOR_16_SWAP 1
// Exported as LVGL's lv_color.h exports them (LV_EXPORT_CONST_INT): one-member enums a binding names after the
// macros (gui.COLOR_DEPTH, gui.COLOR_16_SWAP, besides class COLOR).
enum { ENUM_GUI_COLOR_DEPTH = GUI_COLOR_DEPTH };
enum { ENUM_GUI_COLOR_16_SWAP = GUI_COLOR_16_SWAP };

// Invalidated areas kept before the engine gives up tracking them and refreshes the whole screen.
#define GUI_INV_AREAS_MAX 16
// Largest hor_res/ver_res accepted (keeps every pixel count inside 32 bits).
#define GUI_MAX_RES 4096
// Default wait_timeout_us set by gui_disp_drv_init: 1 s, far above any real flush of one strip.
#define GUI_DEFAULT_WAIT_TIMEOUT_US 1000000u

// Results of the functions that can fail (gui_res_str names them).
typedef enum {
    GUI_RES_OK = 0,
    GUI_RES_INVALID_ARG = -1,    // NULL driver, bad resolution, inverted area, bad source geometry
    GUI_RES_NOT_REGISTERED = -2, // gui_refresh before gui_disp_drv_register
    GUI_RES_NO_BUFFER = -3,      // no gui_disp_buf_t, no buf1, or a size of 0 pixels
    GUI_RES_NO_FLUSH_CB = -4,
    GUI_RES_NO_SOURCE = -5,      // no source canvas, or one smaller than the screen
    GUI_RES_TIMEOUT = -6,        // flush_ready did not come within wait_timeout_us
    GUI_RES_BUSY = -7,           // gui_refresh called from inside a callback of a refresh of the same driver
    GUI_RES_NO_READ_CB = -8,     // an input device without read_cb
} gui_res_t;

// Formats of the application's source canvas.
typedef enum {
    GUI_SRC_ARGB32 = 0, // cairo's CAIRO_FORMAT_ARGB32/RGB24: one native-endian uint32_t 0xAARRGGBB per pixel
    GUI_SRC_RGB565 = 1, // one native-endian uint16_t RRRRRGGGGGGBBBBB per pixel
} gui_src_format_t;

// A rectangle with inclusive corners, as LVGL's lv_area_t.
typedef struct {
    int32_t x1;
    int32_t y1;
    int32_t x2;
    int32_t y2;
} gui_area_t;

// One pixel of a draw buffer. The bitfields are in wire order on a little-endian CPU: the first byte in memory is
// RRRRRGGG, the second GGGBBBBB (LVGL v7's lv_color16_t with LV_COLOR_16_SWAP).
typedef union {
    struct {
        uint16_t green_h : 3;
        uint16_t red : 5;
        uint16_t blue : 5;
        uint16_t green_l : 3;
    } ch;
    uint16_t full;
} gui_color_t;

// The draw buffers (LVGL v7's lv_disp_buf_t). With two, the engine renders into one while the other is on the bus.
typedef struct {
    void *buf1;
    void *buf2;                 // NULL: single buffering
    void *buf_act;              // the buffer the next strip is rendered into
    uint32_t size;              // capacity of each buffer, in pixels
    volatile int flushing;      // 1 from flush_cb until gui_disp_flush_ready (which may run in an interrupt)
    volatile int flushing_last; // 1 while the last strip of a refresh is being flushed
} gui_disp_buf_t;

// The application's canvas the engine copies from (set with gui_disp_set_source).
typedef struct {
    const void *data;
    uint32_t size;   // bytes readable at data
    int32_t width;
    int32_t height;
    int32_t stride;  // bytes from one row to the next
    int32_t format;  // gui_src_format_t
} gui_source_t;

// Statistics kept by gui_refresh; times in microseconds of the driver's clock (time_us_cb).
typedef struct {
    uint32_t frames;          // refreshes that flushed something
    uint32_t strips;          // flush_cb calls
    uint64_t pixels;
    uint64_t refresh_us;      // whole gui_refresh calls
    uint64_t render_us;       // converting source pixels into draw buffers
    uint64_t wait_us;         // waiting for flush_ready before a buffer could be used
    uint64_t flush_us;        // inside flush_cb
    uint32_t timeouts;
    uint32_t last_px;         // the same for the last refresh
    uint32_t last_strips;
    uint32_t last_refresh_us;
    uint32_t last_render_us;
    uint32_t last_wait_us;
    uint32_t last_flush_us;
} gui_disp_stats_t;

// The display driver (LVGL v7's lv_disp_drv_t). Every callback takes the driver first, so a binding can find a
// Python callable again through user_data.
typedef struct gui_disp_drv_t {
    int32_t hor_res;
    int32_t ver_res;
    gui_disp_buf_t *buffer;
    // Send area's pixels (row by row, (x2-x1+1)*(y2-y1+1) of them) to the panel, then call gui_disp_flush_ready,
    // now or later (from the DMA-completion interrupt).
    void (*flush_cb)(struct gui_disp_drv_t *drv, const gui_area_t *area, gui_color_t *color_p);
    // Called once per refresh that flushed something: its duration and the number of pixels flushed.
    void (*monitor_cb)(struct gui_disp_drv_t *drv, uint32_t time_ms, uint32_t px);
    // Called repeatedly while waiting for flush_ready (e.g. to run scheduled MicroPython callbacks). Optional.
    void (*wait_cb)(struct gui_disp_drv_t *drv);
    // Monotonic microseconds. Optional: NULL uses CLOCK_MONOTONIC.
    uint32_t (*time_us_cb)(struct gui_disp_drv_t *drv);
    // Give up waiting for flush_ready after this long (GUI_RES_TIMEOUT); 0 waits forever, as LVGL does.
    uint32_t wait_timeout_us;
    void *user_data;

    // Engine state below: read it, do not write it.
    gui_source_t source;
    gui_disp_stats_t stats;
    gui_area_t inv_areas[GUI_INV_AREAS_MAX];
    uint32_t inv_count;
    int32_t registered;
    int32_t refreshing;
} gui_disp_drv_t;

// Set up draw buffers: buf2 may be NULL; size_in_px is the capacity of each buffer in pixels (not bytes).
void gui_disp_buf_init(gui_disp_buf_t *disp_buf, void *buf1, void *buf2, uint32_t size_in_px);

// Clear a driver and set the defaults (no callbacks, GUI_DEFAULT_WAIT_TIMEOUT_US).
void gui_disp_drv_init(gui_disp_drv_t *drv);

// Check the driver (resolution, buffer, flush_cb) and mark the whole screen for refresh.
int gui_disp_drv_register(gui_disp_drv_t *drv);

// Register the canvas the engine copies from; it must cover the screen by the time gui_refresh runs.
int gui_disp_set_source(gui_disp_drv_t *drv, const void *data, uint32_t size_bytes, int32_t width, int32_t height,
                        int32_t stride_bytes, int32_t format);

// Mark an area for refresh (clipped to the screen; NULL means the whole screen).
int gui_disp_invalidate(gui_disp_drv_t *drv, const gui_area_t *area);

// Refresh every invalidated area now (LVGL's lv_refr_now). Returns when the last strip has been handed to flush_cb;
// that strip may still be on the bus (gui_disp_flush_wait waits for it).
int gui_refresh(gui_disp_drv_t *drv);

// Tell the engine the panel has taken the buffer given to flush_cb. Interrupt-safe: it only clears a flag.
void gui_disp_flush_ready(gui_disp_drv_t *drv);

// 1 while the strip being flushed is the last one of its refresh (LVGL's lv_disp_flush_is_last).
int gui_disp_flush_is_last(gui_disp_drv_t *drv);

// Wait until no buffer is on the bus (before freeing buffers or reading the panel back).
int gui_disp_flush_wait(gui_disp_drv_t *drv);

void gui_disp_stats_reset(gui_disp_drv_t *drv);

// ---- input devices (LVGL's indev contract) -------------------------------------------------------------------

typedef enum {
    GUI_INDEV_TYPE_NONE = 0,
    GUI_INDEV_TYPE_POINTER = 1, // touch screen, mouse
} gui_indev_type_t;

// The values of LVGL's LV_INDEV_STATE_RELEASED / _PRESSED, so a read_cb written for LVGL works unchanged.
typedef enum {
    GUI_INDEV_STATE_RELEASED = 0,
    GUI_INDEV_STATE_PRESSED = 1,
} gui_indev_state_t;

// What gui_indev_read reports about a reading, compared with the one before.
typedef enum {
    GUI_INDEV_EVENT_NONE = 0,     // released, and it was
    GUI_INDEV_EVENT_PRESSED = 1,  // pressed now, released before: press_point is where
    GUI_INDEV_EVENT_PRESSING = 2, // still pressed (the point may have moved: a drag)
    GUI_INDEV_EVENT_RELEASED = 3, // released now; point is where it was last pressed
} gui_indev_event_t;

typedef struct {
    int32_t x;
    int32_t y;
} gui_point_t;

// What read_cb fills in (LVGL's lv_indev_data_t): the point in display coordinates and the state. It arrives
// holding the previous reading, so a read_cb that has nothing new may leave it as it is.
typedef struct {
    gui_point_t point;
    int32_t state;            // gui_indev_state_t
    int32_t continue_reading; // set to 1 to be called again at once (buffered readings)
} gui_indev_data_t;

// An input device driver (LVGL's lv_indev_drv_t / lv_indev_t). read_cb takes the driver first, so a binding finds
// a Python callable again through user_data.
typedef struct gui_indev_drv_t {
    int32_t type; // gui_indev_type_t
    void (*read_cb)(struct gui_indev_drv_t *drv, gui_indev_data_t *data);
    gui_disp_drv_t *disp; // points are clipped to this display's resolution (NULL: not clipped)
    void *user_data;

    // Engine state below: read it, do not write it.
    gui_indev_data_t data;   // the latest reading
    gui_point_t press_point; // where the current (or last) press began
    uint32_t reads;          // read_cb calls
    uint32_t presses;        // GUI_INDEV_EVENT_PRESSED events
    int32_t registered;
} gui_indev_drv_t;

// Clear a driver: pointer type, no callback, released at (0, 0).
void gui_indev_drv_init(gui_indev_drv_t *drv);
// Check it (read_cb set) and mark it usable.
int gui_indev_drv_register(gui_indev_drv_t *drv);
// Poll it once, as LVGL's indev timer does: read_cb (again while it sets continue_reading, at most
// GUI_INDEV_READS_MAX times), the point clipped to the display; returns a gui_indev_event_t, or a negative gui_res_t.
int gui_indev_read(gui_indev_drv_t *drv);

#define GUI_INDEV_READS_MAX 8

// The plain RGB565 value (as the panel stores it) of an ARGB32 pixel: each channel truncated, as LVGL does.
uint16_t gui_color_rgb565_from_argb32(uint32_t argb);

gui_color_t gui_color_make(uint8_t red, uint8_t green, uint8_t blue);

// A constant name for a gui_res_t value ("GUI_RES_TIMEOUT"; "unknown" for others).
const char *gui_res_str(int res);

#ifdef __cplusplus
}
#endif

#endif // GUI_H
