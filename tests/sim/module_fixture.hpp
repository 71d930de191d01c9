// Fixture of the panel module tests: a module wired as the driver's defaults (plus a supply pin), driven by polling
// transactions with D/C set before each, in virtual time; helpers to wake it and to write and view images.
#pragma once

#include <cstdint>
#include <vector>

#include "esp_sim_panel.h"
#include "sim_fixture.hpp"

constexpr int kPower = 14;

class ModuleTest : public SimTest {
public:
    void SetUp() override;
    // Attaches a module (and the SPI device, `hz`, `mode`); power_pin -1: always powered.
    void attach(esp_sim_module_t module, int power_pin = -1, int hz = 40000000, int mode = 0);
    void command(uint8_t cmd, std::vector<uint8_t> params = {});
    void data(const std::vector<uint8_t> &bytes);
    void delay_ms(int ms) { esp_sim_advance_ns(static_cast<int64_t>(ms) * 1000000); }
    // Pin reset, SLPOUT, DISPON with the datasheet's delays; COLMOD, MADCTL, INVON when asked (IPS modules).
    void wake(uint8_t madctl, bool invert, uint8_t colmod = 0x55);
    // CASET/RASET for [x0, x1] x [y0, y1] (controller coordinates), RAMWR, then the pixels.
    void write_window(int x0, int y0, int x1, int y1, const std::vector<uint8_t> &pixels, uint8_t ramwr = 0x2C);
    // A w x h RGB565 image (big-endian on the wire) in which every pixel differs from its neighbours.
    static std::vector<uint8_t> pattern(int w, int h, int salt);
    // The image as native RGB565 values, what read_view returns for it.
    static std::vector<uint16_t> native(const std::vector<uint8_t> &wire);
    // The same image as 18-bit pixels (3 bytes, 6 bits each at the top; 5-bit fields widened by their MSB).
    static std::vector<uint8_t> rgb666(const std::vector<uint8_t> &wire);
    std::vector<uint16_t> view(int rotation);
    esp_sim_panel_state_t state();
    uint32_t violations() { return state().violations; }

    spi_device_handle_t dev_ = nullptr;
    esp_sim_panel_t *panel_ = nullptr;
};

// One rotation of a module as a driver does it: MADCTL and the offset of the glass in the rotated address space.
struct Rotation {
    int degrees;
    uint8_t madctl;
    int x_offset, y_offset;
};

// Writes a distinct full-glass image in each rotation (MADCTL | colour, window at the offsets) and expects the view
// to show it upright, pixel for pixel. The module must be awake.
void expect_rotations(ModuleTest &t, const Rotation (&rotations)[4], uint8_t colour, bool rgb666 = false);
