// Ili9341 queries: controller state, violation counters, recorded parameters, GRAM and the glass image.
#include <cstring>

#include "enum_value.hpp"
#include "gpio_pins.hpp"
#include "ili9341_model.hpp"
#include "sim_clock.hpp"

namespace esp_sim {
namespace {

constexpr uint8_t kMadctlMV = 0x20, kMadctlBGR = 0x08;

uint16_t rgb565(uint8_t c0, uint8_t c1, uint8_t c2) {
    return static_cast<uint16_t>(((c0 >> 1) << 11) | (c1 << 5) | (c2 >> 1));
}

}  // namespace

bool Ili9341::lit_locked() {
    const int64_t now = sim_clock().now_ns();
    sync_reset_pin_locked(now);
    if (config_.reset_io_num >= 0 && gpio_view(config_.reset_io_num).level == 0) {
        return false;
    }
    bool backlight = true;
    if (config_.backlight_io_num >= 0) {
        backlight = gpio_view(config_.backlight_io_num).level == (config_.backlight_active_low ? 0 : 1);
    }
    return backlight && display_on_ && awake_;
}

esp_sim_ili9341_state_t Ili9341::state() {
    std::lock_guard<std::mutex> lock(mutex_);
    esp_sim_ili9341_state_t s{};
    s.display_on = display_on_;
    s.backlight_on = config_.backlight_io_num < 0 ||
                     gpio_view(config_.backlight_io_num).level == (config_.backlight_active_low ? 0 : 1);
    sync_reset_pin_locked(sim_clock().now_ns());
    s.in_reset = config_.reset_io_num >= 0 && gpio_view(config_.reset_io_num).level == 0;
    s.awake = awake_;
    s.display_on = display_on_;
    s.inverted = inverted_;
    s.madctl = madctl_;
    s.colmod = colmod_;
    s.col_start = static_cast<uint16_t>(col_start_);
    s.col_end = static_cast<uint16_t>(col_end_);
    s.page_start = static_cast<uint16_t>(page_start_);
    s.page_end = static_cast<uint16_t>(page_end_);
    s.commands = commands_;
    s.pixels_written = pixels_written_;
    s.violations = violations_.total();
    s.warnings = warnings_.total();
    return s;
}

uint32_t Ili9341::violations(esp_sim_ili9341_violation_t kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.get(enum_value(kind));
}

uint32_t Ili9341::violation_total() {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.total();
}

std::string Ili9341::last_violation() {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.last;
}

uint32_t Ili9341::warnings(esp_sim_ili9341_warning_t kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.get(enum_value(kind));
}

uint32_t Ili9341::warning_total() {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.total();
}

std::string Ili9341::last_warning() {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.last;
}

int Ili9341::params(uint8_t command, uint8_t *buf, size_t cap) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = recorded_.find(command);
    if (it == recorded_.end()) {
        return -1;
    }
    if (buf != nullptr) {
        std::memcpy(buf, it->second.data(), std::min(cap, it->second.size()));
    }
    return static_cast<int>(it->second.size());
}

void Ili9341::read_gram_rgb565(uint16_t *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (size_t i = 0; i < gram_.size(); ++i) {
        const Cell c = gram_[i];
        out[i] = rgb565(c.c0, c.c1, c.c2);
    }
}

bool Ili9341::read_logical_rgb565(int x, int y, int w, int h, uint16_t *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool mv = madctl_ & kMadctlMV;
    const int cols = mv ? kHeight : kWidth, pages = mv ? kWidth : kHeight;
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x > cols - w || y > pages - h) {
        return false;
    }
    for (int j = 0; j < h; ++j) {
        for (int i = 0; i < w; ++i) {
            int gx, gy;
            logical_to_gram(x + i, y + j, &gx, &gy);
            const Cell c = gram_[static_cast<size_t>(gy) * kWidth + gx];
            out[j * w + i] = rgb565(c.c0, c.c1, c.c2);
        }
    }
    return true;
}

void Ili9341::render_rgb888(uint8_t *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool lit = lit_locked();
    const bool bgr = madctl_ & kMadctlBGR;
    for (int gy = 0; gy < kHeight; ++gy) {
        for (int gx = 0; gx < kWidth; ++gx) {
            uint8_t *px = out + (static_cast<size_t>(gy) * kWidth + gx) * 3;
            if (!lit) {
                px[0] = px[1] = px[2] = 0;
                continue;
            }
            // Modules wire the glass with GRAM columns right to left, so MADCTL MX=1 (0x48) shows upright; their
            // colour filter is BGR, so MADCTL BGR=1 shows the first wire field as red.
            const Cell c = gram_[static_cast<size_t>(gy) * kWidth + (kWidth - 1 - gx)];
            uint8_t rgb[3] = {bgr ? c.c0 : c.c2, c.c1, bgr ? c.c2 : c.c0};
            for (int k = 0; k < 3; ++k) {
                const uint8_t v = inverted_ ? static_cast<uint8_t>(63 - rgb[k]) : rgb[k];
                px[k] = static_cast<uint8_t>((v << 2) | (v >> 4));
            }
        }
    }
}

}  // namespace esp_sim
