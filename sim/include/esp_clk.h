// Legacy ESP-IDF name (v3.x, kept as a shim in v4.x) for the clock queries; the declarations live in
// esp_private/esp_clk.h. ESP-IDF v5 removed it.
#pragma once

#include "esp32/clk.h"
