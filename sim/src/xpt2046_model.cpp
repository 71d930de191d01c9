// Xpt2046: the control byte protocol (start bit, channel, 8/12-bit mode, busy clock, result MSB first), the film's
// raw readings, contact pressure, noise and bounce.
#include "xpt2046_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim_clock.hpp"

namespace esp_sim {
namespace {

constexpr int64_t kBounceNs = 2000000;  // a contact is unstable for its first and last 2 ms:
constexpr double kBounceOhmsFactor = 6;  // closed for about half of the conversions, and then light,
constexpr double kBounceNoiseFactor = 4;  // with noisier positions
// Channel select bits A2-A0 of the control byte (datasheet table 1 and 2).
constexpr int kChannelY = 1, kChannelZ1 = 3, kChannelZ2 = 4, kChannelX = 5;

}  // namespace

Xpt2046::Xpt2046(const esp_sim_xpt2046_config_t &config) : config_(config) {
    if (config_.width <= 0 || config_.height <= 0) {
        config_.width = 240;
        config_.height = 320;
    }
    if (config_.raw_left == 0 && config_.raw_right == 0 && config_.raw_top == 0 && config_.raw_bottom == 0) {
        config_.raw_left = 3783;
        config_.raw_right = 242;
        config_.raw_top = 3948;
        config_.raw_bottom = 423;
        config_.swap_xy = 1;
    }
    if (config_.plate_ohms == 0) {
        config_.plate_ohms = 400;
    }
    noise_state_ = config_.seed != 0 ? config_.seed : 0x2545F491u;
}

double Xpt2046::gauss_locked() {
    // Sum of four uniform deviates: mean 0, standard deviation 1 (close enough to a normal distribution).
    double sum = 0;
    for (int i = 0; i < 4; ++i) {
        noise_state_ ^= noise_state_ << 13;
        noise_state_ ^= noise_state_ >> 17;
        noise_state_ ^= noise_state_ << 5;
        sum += static_cast<double>(noise_state_) / 4294967296.0 - 0.5;
    }
    return sum * std::sqrt(3.0);
}

Xpt2046::Contact Xpt2046::contact_at_locked(int64_t t_ns) const {
    for (const Stroke &s : strokes_) {
        if (t_ns < s.t0 || t_ns >= s.t1) {
            continue;
        }
        const double k = static_cast<double>(t_ns - s.t0) / static_cast<double>(s.t1 - s.t0);
        const bool bouncing = t_ns - s.t0 < kBounceNs || s.t1 - t_ns <= kBounceNs;
        return Contact{true, s.x0 + 0.5 + k * (s.x1 - s.x0), s.y0 + 0.5 + k * (s.y1 - s.y0),
                       s.ohms * (bouncing ? kBounceOhmsFactor : 1.0), bouncing};
    }
    return Contact{false, 0, 0, 0, false};
}

// Position readings are linear along the film; the pressure ones follow the datasheet's touch resistance formula
// R = Rplate * X/4096 * (Z2/Z1 - 1): the current from Y+ through the contact and the X plate to X- gives
// Z1 = 4096 * Rxa / Rpath and Z2 = 4096 * (Rxa + R) / Rpath.
Xpt2046::Readings Xpt2046::readings(const Contact &c) const {
    const double h = config_.raw_left + c.x / config_.width * (config_.raw_right - config_.raw_left);
    const double v = config_.raw_top + c.y / config_.height * (config_.raw_bottom - config_.raw_top);
    Readings r{};
    r.x = config_.swap_xy ? v : h;
    r.y = config_.swap_xy ? h : v;
    const double rxa = config_.plate_ohms * r.x / 4096.0;
    const double ryb = config_.plate_ohms * (1.0 - r.y / 4096.0);
    const double path = rxa + c.ohms + ryb;
    r.z1 = 4096.0 * rxa / path;
    r.z2 = 4096.0 * (rxa + c.ohms) / path;
    return r;
}

uint16_t Xpt2046::convert_locked(uint8_t control, int64_t t_ns) {
    conversions_++;
    last_command_ = control;
    Contact c = contact_at_locked(t_ns);
    if (c.bouncing && gauss_locked() < 0) {
        c.pressed = false;  // open at this moment
    }
    const int channel = (control >> 4) & 7;
    double value = 0;
    if (!c.pressed) {
        value = channel == kChannelZ2 ? 4095 : 0;  // no contact: no current through the film
    } else {
        const Readings r = readings(c);
        const double noise = config_.noise * (c.bouncing ? kBounceNoiseFactor : 1.0);
        switch (channel) {
        case kChannelX:
            value = r.x + noise * gauss_locked();
            break;
        case kChannelY:
            value = r.y + noise * gauss_locked();
            break;
        case kChannelZ1:
            value = r.z1 + noise * gauss_locked();
            break;
        case kChannelZ2:
            value = r.z2 + noise * gauss_locked();
            break;
        default:
            value = 0;  // temperature, battery and auxiliary inputs are not modelled
            break;
        }
    }
    const int v = static_cast<int>(std::lround(std::clamp(value, 0.0, 4095.0)));
    return static_cast<uint16_t>((control & 0x08) ? v >> 4 : v);  // MODE = 1: an 8-bit conversion
}

// A start bit (DIN high outside a control byte) begins a control byte; the conversion is sampled on its last
// clock, DOUT is low for the busy clock after it and then carries the result MSB first (timing figures of the
// datasheet: 24, 16 and 15 clocks per conversion all work this way). Deselecting the chip ends everything.
void Xpt2046::on_frame(const SpiFrame &frame, uint8_t *miso) {
    std::lock_guard<std::mutex> lock(mutex_);
    transfers_++;
    last_transfer_ns_ = frame.start_ns;
    last_transfer_end_ns_ = frame.clock_ns(frame.clocks());
    if (frame.mode == 1 || frame.mode == 2) {
        char what[96];
        std::snprintf(what, sizeof what, "SPI mode %d: the XPT2046 latches DIN on the rising edge (mode 0 or 3)",
                      frame.mode);
        violations_.add(ESP_SIM_VIOLATION_SPI_MODE, esp_sim_violation_name(ESP_SIM_VIOLATION_SPI_MODE), what);
        return;
    }
    if (frame.hz > kMaxClockHz && frame.hz != warned_hz_) {
        warned_hz_ = frame.hz;
        char what[96];
        std::snprintf(what, sizeof what, "DCLK %.2f MHz, the XPT2046 datasheet's limit is 2.5 MHz", frame.hz / 1e6);
        warnings_.add(ESP_SIM_WARNING_OVERCLOCK, esp_sim_warning_name(ESP_SIM_WARNING_OVERCLOCK), what);
    }
    int control_bits = 0;  // bits of a control byte still to come
    uint8_t control = 0;
    uint16_t result = 0;
    int64_t out_first = -1, out_bits = 0;  // clock of the result's MSB, its length
    const size_t clocks = frame.clocks(), rx0 = frame.rx_clock();
    for (size_t i = 0; i < clocks; ++i) {
        const int din = frame.mosi(i);
        if (control_bits > 0) {
            control = static_cast<uint8_t>((control << 1) | din);
            if (--control_bits == 0) {
                result = convert_locked(control, frame.clock_ns(i));
                out_first = static_cast<int64_t>(i) + 2;
                out_bits = (control & 0x08) ? 8 : 12;
            }
        } else if (din) {
            control = 1;
            control_bits = 7;
        }
        const int64_t k = static_cast<int64_t>(i) - out_first;
        if (out_first >= 0 && k >= 0 && k < out_bits && i >= rx0 && i - rx0 < frame.rx_bits &&
            ((result >> (out_bits - 1 - k)) & 1)) {
            const size_t j = i - rx0;
            miso[j / 8] = static_cast<uint8_t>(miso[j / 8] | (0x80 >> (j % 8)));
        }
    }
}

bool Xpt2046::stroke(int64_t t0_ns, int64_t t1_ns, int x0, int y0, int x1, int y1, int ohms) {
    const auto inside = [&](int x, int y) { return x >= 0 && y >= 0 && x < config_.width && y < config_.height; };
    if (t1_ns <= t0_ns || ohms <= 0 || !inside(x0, y0) || !inside(x1, y1)) {
        return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Stroke &s : strokes_) {
        if (t0_ns < s.t1 && s.t0 < t1_ns) {
            return false;
        }
    }
    strokes_.push_back(Stroke{t0_ns, t1_ns, x0, y0, x1, y1, ohms});
    return true;
}

void Xpt2046::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    strokes_.clear();
}

