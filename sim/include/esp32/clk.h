// ESP-IDF v4.4 clock queries for the ESP32 (esp32/clk.h): CPU, APB and crystal frequencies.
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int esp_clk_cpu_freq(void);
int esp_clk_apb_freq(void);
int esp_clk_xtal_freq(void);
uint64_t esp_clk_rtc_time(void);

#ifdef __cplusplus
}
#endif
