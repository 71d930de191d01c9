// ESP-IDF CPU utilities (esp_cpu.h): the CCOUNT cycle counter, which runs at the CPU clock. v4.4 names it
// esp_cpu_get_ccount, v5.x esp_cpu_get_cycle_count (esp_idf_version.h selects the layout).
#pragma once

#include <stdint.h>
#include "esp_idf_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if ESP_IDF_VERSION_MAJOR >= 5
typedef uint32_t esp_cpu_cycle_count_t;

esp_cpu_cycle_count_t esp_cpu_get_cycle_count(void);
#else
typedef uint32_t esp_cpu_ccount_t;

esp_cpu_ccount_t esp_cpu_get_ccount(void);
#endif

// The Xtensa HAL name for the same counter (xtensa/hal.h in ESP-IDF), as older code and the seed's binding used it.
uint32_t xthal_get_ccount(void);

#ifdef __cplusplus
}
#endif
