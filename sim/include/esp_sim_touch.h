// Controls of the simulated XPT2046 resistive touch controller (not part of ESP-IDF): its place on a SPI bus, the
// film over a panel's glass, and scripted strokes of a finger on it.
#pragma once

#include <stdint.h>
#include "esp_err.h"
#include "driver/spi_common.h"
#include "esp_sim_panel.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct esp_sim_xpt2046 esp_sim_xpt2046_t;

typedef struct {
    spi_host_device_t host;
    int cs_io_num;          // its own chip select on the shared bus
    int width, height;      // the glass the film covers, in pixels (0, 0: 240 x 320)
    // ADC readings at the glass's left, right, top and bottom edges; all 0: 3783, 242, 3948, 423, the calibration
    // lv_binding's xpt2046.py ships with (a 2.8" ILI9341 module).
    uint16_t raw_left, raw_right, raw_top, raw_bottom;
    int swap_xy;            // the X channel (0xD0) measures along the glass's height (1 in the default film)
    uint16_t noise;         // standard deviation of a position reading, in ADC steps (0: none)
    uint16_t plate_ohms;    // resistance of each plate (0: 400)
    uint32_t seed;          // of the noise
} esp_sim_xpt2046_config_t;

typedef struct {
    uint32_t conversions;   // control bytes received
    uint32_t transfers;     // transactions it was selected for
    uint8_t last_command;
    int pressed;            // the film is pressed now
    int64_t last_transfer_ns;   // start of the latest transaction (-1 if none)
    int64_t last_transfer_end_ns;
    uint32_t violations;    // all kinds (esp_sim_violation_t)
    uint32_t warnings;      // all kinds (esp_sim_warning_t)
    int max_clock_hz;       // the datasheet's fastest DCLK
} esp_sim_xpt2046_state_t;

esp_err_t esp_sim_xpt2046_attach(const esp_sim_xpt2046_config_t *config, esp_sim_xpt2046_t **out);
esp_err_t esp_sim_xpt2046_detach(esp_sim_xpt2046_t *touch);
// A stroke: the film is pressed from t0_ns to t1_ns (simulated time), the finger moving in a straight line from glass
// pixel (x0, y0) to (x1, y1), with a contact resistance of `ohms` (300: firm; from about 4000 a driver's usual
// pressure threshold reads it as released). The first and last 2 ms of a stroke bounce, as real contacts do: open
// for about half of the conversions, otherwise light and with noisier positions. Strokes must not overlap.
esp_err_t esp_sim_xpt2046_stroke(esp_sim_xpt2046_t *touch, int64_t t0_ns, int64_t t1_ns, int x0, int y0, int x1, int y1,
                                 int ohms);
// Forgets every stroke.
esp_err_t esp_sim_xpt2046_clear(esp_sim_xpt2046_t *touch);
esp_err_t esp_sim_xpt2046_get_state(esp_sim_xpt2046_t *touch, esp_sim_xpt2046_state_t *out);
uint32_t esp_sim_xpt2046_violations(esp_sim_xpt2046_t *touch, esp_sim_violation_t kind);
uint32_t esp_sim_xpt2046_warnings(esp_sim_xpt2046_t *touch, esp_sim_warning_t kind);
// Description of the latest violation ("" if none); valid until the next call on this controller.
const char *esp_sim_xpt2046_last_violation(esp_sim_xpt2046_t *touch);
// The noiseless 12-bit readings of a steady touch of `ohms` at glass pixel (x, y): X (0xD0), Y (0x90), Z1 (0xB0),
// Z2 (0xC0) into out[4].
esp_err_t esp_sim_xpt2046_ideal(esp_sim_xpt2046_t *touch, int x, int y, int ohms, uint16_t *out);

#ifdef __cplusplus
}
#endif
