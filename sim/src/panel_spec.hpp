// What tells one SPI panel from another: the controller (command set, memory size, pixel formats, serial clock) and
// the module built on it (the glass: size, position in the controller's memory, orientation, colour filter).
#pragma once

#include <cstddef>
#include <cstdint>

#include "esp_sim_panel.h"

namespace esp_sim {

struct PanelCommand {
    uint8_t code;
    uint8_t min_params;   // fewer is a too-short parameter list
    uint8_t max_params;   // more is data without a command; kStream for memory writes
    const char *name;
};

constexpr uint8_t kStream = 0xFF;

// Pixel formats, as COLMOD's low three bits name them (MIPI DCS).
constexpr uint8_t kFormat12 = 3, kFormat16 = 5, kFormat18 = 6;

struct ControllerSpec {
    const char *name;
    int gram_width, gram_height;
    const PanelCommand *commands;
    size_t command_count;
    uint8_t serial_formats;   // bit (1 << format) for each pixel format the serial interface takes
    int max_serial_hz;        // 1 / the datasheet's shortest serial write cycle
    int reset_wait_ms;        // after a pin reset or SWRESET, before the next command
};

// How the glass shows the controller's memory: glass pixel (gx, gy) of a w x h glass at GRAM offset (x, y) shows
//   identity:   (x + gx, y + gy)
//   mirror_x:   (x + w-1 - gx, y + gy)            the ILI9341/ILI9488 modules: MADCTL MX gives an upright image
//   rotate_180: (x + w-1 - gx, y + h-1 - gy)      the ST7735 modules: MX|MY gives an upright image
enum class GlassMapping { identity, mirror_x, rotate_180 };

struct ModuleSpec {
    esp_sim_module_t module;
    const ControllerSpec *controller;
    int width, height;     // glass pixels
    int x, y;              // GRAM position of the glass
    GlassMapping mapping;
    bool bgr_filter;       // with the MADCTL BGR bit set, the first colour field on the wire lights red
    bool ips;              // normally black: shows true colours only with INVON
    bool round;
};

const ControllerSpec &ili9341_controller();
const ControllerSpec &st7789_controller();
const ControllerSpec &ili9488_controller();
const ControllerSpec &gc9a01_controller();
const ControllerSpec &st7735_controller();

// nullptr for an unknown module.
const ModuleSpec *module_spec(esp_sim_module_t module);
// nullptr for a command the controller does not have.
const PanelCommand *find_command(const ControllerSpec &controller, uint8_t code);

}  // namespace esp_sim
