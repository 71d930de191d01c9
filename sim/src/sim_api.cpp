// esp_sim.h: time mode, reset, interrupt thread, heap sizes and SPI statistics of the simulation.
#include <climits>
#include <pthread.h>

#include "esp_sim.h"
#include "enum_value.hpp"
#include "gpio_pins.hpp"
#include "heap_caps.hpp"
#include "isr_dispatch.hpp"
#include "panel_model.hpp"
#include "sim_clock.hpp"
#include "spi_engine.hpp"
#include "xpt2046_model.hpp"

using namespace esp_sim;

namespace {

bool any_bus() {
    for (int h = 0; h < SPI_HOST_MAX; ++h) {
        if (bus_for_host(static_cast<spi_host_device_t>(h)) != nullptr) {
            return true;
        }
    }
    return false;
}

bool all_idle() {
    for (int h = 0; h < SPI_HOST_MAX; ++h) {
        if (Bus *bus = bus_for_host(static_cast<spi_host_device_t>(h))) {
            std::lock_guard<std::mutex> lock(bus->mutex);
            if (bus->current != nullptr || !bus->waiting.empty()) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

extern "C" {

esp_err_t esp_sim_set_time_mode(esp_sim_time_mode_t mode) {
    if (enum_value(mode) != ESP_SIM_TIME_REAL && enum_value(mode) != ESP_SIM_TIME_VIRTUAL) {
        return ESP_ERR_INVALID_ARG;
    }
    if (any_bus()) {
        return ESP_ERR_INVALID_STATE;
    }
    sim_clock().restart(enum_value(mode) == ESP_SIM_TIME_VIRTUAL ? TimeMode::virtual_time : TimeMode::real);
    return ESP_OK;
}

esp_sim_time_mode_t esp_sim_get_time_mode(void) {
    return sim_clock().mode() == TimeMode::virtual_time ? ESP_SIM_TIME_VIRTUAL : ESP_SIM_TIME_REAL;
}

int64_t esp_sim_now_ns(void) { return sim_clock().now_ns(); }

esp_err_t esp_sim_advance_ns(int64_t ns) {
    if (ns < 0) {
        return ESP_ERR_INVALID_ARG;
    }
    if (isr_active()) {
        return ESP_ERR_INVALID_STATE;
    }
    wait_until_ns(sim_clock().now_ns() + ns);
    return ESP_OK;
}

esp_err_t esp_sim_run_until_idle(void) {
    if (isr_active()) {
        return ESP_ERR_INVALID_STATE;
    }
    while (!all_idle()) {
        if (sim_clock().mode() == TimeMode::virtual_time) {
            const int64_t next = virtual_next_event_ns();
            if (next == INT64_MAX) {
                return ESP_ERR_INVALID_STATE;  // queued work that can never start (bus held by another device)
            }
            virtual_run_until(next);
        } else {
            sim_clock().sleep_until(sim_clock().now_ns() + 100000);
        }
    }
    return ESP_OK;
}

void esp_sim_reset(void) {
    spi_reset_all();
    spi_release_dma_channels();
    panel_models_reset();
    ili9341_panels_reset();
    touch_models_reset();
    heap_reset();
    gpio_reset_all();
    isr_forget_app_thread();
    sim_clock().restart(TimeMode::real);
}

void esp_sim_set_app_thread(void) { isr_set_app_thread(pthread_self()); }

int esp_sim_in_isr(void) { return isr_active() ? 1 : 0; }

int esp_sim_isr_signal(void) { return isr_signal_number(); }

esp_err_t esp_sim_set_heap_sizes(size_t internal_bytes, size_t spiram_bytes) {
    return heap_set_sizes(internal_bytes, spiram_bytes) ? ESP_OK : ESP_ERR_INVALID_STATE;
}

int esp_sim_is_dma_capable(const void *ptr, size_t len) { return heap_is_dma_capable(ptr, len) ? 1 : 0; }

esp_err_t esp_sim_spi_get_stats(spi_host_device_t host, esp_sim_spi_stats_t *out) {
    Bus *bus = bus_for_host(host);
    if (out == nullptr || bus == nullptr) {
        return out == nullptr ? ESP_ERR_INVALID_ARG : ESP_ERR_INVALID_STATE;
    }
    std::lock_guard<std::mutex> lock(bus->mutex);
    *out = bus->stats;
    return ESP_OK;
}

void esp_sim_spi_reset_stats(void) {
    for (int h = 0; h < SPI_HOST_MAX; ++h) {
        if (Bus *bus = bus_for_host(static_cast<spi_host_device_t>(h))) {
            std::lock_guard<std::mutex> lock(bus->mutex);
            bus->stats = esp_sim_spi_stats_t{};
            bus->stats.first_start_ns = -1;
            bus->stats.last_end_ns = -1;
        }
    }
}

uint64_t esp_sim_dma_race_count(void) { return spi_total_dma_races(); }

}  // extern "C"
