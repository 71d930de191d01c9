// Controls of the host ESP32 simulation (not part of ESP-IDF): time mode, interrupts, statistics, DMA-race check,
// heap sizes, reset, and the ILI9341 panel model attached to a SPI host.
#pragma once

#include <stdint.h>
#include <stddef.h>
#include "esp_err.h"
#include "driver/spi_common.h"

#ifdef __cplusplus
extern "C" {
#endif

// ---- time -----------------------------------------------------------------------------------------------------
typedef enum {
    ESP_SIM_TIME_REAL = 0,     // the bus engine thread sleeps for the transfer time; callbacks arrive by signal
    ESP_SIM_TIME_VIRTUAL = 1,  // a simulated clock jumps from event to event; callbacks run at defined points
} esp_sim_time_mode_t;

// Switch mode; only while no SPI bus is initialised (else ESP_ERR_INVALID_STATE). Restarts the clock at 0.
esp_err_t esp_sim_set_time_mode(esp_sim_time_mode_t mode);
esp_sim_time_mode_t esp_sim_get_time_mode(void);
// Simulated time since the last reset or mode change, in nanoseconds.
int64_t esp_sim_now_ns(void);
// Let simulated time pass: virtual mode advances the clock (running due transfers), real mode sleeps.
esp_err_t esp_sim_advance_ns(int64_t ns);
// Wait (real) or advance (virtual) until every queued transaction on every bus has finished.
esp_err_t esp_sim_run_until_idle(void);

// ---- whole simulation -------------------------------------------------------------------------------------------
// Tears everything down (buses, devices, panels, heap contents, GPIO, statistics) and restores the defaults.
void esp_sim_reset(void);

// ---- interrupts ---------------------------------------------------------------------------------------------------
// The calling thread becomes the one that receives interrupts (pre_cb/post_cb of queued transactions). Without this
// call, the thread that initialises the first SPI bus is used.
void esp_sim_set_app_thread(void);
// True inside an interrupt handler (same as xPortInIsrContext()).
int esp_sim_in_isr(void);
// The POSIX real-time signal that carries interrupts to the application thread.
int esp_sim_isr_signal(void);

// ---- heap ---------------------------------------------------------------------------------------------------------
// Sizes of the internal (DMA-capable) pool and of the PSRAM pool; only when nothing is allocated from them.
esp_err_t esp_sim_set_heap_sizes(size_t internal_bytes, size_t spiram_bytes);
// True if [ptr, ptr+len) lies in DMA-capable memory.
int esp_sim_is_dma_capable(const void *ptr, size_t len);

// ---- SPI statistics -------------------------------------------------------------------------------------------
typedef struct {
    uint64_t transactions;          // every transaction that went over the bus
    uint64_t polling_transactions;  // of which polling ones
    uint64_t bytes;                 // MOSI data bytes
    uint64_t bits_ns;               // bus time spent on bits (N bits / actual clock)
    uint64_t overhead_ns;           // per-transaction cost ESP-IDF documents
    uint64_t busy_ns;               // total bus occupation: bits + overhead
    uint64_t isr_count;             // callbacks run in interrupt context
    uint64_t task_callbacks;        // callbacks of polling transactions, run in the calling task
    uint64_t bounce_buffers;        // TX/RX buffers copied through temporary DMA memory
    uint64_t dma_races;             // TX buffers modified while queued or on the bus
    uint64_t queue_timeouts;        // ESP_ERR_TIMEOUT returned by queue/get_trans_result
    uint64_t dropped_results;       // results lost because queue_size results were already uncollected
    uint64_t leaked_bytes;          // temporary DMA memory of dropped results, never freed (as in ESP-IDF)
    int64_t first_start_ns;         // start of the first transaction (-1 if none)
    int64_t last_end_ns;            // end of the last transaction (-1 if none)
} esp_sim_spi_stats_t;

esp_err_t esp_sim_spi_get_stats(spi_host_device_t host, esp_sim_spi_stats_t *out);
void esp_sim_spi_reset_stats(void);
// DMA races on all hosts since the last reset.
uint64_t esp_sim_dma_race_count(void);

// ---- ILI9341 panel ------------------------------------------------------------------------------------------------
// The ILI9341 module of esp_sim_panel.h (ESP_SIM_MODULE_ILI9341_240X320, the same model) through the API older
// scripts and tests use: no supply pin, violation and warning kinds of its own (the same rules).
#define ESP_SIM_ILI9341_WIDTH 240
#define ESP_SIM_ILI9341_HEIGHT 320

typedef struct esp_sim_ili9341 esp_sim_ili9341_t;

typedef struct {
    spi_host_device_t host;     // the SPI host it is wired to
    int cs_io_num;              // selects it: transactions of the device with this spics_io_num reach the panel
    int dc_io_num;              // D/C: low command, high data
    int reset_io_num;           // RESX, active low; -1 if not wired
    int backlight_io_num;       // -1 if always lit
    int backlight_active_low;   // 0: a high level lights the backlight
    uint32_t seed;              // power-on GRAM content (random, reproducible)
} esp_sim_ili9341_config_t;

typedef enum {
    ESP_SIM_ILI9341_PIXELS_ASLEEP = 0,    // pixel data while in sleep mode
    ESP_SIM_ILI9341_NO_WINDOW,            // pixel data before CASET and PASET were both sent
    ESP_SIM_ILI9341_UNKNOWN_COMMAND,
    ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND, // data with no command, or more parameters than the command takes
    ESP_SIM_ILI9341_SHORT_PARAMS,         // a command ended before all its parameters arrived
    ESP_SIM_ILI9341_TIMING,               // a datasheet delay (reset, sleep in/out) was not respected
    ESP_SIM_ILI9341_DURING_RESET,         // bytes sent while RESX was held low
    ESP_SIM_ILI9341_BAD_PARAM,            // out-of-range window, unsupported pixel format
    ESP_SIM_ILI9341_SPI_MODE,             // SPI mode 1 or 2: the panel samples on the rising edge (modes 0 and 3)
    ESP_SIM_ILI9341_VIOLATION_KINDS
} esp_sim_ili9341_violation_t;

// Quirks real panels accept, counted apart from violations (a violation means "this breaks on hardware"). Each one
// is what a widely used driver sends (sim/README.md names the sources). The clock warning of esp_sim_panel.h
// (ESP_SIM_WARNING_OVERCLOCK) is not counted here.
typedef enum {
    ESP_SIM_ILI9341_WARN_IGNORED_DATA = 0, // data bytes after a command that takes no parameters (SLPOUT, DISPON)
    ESP_SIM_ILI9341_WARN_EARLY_SLPOUT,     // SLPOUT 100 to 120 ms after a pin reset (the datasheet asks for 120 ms)
    ESP_SIM_ILI9341_WARNING_KINDS
} esp_sim_ili9341_warning_t;

typedef struct {
    int awake;                 // sleep out
    int display_on;
    int inverted;
    int backlight_on;
    int in_reset;              // RESX held low
    uint8_t madctl;
    uint8_t colmod;
    uint16_t col_start, col_end, page_start, page_end;
    uint32_t commands;         // command bytes received
    uint64_t pixels_written;
    uint32_t violations;       // all kinds (esp_sim_ili9341_violations for one kind)
    uint32_t warnings;         // all kinds (esp_sim_ili9341_warnings for one kind)
} esp_sim_ili9341_state_t;

esp_err_t esp_sim_ili9341_attach(const esp_sim_ili9341_config_t *config, esp_sim_ili9341_t **out);
esp_err_t esp_sim_ili9341_detach(esp_sim_ili9341_t *panel);
esp_err_t esp_sim_ili9341_get_state(esp_sim_ili9341_t *panel, esp_sim_ili9341_state_t *out);
uint32_t esp_sim_ili9341_violations(esp_sim_ili9341_t *panel, esp_sim_ili9341_violation_t kind);
uint32_t esp_sim_ili9341_violation_total(esp_sim_ili9341_t *panel);
const char *esp_sim_ili9341_violation_name(esp_sim_ili9341_violation_t kind);
// Description of the latest violation ("" if none); valid until the next call on this panel.
const char *esp_sim_ili9341_last_violation(esp_sim_ili9341_t *panel);
uint32_t esp_sim_ili9341_warnings(esp_sim_ili9341_t *panel, esp_sim_ili9341_warning_t kind);
uint32_t esp_sim_ili9341_warning_total(esp_sim_ili9341_t *panel);
const char *esp_sim_ili9341_warning_name(esp_sim_ili9341_warning_t kind);
// Description of the latest warning ("" if none); valid until the next call on this panel.
const char *esp_sim_ili9341_last_warning(esp_sim_ili9341_t *panel);
// Parameters last received for a command; returns their count (at most cap are copied), -1 if never received.
int esp_sim_ili9341_get_params(esp_sim_ili9341_t *panel, uint8_t command, uint8_t *buf, size_t cap);
// GRAM in memory order (240 columns x 320 rows), RGB565, native endianness.
esp_err_t esp_sim_ili9341_read_gram_rgb565(esp_sim_ili9341_t *panel, uint16_t *out);
// A rectangle in the address space the current MADCTL gives (what a window write at x, y would cover), RGB565.
esp_err_t esp_sim_ili9341_read_logical_rgb565(esp_sim_ili9341_t *panel, int x, int y, int w, int h, uint16_t *out);
// What the glass shows, 240x320 portrait: BGR order and inversion applied, black if off, asleep or unlit.
esp_err_t esp_sim_ili9341_render_rgb888(esp_sim_ili9341_t *panel, uint8_t *out);
esp_err_t esp_sim_ili9341_render_rgb565(esp_sim_ili9341_t *panel, uint16_t *out);
// 64-bit FNV-1a hash of the RGB888 glass image, for golden comparisons.
uint64_t esp_sim_ili9341_glass_hash(esp_sim_ili9341_t *panel);
esp_err_t esp_sim_ili9341_write_png(esp_sim_ili9341_t *panel, const char *path);

#ifdef __cplusplus
}
#endif
