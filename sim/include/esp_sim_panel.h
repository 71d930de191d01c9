// Controls of the simulated SPI display panels (not part of ESP-IDF): ILI9341, ST7789, ILI9488, GC9A01 and ST7735
// modules, each a controller decoding its datasheet's command set behind the glass of a module sold with it.
#pragma once

#include <stdint.h>
#include <stddef.h>
#include "esp_err.h"
#include "driver/spi_common.h"

#ifdef __cplusplus
extern "C" {
#endif

// A module: a controller and the glass wired to it (size, where it sits in the controller's memory, colour filter).
typedef enum {
    ESP_SIM_MODULE_ILI9341_240X320 = 0, // 2.4"/2.8" TFT, BGR filter, GRAM columns shown right to left
    ESP_SIM_MODULE_ST7789_240X320,      // 2.0" IPS, RGB filter
    ESP_SIM_MODULE_ST7789_240X240,      // 1.3"/1.54" IPS: the glass shows GRAM rows 0-239 of 320
    ESP_SIM_MODULE_ST7789_135X240,      // 1.14" IPS (TTGO T-Display): GRAM columns 52-186, rows 40-279
    ESP_SIM_MODULE_ILI9488_320X480,     // 3.5" TFT, BGR filter; 18-bit pixels only on SPI
    ESP_SIM_MODULE_GC9A01_240X240,      // 1.28" round IPS, BGR filter
    ESP_SIM_MODULE_ST7735_128X160,      // 1.8" TFT ("green tab"): GRAM columns 2-129, rows 1-160 of 132x162
    ESP_SIM_MODULE_ST7735_80X160,       // 0.96" IPS: GRAM columns 26-105, rows 1-160 of 132x162
    ESP_SIM_MODULE_KINDS
} esp_sim_module_t;

// Protocol violations: what would break on hardware.
typedef enum {
    ESP_SIM_VIOLATION_PIXELS_ASLEEP = 0,    // pixel data while in sleep mode
    ESP_SIM_VIOLATION_NO_WINDOW,            // pixel data before the column and row windows were both sent
    ESP_SIM_VIOLATION_UNKNOWN_COMMAND,      // a command the controller does not have
    ESP_SIM_VIOLATION_DATA_WITHOUT_COMMAND, // data with no command, or more parameters than the command takes
    ESP_SIM_VIOLATION_SHORT_PARAMS,         // a command ended before all its parameters arrived
    ESP_SIM_VIOLATION_TIMING,               // a datasheet delay (reset, sleep in/out) was not respected
    ESP_SIM_VIOLATION_DURING_RESET,         // bytes sent while RESX was low or the power was off
    ESP_SIM_VIOLATION_BAD_PARAM,            // out-of-range window, a pixel format the interface does not take
    ESP_SIM_VIOLATION_SPI_MODE,             // SPI mode 1 or 2: the device samples on the rising edge (modes 0 and 3)
    ESP_SIM_VIOLATION_KINDS
} esp_sim_violation_t;

// What real devices accept although their datasheet asks otherwise, counted apart from violations.
typedef enum {
    ESP_SIM_WARNING_IGNORED_DATA = 0, // data bytes after a command that takes no parameters
    ESP_SIM_WARNING_EARLY_SLPOUT,     // SLPOUT 100 to 120 ms after a pin reset (the datasheets ask for 120 ms)
    ESP_SIM_WARNING_OVERCLOCK,        // a serial clock above the datasheet's shortest write cycle (works in practice)
    ESP_SIM_WARNING_KINDS
} esp_sim_warning_t;

typedef struct esp_sim_panel esp_sim_panel_t;

typedef struct {
    esp_sim_module_t module;
    spi_host_device_t host;     // the SPI host it is wired to
    int cs_io_num;              // transactions of the device with this spics_io_num reach the panel
    int dc_io_num;              // D/C: low command, high data
    int reset_io_num;           // RESX, active low; -1 if not wired
    int backlight_io_num;       // -1 if always lit
    int backlight_active_low;   // 0: a high level lights the backlight
    int power_io_num;           // switches the module's supply; -1 if always powered
    int power_active_low;       // 0: a high level powers it
    uint32_t seed;              // power-on GRAM content (random, reproducible)
} esp_sim_panel_config_t;

typedef struct {
    int powered;
    int in_reset;              // RESX held low
    int awake;                 // sleep out
    int display_on;
    int inverted;              // INVON
    int backlight_on;
    uint8_t madctl;
    uint8_t colmod;
    uint16_t col_start, col_end, row_start, row_end;
    uint32_t commands;         // command bytes received
    uint64_t pixels_written;
    uint32_t violations;       // all kinds
    uint32_t warnings;         // all kinds
    int glass_width, glass_height;
    int gram_width, gram_height;
    int max_serial_hz;         // the datasheet's fastest serial write clock
} esp_sim_panel_state_t;

esp_err_t esp_sim_panel_attach(const esp_sim_panel_config_t *config, esp_sim_panel_t **out);
esp_err_t esp_sim_panel_detach(esp_sim_panel_t *panel);
// The controller's name ("ST7789") of a module, NULL for an unknown one.
const char *esp_sim_module_controller(esp_sim_module_t module);
esp_err_t esp_sim_panel_get_state(esp_sim_panel_t *panel, esp_sim_panel_state_t *out);
uint32_t esp_sim_panel_violations(esp_sim_panel_t *panel, esp_sim_violation_t kind);
uint32_t esp_sim_panel_warnings(esp_sim_panel_t *panel, esp_sim_warning_t kind);
const char *esp_sim_violation_name(esp_sim_violation_t kind);
const char *esp_sim_warning_name(esp_sim_warning_t kind);
// Description of the latest violation or warning ("" if none); valid until the next call on this panel.
const char *esp_sim_panel_last_violation(esp_sim_panel_t *panel);
const char *esp_sim_panel_last_warning(esp_sim_panel_t *panel);
// Parameters last received for a command; returns their count (at most cap are copied), -1 if never received.
int esp_sim_panel_get_params(esp_sim_panel_t *panel, uint8_t command, uint8_t *buf, size_t cap);
// A rectangle of the controller's memory (GRAM coordinates), 6 bits per channel in wire order: 3 bytes a pixel.
esp_err_t esp_sim_panel_read_gram_rgb666(esp_sim_panel_t *panel, int x, int y, int w, int h, uint8_t *out);
// What a viewer sees, RGB565 in native endianness, with the module turned so that an image drawn with the driver's
// rotation (0, 90, 180, 270: the image turned clockwise on the glass) is upright: glass_width x glass_height for 0
// and 180, the other way round for 90 and 270. Colour filter and inversion are applied, black when the panel is off,
// asleep, unpowered or unlit; the corners of a round glass read as the GRAM behind them.
esp_err_t esp_sim_panel_read_view_rgb565(esp_sim_panel_t *panel, int rotation, uint16_t *out);
// The glass as a picture, glass_width x glass_height RGB888 (a round glass is black outside its circle).
esp_err_t esp_sim_panel_render_rgb888(esp_sim_panel_t *panel, uint8_t *out);
esp_err_t esp_sim_panel_write_png(esp_sim_panel_t *panel, const char *path);

#ifdef __cplusplus
}
#endif
