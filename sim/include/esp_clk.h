// Legacy ESP-IDF name (v3.x, kept as a shim in v4.x) for the clock queries; the declarations live in esp32/clk.h.
#pragma once

#include "esp32/clk.h"
