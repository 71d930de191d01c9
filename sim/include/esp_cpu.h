// ESP-IDF v4.4 CPU utilities (esp_cpu.h): the CCOUNT cycle counter, which runs at the CPU clock.
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t esp_cpu_ccount_t;

esp_cpu_ccount_t esp_cpu_get_ccount(void);

// The Xtensa HAL name for the same counter, as older ESP-IDF code and the seed's binding used it.
uint32_t xthal_get_ccount(void);

#ifdef __cplusplus
}
#endif
