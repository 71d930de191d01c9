// The simulated ESP32 GPIO matrix: pin validity, directions, levels and the time of their last edges.
#pragma once

#include <cstdint>

namespace esp_sim {

constexpr int kGpioCount = 40;

bool gpio_pin_valid(int pin);
bool gpio_pin_output_capable(int pin);

// What a peripheral model sees of a pin; lock-free, usable from interrupt handlers.
struct PinView {
    int level;
    int64_t last_rise_ns;   // INT64_MIN if it never rose
    int64_t last_fall_ns;   // INT64_MIN if it never fell
};
PinView gpio_view(int pin);

void gpio_reset_all();

}  // namespace esp_sim
