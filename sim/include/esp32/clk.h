// ESP-IDF v4.4's esp32/clk.h: includes esp_private/esp_clk.h. ESP-IDF v5 removed it.
#pragma once

#include "esp_idf_version.h"

#if ESP_IDF_VERSION_MAJOR >= 5
#error "esp32/clk.h does not exist in ESP-IDF v5 (the clock queries are in esp_private/esp_clk.h)"
#endif

#include "esp_private/esp_clk.h"
