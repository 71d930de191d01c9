// Small ESP-IDF services: error names, clocks, the cycle counter, FreeRTOS ticks and delays.
#include <cstdio>
#include <cstring>

#include "esp32/clk.h"
#include "esp_cpu.h"
#include "esp_err.h"
#include "freertos/task.h"
#include "isr_dispatch.hpp"
#include "sim_clock.hpp"
#include "spi_engine.hpp"

namespace {

constexpr int kCpuHz = 240 * 1000 * 1000;
constexpr int64_t kTickNs = esp_sim::kNsPerSecond / configTICK_RATE_HZ;

struct ErrName {
    esp_err_t code;
    const char *name;
};

#define ERR_NAME(code) {code, #code}
const ErrName kErrNames[] = {
    ERR_NAME(ESP_OK),
    ERR_NAME(ESP_FAIL),
    ERR_NAME(ESP_ERR_NO_MEM),
    ERR_NAME(ESP_ERR_INVALID_ARG),
    ERR_NAME(ESP_ERR_INVALID_STATE),
    ERR_NAME(ESP_ERR_INVALID_SIZE),
    ERR_NAME(ESP_ERR_NOT_FOUND),
    ERR_NAME(ESP_ERR_NOT_SUPPORTED),
    ERR_NAME(ESP_ERR_TIMEOUT),
    ERR_NAME(ESP_ERR_INVALID_RESPONSE),
    ERR_NAME(ESP_ERR_INVALID_CRC),
    ERR_NAME(ESP_ERR_INVALID_VERSION),
    ERR_NAME(ESP_ERR_INVALID_MAC),
};
#undef ERR_NAME

}  // namespace

extern "C" {

const char *esp_err_to_name(esp_err_t code) {
    for (const ErrName &e : kErrNames) {
        if (e.code == code) {
            return e.name;
        }
    }
    return "UNKNOWN ERROR";
}

const char *esp_err_to_name_r(esp_err_t code, char *buf, size_t buflen) {
    if (buf == nullptr || buflen == 0) {
        return buf;
    }
    const char *name = esp_err_to_name(code);
    if (std::strcmp(name, "UNKNOWN ERROR") == 0) {
        std::snprintf(buf, buflen, "Unknown error %d", code);
    } else {
        std::snprintf(buf, buflen, "%s", name);
    }
    return buf;
}

int esp_clk_cpu_freq(void) { return kCpuHz; }
int esp_clk_apb_freq(void) { return 80 * 1000 * 1000; }
int esp_clk_xtal_freq(void) { return 40 * 1000 * 1000; }
uint64_t esp_clk_rtc_time(void) { return static_cast<uint64_t>(esp_sim::sim_clock().now_ns() / 1000); }

// The cycle counter measures host CPU time at 240 MHz in both time modes: it is what code costs, not bus time.
// Defined under its v4.4 name and its v5.x name (esp_cpu_get_cycle_count, declared by the v5 layout only).
uint32_t esp_cpu_get_cycle_count(void);

esp_cpu_ccount_t esp_cpu_get_ccount(void) {
    return static_cast<esp_cpu_ccount_t>(esp_sim::SimClock::host_ns() * (kCpuHz / 1000000) / 1000);
}

uint32_t esp_cpu_get_cycle_count(void) { return esp_cpu_get_ccount(); }

uint32_t xthal_get_ccount(void) { return esp_cpu_get_ccount(); }

BaseType_t xPortInIsrContext(void) { return esp_sim::isr_active() ? pdTRUE : pdFALSE; }

TickType_t xTaskGetTickCount(void) {
    return static_cast<TickType_t>(esp_sim::sim_clock().now_ns() / kTickNs);
}

void vTaskDelay(const TickType_t ticks) {
    if (esp_sim::isr_active()) {
        return;  // a handler must not block
    }
    esp_sim::wait_until_ns(esp_sim::sim_clock().now_ns() + static_cast<int64_t>(ticks) * kTickNs);
}

}  // extern "C"
