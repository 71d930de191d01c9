// PanelModel queries: state, violation and warning counters, recorded parameters, GRAM, and what the glass shows.
#include <cstring>

#include "gpio_pins.hpp"
#include "panel_model.hpp"
#include "sim_clock.hpp"

namespace esp_sim {
namespace {

constexpr uint8_t kMadctlMV = 0x20, kMadctlBGR = 0x08;

uint8_t to8(uint8_t v6) { return static_cast<uint8_t>((v6 << 2) | (v6 >> 4)); }

}  // namespace

bool PanelModel::lit_locked() {
    const int64_t now = sim_clock().now_ns();
    sync_pins_locked(now);
    if (!powered_ || (config_.reset_io_num >= 0 && gpio_view(config_.reset_io_num).level == 0)) {
        return false;
    }
    bool backlight = true;
    if (config_.backlight_io_num >= 0) {
        backlight = gpio_view(config_.backlight_io_num).level == (config_.backlight_active_low ? 0 : 1);
    }
    return backlight && display_on_ && awake_;
}

PanelModel::Cell PanelModel::glass_cell_locked(int gx, int gy) const {
    const ModuleSpec &m = module_;
    int x = m.x + gx, y = m.y + gy;
    if (m.mapping != GlassMapping::identity) {
        x = m.x + m.width - 1 - gx;
    }
    if (m.mapping == GlassMapping::rotate_180) {
        y = m.y + m.height - 1 - gy;
    }
    return gram_[static_cast<size_t>(y) * ctl_.gram_width + x];
}

// The colour filter decides which wire field lights red; an IPS glass shows inverted levels unless INVON.
uint8_t PanelModel::shown_locked(const Cell &c, int channel) const {
    const bool red_first = ((madctl_ & kMadctlBGR) != 0) == module_.bgr_filter;
    const uint8_t fields[3] = {red_first ? c.c0 : c.c2, c.c1, red_first ? c.c2 : c.c0};
    const uint8_t v = fields[channel];
    return inverted_ != module_.ips ? static_cast<uint8_t>(63 - v) : v;
}

esp_sim_panel_state_t PanelModel::state(int warning_kinds) {
    std::lock_guard<std::mutex> lock(mutex_);
    sync_pins_locked(sim_clock().now_ns());
    esp_sim_panel_state_t s{};
    s.powered = powered_;
    s.in_reset = config_.reset_io_num >= 0 && gpio_view(config_.reset_io_num).level == 0;
    s.awake = awake_;
    s.display_on = display_on_;
    s.inverted = inverted_;
    s.backlight_on = config_.backlight_io_num < 0 ||
                     gpio_view(config_.backlight_io_num).level == (config_.backlight_active_low ? 0 : 1);
    s.madctl = madctl_;
    s.colmod = colmod_;
    s.col_start = static_cast<uint16_t>(col_start_);
    s.col_end = static_cast<uint16_t>(col_end_);
    s.row_start = static_cast<uint16_t>(row_start_);
    s.row_end = static_cast<uint16_t>(row_end_);
    s.commands = commands_;
    s.pixels_written = pixels_written_;
    s.violations = violations_.total();
    s.warnings = warnings_.total(warning_kinds);
    s.glass_width = module_.width;
    s.glass_height = module_.height;
    s.gram_width = ctl_.gram_width;
    s.gram_height = ctl_.gram_height;
    s.max_serial_hz = ctl_.max_serial_hz;
    return s;
}

uint32_t PanelModel::violations(int kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.get(kind);
}

uint32_t PanelModel::violation_total() {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.total();
}

uint32_t PanelModel::warnings(int kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.get(kind);
}

std::string PanelModel::last_violation() {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.last();
}

uint32_t PanelModel::warning_total(int warning_kinds) {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.total(warning_kinds);
}

std::string PanelModel::last_warning(int warning_kinds) {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.last(warning_kinds);
}

int PanelModel::params(uint8_t command, uint8_t *buf, size_t cap) {
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

bool PanelModel::read_gram_rgb666(int x, int y, int w, int h, uint8_t *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x > ctl_.gram_width - w || y > ctl_.gram_height - h) {
        return false;
    }
    for (int j = 0; j < h; ++j) {
        for (int i = 0; i < w; ++i) {
            const Cell c = gram_[static_cast<size_t>(y + j) * ctl_.gram_width + x + i];
            uint8_t *px = out + (static_cast<size_t>(j) * w + i) * 3;
            px[0] = c.c0;
            px[1] = c.c1;
            px[2] = c.c2;
        }
    }
    return true;
}

bool PanelModel::read_logical_rgb565(int x, int y, int w, int h, uint16_t *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool mv = madctl_ & kMadctlMV;
    const int cols = mv ? ctl_.gram_height : ctl_.gram_width, rows = mv ? ctl_.gram_width : ctl_.gram_height;
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x > cols - w || y > rows - h) {
        return false;
    }
    for (int j = 0; j < h; ++j) {
        for (int i = 0; i < w; ++i) {
            int gx, gy;
            logical_to_gram(x + i, y + j, &gx, &gy);
            const Cell c = gram_[static_cast<size_t>(gy) * ctl_.gram_width + gx];
            out[static_cast<size_t>(j) * w + i] = rgb565_of_levels(c.c0, c.c1, c.c2);
        }
    }
    return true;
}

// View pixel (vx, vy) of an image drawn turned clockwise by `rotation` on a w x h glass is glass pixel
//   0: (vx, vy)   90: (w-1-vy, vx)   180: (w-1-vx, h-1-vy)   270: (vy, h-1-vx)
bool PanelModel::read_view_rgb565(int rotation, uint16_t *out) {
    if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
        return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    const int w = module_.width, h = module_.height;
    const bool turned = rotation == 90 || rotation == 270;
    const int vw = turned ? h : w, vh = turned ? w : h;
    const bool lit = lit_locked();
    for (int vy = 0; vy < vh; ++vy) {
        for (int vx = 0; vx < vw; ++vx) {
            int gx = vx, gy = vy;
            if (rotation == 90) {
                gx = w - 1 - vy;
                gy = vx;
            } else if (rotation == 180) {
                gx = w - 1 - vx;
                gy = h - 1 - vy;
            } else if (rotation == 270) {
                gx = vy;
                gy = h - 1 - vx;
            }
            uint16_t v = 0;
            if (lit) {
                const Cell c = glass_cell_locked(gx, gy);
                v = rgb565_of_levels(shown_locked(c, 0), shown_locked(c, 1), shown_locked(c, 2));
            }
            out[static_cast<size_t>(vy) * vw + vx] = v;
        }
    }
    return true;
}

void PanelModel::render_rgb888(uint8_t *out) {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool lit = lit_locked();
    const int w = module_.width, h = module_.height;
    for (int gy = 0; gy < h; ++gy) {
        for (int gx = 0; gx < w; ++gx) {
            uint8_t *px = out + (static_cast<size_t>(gy) * w + gx) * 3;
            // A round glass has no pixels outside its circle.
            const double dx = gx + 0.5 - w / 2.0, dy = gy + 0.5 - h / 2.0;
            const bool on_glass = !module_.round || dx * dx + dy * dy <= (w / 2.0) * (w / 2.0);
            if (!lit || !on_glass) {
                px[0] = px[1] = px[2] = 0;
                continue;
            }
            const Cell c = glass_cell_locked(gx, gy);
            for (int k = 0; k < 3; ++k) {
                px[k] = to8(shown_locked(c, k));
            }
        }
    }
}

}  // namespace esp_sim
