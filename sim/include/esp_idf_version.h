// ESP-IDF's version macros (esp_idf_version.h). The simulation presents the ESP-IDF v4.4 header layout; compiled with
// ESP_SIM_IDF_V5 defined (-DESP_SIM_IDF_V5=1) it presents v5.x's instead: esp32/clk.h and esp_clk.h are gone (the
// clock queries stay in esp_private/esp_clk.h), esp_cpu.h has esp_cpu_get_cycle_count instead of esp_cpu_get_ccount,
// gpio_pad_select_gpio is gone. The library implements both; only the declarations differ.
#pragma once

#ifdef ESP_SIM_IDF_V5
#define ESP_IDF_VERSION_MAJOR   5
#define ESP_IDF_VERSION_MINOR   5
#define ESP_IDF_VERSION_PATCH   0
#else
#define ESP_IDF_VERSION_MAJOR   4
#define ESP_IDF_VERSION_MINOR   4
#define ESP_IDF_VERSION_PATCH   0
#endif

#define ESP_IDF_VERSION_VAL(major, minor, patch) (((major) << 16) | ((minor) << 8) | (patch))
#define ESP_IDF_VERSION ESP_IDF_VERSION_VAL(ESP_IDF_VERSION_MAJOR, ESP_IDF_VERSION_MINOR, ESP_IDF_VERSION_PATCH)