esp_sim_xpt2046_state_t Xpt2046::state() {
    std::lock_guard<std::mutex> lock(mutex_);
    esp_sim_xpt2046_state_t s{};
    s.conversions = conversions_;
    s.transfers = transfers_;
    s.last_command = last_command_;
    s.pressed = contact_at_locked(sim_clock().now_ns()).pressed;
    s.last_transfer_ns = last_transfer_ns_;
    s.last_transfer_end_ns = last_transfer_end_ns_;
    s.violations = violations_.total();
    s.warnings = warnings_.total();
    s.max_clock_hz = kMaxClockHz;
    return s;
}

uint32_t Xpt2046::violations(int kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.get(kind);
}

uint32_t Xpt2046::warnings(int kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    return warnings_.get(kind);
}

std::string Xpt2046::last_violation() {
    std::lock_guard<std::mutex> lock(mutex_);
    return violations_.last();
}

void Xpt2046::ideal(int x, int y, int ohms, uint16_t *out) {
    const Readings r = readings(Contact{true, x + 0.5, y + 0.5, static_cast<double>(ohms), false});
    const double v[4] = {r.x, r.y, r.z1, r.z2};
    for (int i = 0; i < 4; ++i) {
        out[i] = static_cast<uint16_t>(std::lround(std::clamp(v[i], 0.0, 4095.0)));
    }
}

}  // namespace esp_sim
