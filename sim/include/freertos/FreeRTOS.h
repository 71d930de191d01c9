// The FreeRTOS types and tick macros an ESP-IDF v4.4 driver uses (freertos/FreeRTOS.h with the ESP32 portmacro).
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t TickType_t;
typedef int BaseType_t;
typedef unsigned int UBaseType_t;

// CONFIG_FREERTOS_HZ: ESP-IDF's default tick rate.
#define configTICK_RATE_HZ      100

#define pdFALSE                 ((BaseType_t)0)
#define pdTRUE                  ((BaseType_t)1)
#define pdPASS                  (pdTRUE)
#define pdFAIL                  (pdFALSE)

#define portMAX_DELAY           ((TickType_t)0xffffffffUL)
#define portTICK_PERIOD_MS      ((TickType_t)1000 / configTICK_RATE_HZ)
#define pdMS_TO_TICKS(xTimeInMs) \
    ((TickType_t)(((TickType_t)(xTimeInMs) * (TickType_t)configTICK_RATE_HZ) / (TickType_t)1000U))

// True while the calling code runs in interrupt context (portmacro.h).
BaseType_t xPortInIsrContext(void);

#ifdef __cplusplus
}
#endif
