// The ILI9341 command table: parameter counts and names of the commands the panel model knows.
#pragma once

#include <cstdint>

namespace esp_sim {

struct Ili9341Command {
    uint8_t code;
    uint8_t min_params;   // fewer is a too-short parameter list
    uint8_t max_params;   // more is data without a command; kStream for memory writes
    const char *name;
};

constexpr uint8_t kStream = 0xFF;

// nullptr for an unknown command.
const Ili9341Command *ili9341_find_command(uint8_t code);

}  // namespace esp_sim
