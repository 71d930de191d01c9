// ESP-IDF's clock queries for the ESP32 (esp_private/esp_clk.h, where both v4.4 and v5.x declare them; v4.4's
// esp32/clk.h only includes this): CPU, APB and crystal frequencies, RTC time.
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
