// The FreeRTOS task calls an ESP-IDF v4.4 driver uses (freertos/task.h): delays and the tick count.
#pragma once

#include "freertos/FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

void vTaskDelay(const TickType_t xTicksToDelay);
TickType_t xTaskGetTickCount(void);

#ifdef __cplusplus
}
#endif
