// The GPIO driver API over an array of atomics, so handlers and engine threads may touch pins without locks.
#include "gpio_pins.hpp"

#include <atomic>
#include <climits>

#include "driver/gpio.h"
#include "enum_value.hpp"
#include "esp_log.h"
#include "sim_clock.hpp"

namespace esp_sim {
namespace {

const char *const kTag = "gpio";

struct Pin {
    std::atomic<int> mode{GPIO_MODE_DISABLE};
    std::atomic<int> level{0};
    std::atomic<int> pull{GPIO_FLOATING};
    std::atomic<int64_t> last_rise_ns{INT64_MIN};
    std::atomic<int64_t> last_fall_ns{INT64_MIN};
};

Pin g_pins[kGpioCount];

bool mode_is_valid(int mode) {
    switch (mode) {
    case GPIO_MODE_DISABLE:
    case GPIO_MODE_INPUT:
    case GPIO_MODE_OUTPUT:
    case GPIO_MODE_OUTPUT_OD:
    case GPIO_MODE_INPUT_OUTPUT_OD:
    case GPIO_MODE_INPUT_OUTPUT:
        return true;
    default:
        return false;
    }
}

}  // namespace

bool gpio_pin_valid(int pin) {
    return pin >= 0 && pin < kGpioCount && pin != 24 && !(pin >= 28 && pin <= 31);
}

bool gpio_pin_output_capable(int pin) { return gpio_pin_valid(pin) && pin < 34; }

PinView gpio_view(int pin) {
    if (!gpio_pin_valid(pin)) {
        return PinView{0, INT64_MIN, INT64_MIN};
    }
    const Pin &p = g_pins[pin];
    return PinView{p.level.load(), p.last_rise_ns.load(), p.last_fall_ns.load()};
}

void gpio_reset_all() {
    for (Pin &p : g_pins) {
        p.mode.store(GPIO_MODE_DISABLE);
        p.level.store(0);
        p.pull.store(GPIO_FLOATING);
        p.last_rise_ns.store(INT64_MIN);
        p.last_fall_ns.store(INT64_MIN);
    }
}

}  // namespace esp_sim

using esp_sim::enum_value;
using esp_sim::g_pins;
using esp_sim::gpio_pin_output_capable;
using esp_sim::gpio_pin_valid;

extern "C" {

esp_err_t gpio_set_level(gpio_num_t gpio_pin, uint32_t level) {
    const int gpio_num = enum_value(gpio_pin);
    if (!gpio_pin_output_capable(gpio_num)) {
        ESP_LOGE(esp_sim::kTag, "GPIO %d: not an output pin", static_cast<int>(gpio_num));
        return ESP_ERR_INVALID_ARG;
    }
    const int high = level != 0 ? 1 : 0;
    esp_sim::Pin &p = g_pins[gpio_num];
    if (p.level.exchange(high) != high) {
        (high ? p.last_rise_ns : p.last_fall_ns).store(esp_sim::sim_clock().now_ns());
    }
    return ESP_OK;
}

int gpio_get_level(gpio_num_t gpio_pin) {
    const int gpio_num = enum_value(gpio_pin);
    return gpio_pin_valid(gpio_num) ? g_pins[gpio_num].level.load() : 0;
}

esp_err_t gpio_set_direction(gpio_num_t gpio_pin, gpio_mode_t mode_arg) {
    const int gpio_num = enum_value(gpio_pin);
    const int mode = enum_value(mode_arg);
    if (!gpio_pin_valid(gpio_num) || !esp_sim::mode_is_valid(mode)) {
        ESP_LOGE(esp_sim::kTag, "GPIO %d: invalid pin or mode %d", static_cast<int>(gpio_num), static_cast<int>(mode));
        return ESP_ERR_INVALID_ARG;
    }
    if ((mode & GPIO_MODE_DEF_OUTPUT) && !gpio_pin_output_capable(gpio_num)) {
        ESP_LOGE(esp_sim::kTag, "GPIO %d can only be used as input", static_cast<int>(gpio_num));
        return ESP_ERR_INVALID_ARG;
    }
    g_pins[gpio_num].mode.store(mode);
    return ESP_OK;
}

esp_err_t gpio_set_pull_mode(gpio_num_t gpio_pin, gpio_pull_mode_t pull_arg) {
    const int gpio_num = enum_value(gpio_pin);
    const int pull = enum_value(pull_arg);
    if (!gpio_pin_valid(gpio_num) || pull < GPIO_PULLUP_ONLY || pull > GPIO_FLOATING) {
        return ESP_ERR_INVALID_ARG;
    }
    g_pins[gpio_num].pull.store(pull);
    return ESP_OK;
}

esp_err_t gpio_config(const gpio_config_t *cfg) {
    const int mode = cfg != nullptr ? enum_value(cfg->mode) : -1;
    if (cfg == nullptr || cfg->pin_bit_mask == 0 || !esp_sim::mode_is_valid(mode)) {
        ESP_LOGE(esp_sim::kTag, "GPIO_PIN mask error or bad mode");
        return ESP_ERR_INVALID_ARG;
    }
    for (int pin = 0; pin < 64; ++pin) {
        if (!((cfg->pin_bit_mask >> pin) & 1)) {
            continue;
        }
        if (!gpio_pin_valid(pin)) {
            ESP_LOGE(esp_sim::kTag, "GPIO_PIN mask error: GPIO %d does not exist", pin);
            return ESP_ERR_INVALID_ARG;
        }
        if ((mode & GPIO_MODE_DEF_OUTPUT) && !gpio_pin_output_capable(pin)) {
            ESP_LOGE(esp_sim::kTag, "GPIO %d can only be used as input", pin);
            return ESP_ERR_INVALID_ARG;
        }
    }
    for (int pin = 0; pin < esp_sim::kGpioCount; ++pin) {
        if ((cfg->pin_bit_mask >> pin) & 1) {
            g_pins[pin].mode.store(mode);
            g_pins[pin].pull.store(cfg->pull_up_en ? (cfg->pull_down_en ? GPIO_PULLUP_PULLDOWN : GPIO_PULLUP_ONLY)
                                                   : (cfg->pull_down_en ? GPIO_PULLDOWN_ONLY : GPIO_FLOATING));
        }
    }
    return ESP_OK;
}

esp_err_t gpio_reset_pin(gpio_num_t gpio_pin) {
    const int gpio_num = enum_value(gpio_pin);
    if (!gpio_pin_valid(gpio_num)) {
        return ESP_ERR_INVALID_ARG;
    }
    // ESP-IDF: GPIO function, direction disabled, pull-up on.
    g_pins[gpio_num].mode.store(GPIO_MODE_DISABLE);
    g_pins[gpio_num].pull.store(GPIO_PULLUP_ONLY);
    return ESP_OK;
}

void gpio_pad_select_gpio(uint8_t gpio_num) { (void)gpio_num; }

}  // extern "C"
