// The ILI9341 command table: parameter counts and names of the commands the panel model knows.
#pragma once

#include <cstdint>

#include "panel_spec.hpp"

namespace esp_sim {

using Ili9341Command = PanelCommand;

// nullptr for an unknown command.
const Ili9341Command *ili9341_find_command(uint8_t code);

}  // namespace esp_sim
