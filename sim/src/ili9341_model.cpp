// Ili9341: command decoding, parameter application, pixel writes through MADCTL, timing rules and the glass image.
#include "ili9341_model.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

#include "gpio_pins.hpp"
#include "ili9341_commands.hpp"
#include "sim_clock.hpp"

namespace esp_sim {
namespace {

constexpr int64_t kMs = 1000000;
constexpr int64_t kMinResetPulseNs = 10000;
constexpr uint8_t kMadctlMY = 0x80, kMadctlMX = 0x40, kMadctlMV = 0x20;

// Level of a pin at time t (the latest edge may lie after t in virtual time; then the level before it applies).
int level_at(const PinView &v, int64_t t_ns) {
    const int64_t latest = std::max(v.last_rise_ns, v.last_fall_ns);
    if (latest == INT64_MIN || latest <= t_ns) {
        return v.level;
    }
    return v.level ? 0 : 1;
}

std::string format(const char *fmt, ...) {
    char buf[160];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

uint8_t expand5(uint8_t v) { return static_cast<uint8_t>((v << 1) | (v >> 4)); }

}  // namespace

Ili9341::Ili9341(const esp_sim_ili9341_config_t &config) : config_(config), gram_(kWidth * kHeight) {
    // Frame memory is random at power-on.
    uint32_t x = config.seed != 0 ? config.seed : 0x9E3779B9u;
    for (Cell &c : gram_) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = Cell{static_cast<uint8_t>(x & 63), static_cast<uint8_t>((x >> 6) & 63), static_cast<uint8_t>((x >> 12) & 63)};
    }
}

void Ili9341::violation_locked(esp_sim_ili9341_violation_t kind, const std::string &what) {
    violations_.add(kind, esp_sim_ili9341_violation_name(kind), what);
}

void Ili9341::warning_locked(esp_sim_ili9341_warning_t kind, const std::string &what) {
    warnings_.add(kind, esp_sim_ili9341_warning_name(kind), what);
}

void Ili9341::reset_registers_locked() {
    awake_ = false;
    display_on_ = false;
    inverted_ = false;
    colmod_ = 0x66;
    col_start_ = 0;
    col_end_ = kWidth - 1;
    page_start_ = 0;
    page_end_ = kHeight - 1;
    col_set_ = page_set_ = false;
    have_command_ = false;
    params_.clear();
    writing_ = false;
    cursor_valid_ = false;
    pixel_fill_ = 0;
}

void Ili9341::hardware_reset_locked(int64_t t_ns) {
    reset_registers_locked();
    madctl_ = 0;  // unlike SWRESET, the pin reset clears MADCTL
    no_command_before_ns_ = t_ns + 5 * kMs;
    no_slpout_before_ns_ = t_ns + 120 * kMs;
    // The datasheet asks for 120 ms before SLPOUT; ESP-IDF's own LCD example (examples/peripherals/spi_master/lcd,
    // lcd_init: 100 ms after the reset, then the init commands) and the 2019 lv_binding driver send it after 100 ms,
    // and panels wake up: only a warning from there on.
    early_slpout_from_ns_ = t_ns + 100 * kMs;
    no_slpin_before_ns_ = INT64_MIN;
}

void Ili9341::sync_reset_pin_locked(int64_t t_ns) {
    if (config_.reset_io_num < 0) {
        return;
    }
    const PinView v = gpio_view(config_.reset_io_num);
    if (v.last_rise_ns > applied_reset_rise_ns_ && v.last_rise_ns <= t_ns) {
        applied_reset_rise_ns_ = v.last_rise_ns;
        // The fall that started this pulse is known unless the pin fell again since (then only its rise is left).
        const bool fall_known = v.last_fall_ns != INT64_MIN && v.last_fall_ns <= v.last_rise_ns;
        const int64_t width = fall_known ? v.last_rise_ns - v.last_fall_ns : INT64_MAX;
        if (width < kMinResetPulseNs) {
            violation_locked(ESP_SIM_ILI9341_TIMING,
                             format("RESX pulse of %lld ns is shorter than 10 us", static_cast<long long>(width)));
        } else {
            hardware_reset_locked(v.last_rise_ns);
        }
    }
}

void Ili9341::on_transfer(const uint8_t *data, size_t bytes, int64_t data_start_ns, double ns_per_byte) {
    std::lock_guard<std::mutex> lock(mutex_);
    sync_reset_pin_locked(data_start_ns);
    if (config_.reset_io_num >= 0 && level_at(gpio_view(config_.reset_io_num), data_start_ns) == 0) {
        violation_locked(ESP_SIM_ILI9341_DURING_RESET, format("%zu bytes ignored while RESX is low", bytes));
        return;
    }
    const bool is_data = gpio_view(config_.dc_io_num).level != 0;
    for (size_t i = 0; i < bytes; ++i) {
        if (is_data) {
            data_locked(data[i]);
        } else {
            command_locked(data[i], data_start_ns + static_cast<int64_t>(static_cast<double>(i) * ns_per_byte));
        }
    }
}

void Ili9341::end_command_locked() {
    if (!have_command_) {
        return;
    }
    const Ili9341Command *cmd = ili9341_find_command(command_);
    if (cmd != nullptr && cmd->max_params != kStream && !params_applied_) {
        if (params_.size() < cmd->min_params) {
            violation_locked(ESP_SIM_ILI9341_SHORT_PARAMS, format("%s got %zu of %u parameters", cmd->name,
                                                                  params_.size(), static_cast<unsigned>(cmd->min_params)));
        } else if (params_.size() < cmd->max_params) {
            apply_params_locked();  // a command that may take fewer parameters (DISCTRL)
        }
    }
    have_command_ = false;
    writing_ = false;
    pixel_fill_ = 0;
}

void Ili9341::command_locked(uint8_t code, int64_t t_ns) {
    end_command_locked();
    commands_++;
    const Ili9341Command *cmd = ili9341_find_command(code);
    if (cmd == nullptr) {
        violation_locked(ESP_SIM_ILI9341_UNKNOWN_COMMAND, format("unknown command 0x%02X", code));
        have_command_ = true;
        command_ = code;
        params_.clear();
        return;
    }
    if (t_ns < no_command_before_ns_) {
        violation_locked(ESP_SIM_ILI9341_TIMING,
                         format("%s sent %.3f ms too early after a reset or sleep change (5 ms rule)", cmd->name,
                                static_cast<double>(no_command_before_ns_ - t_ns) / kMs));
    }
    switch (code) {
    case 0x01: {
        const bool was_awake = awake_;
        reset_registers_locked();  // MADCTL survives a software reset
        no_command_before_ns_ = t_ns + 5 * kMs;
        if (was_awake) {
            no_slpout_before_ns_ = std::max(no_slpout_before_ns_, t_ns + 120 * kMs);
            early_slpout_from_ns_ = no_slpout_before_ns_;
        }
        break;
    }
    case 0x10:
        if (t_ns < no_slpin_before_ns_) {
            violation_locked(ESP_SIM_ILI9341_TIMING, "SLPIN less than 120 ms after SLPOUT");
        }
        awake_ = false;
        no_command_before_ns_ = t_ns + 5 * kMs;
        no_slpout_before_ns_ = std::max(no_slpout_before_ns_, t_ns + 120 * kMs);
        early_slpout_from_ns_ = no_slpout_before_ns_;
        break;
    case 0x11:
        if (t_ns < early_slpout_from_ns_) {
            violation_locked(ESP_SIM_ILI9341_TIMING, "SLPOUT less than 120 ms after a reset or SLPIN");
        } else if (t_ns < no_slpout_before_ns_) {
            warning_locked(ESP_SIM_ILI9341_WARN_EARLY_SLPOUT,
                           format("SLPOUT %.3f ms after the pin reset (the datasheet asks for 120 ms)",
                                  static_cast<double>(t_ns - (early_slpout_from_ns_ - 100 * kMs)) / kMs));
        }
        awake_ = true;
        no_command_before_ns_ = t_ns + 5 * kMs;
        no_slpin_before_ns_ = t_ns + 120 * kMs;
        break;
    case 0x20:
    case 0x21:
        inverted_ = code == 0x21;
        break;
    case 0x28:
    case 0x29:
        display_on_ = code == 0x29;
        break;
    case 0x2C:
    case 0x3C:
        // RAMWR restarts at the window origin; RAMWRC continues where the last write stopped.
        if (code == 0x2C || !cursor_valid_) {
            cursor_col_ = col_start_;
            cursor_page_ = page_start_;
            cursor_valid_ = true;
        }
        writing_ = true;
        write_checked_ = false;
        pixel_fill_ = 0;
        break;
    default:
        break;
    }
    have_command_ = true;
    command_ = code;
    params_.clear();
    params_applied_ = false;
    if (cmd->max_params == 0 || cmd->max_params == kStream) {
        recorded_[code] = params_;
    }
}

void Ili9341::apply_params_locked() {
    params_applied_ = true;
    recorded_[command_] = params_;
    const auto word = [&](size_t i) { return (params_[i] << 8) | params_[i + 1]; };
    const bool mv = madctl_ & kMadctlMV;
    switch (command_) {
    case 0x2A:
    case 0x2B: {
        const bool columns = command_ == 0x2A;
        const int start = word(0), end = word(2);
        const int limit = (columns != mv) ? kWidth - 1 : kHeight - 1;
        if (start > end || end > limit) {
            violation_locked(ESP_SIM_ILI9341_BAD_PARAM, format("%s %d..%d outside 0..%d: ignored",
                                                               columns ? "CASET" : "PASET", start, end, limit));
        } else if (columns) {
            col_start_ = start;
            col_end_ = end;
            col_set_ = true;
        } else {
            page_start_ = start;
            page_end_ = end;
            page_set_ = true;
        }
        break;
    }
    case 0x36:
        madctl_ = params_[0];
        break;
    case 0x3A:
        if ((params_[0] & 7) == 5 || (params_[0] & 7) == 6) {
            colmod_ = params_[0];
        } else {
            violation_locked(ESP_SIM_ILI9341_BAD_PARAM, format("COLMOD 0x%02X is not 16 or 18 bit", params_[0]));
        }
        break;
    default:
        break;  // power, gamma and vendor commands are recorded only
    }
}

void Ili9341::data_locked(uint8_t byte) {
    if (!have_command_) {
        violation_locked(ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND, format("data byte 0x%02X with no command", byte));
        return;
    }
    const Ili9341Command *cmd = ili9341_find_command(command_);
    if (cmd == nullptr) {
        return;  // parameters of an unknown command: already counted
    }
    if (cmd->max_params == kStream) {
        pixel_byte_locked(byte);
        return;
    }
    if (cmd->max_params == 0) {
        // The controller ignores it. The 2019 lv_binding driver and today's (driver/esp32/ili9XXX.py) send a 0x00
        // after SLPOUT and DISPON, and their panels work.
        warning_locked(ESP_SIM_ILI9341_WARN_IGNORED_DATA,
                       format("data byte 0x%02X after %s, which takes no parameters: ignored", byte, cmd->name));
        return;
    }
    if (params_.size() >= cmd->max_params) {
        violation_locked(ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND,
                         format("extra data byte 0x%02X after %s's %u parameters", byte, cmd->name,
                                static_cast<unsigned>(cmd->max_params)));
        return;
    }
    params_.push_back(byte);
    if (params_.size() == cmd->max_params) {
        apply_params_locked();
    }
}

void Ili9341::pixel_byte_locked(uint8_t byte) {
    pixel_bytes_[pixel_fill_++] = byte;
    const int bytes_per_pixel = (colmod_ & 7) == 5 ? 2 : 3;
    if (pixel_fill_ < bytes_per_pixel) {
        return;
    }
    pixel_fill_ = 0;
    const uint8_t *b = pixel_bytes_;
    if (bytes_per_pixel == 2) {
        // RGB565 big-endian; the 5-bit fields take their MSB as the sixth bit.
        store_pixel_locked(Cell{expand5(static_cast<uint8_t>(b[0] >> 3)),
                                static_cast<uint8_t>(((b[0] & 7) << 3) | (b[1] >> 5)),
                                expand5(static_cast<uint8_t>(b[1] & 0x1F))});
    } else {
        store_pixel_locked(Cell{static_cast<uint8_t>(b[0] >> 2), static_cast<uint8_t>(b[1] >> 2),
                                static_cast<uint8_t>(b[2] >> 2)});
    }
}

bool Ili9341::logical_to_gram(int col, int page, int *gx, int *gy) const {
    int x = (madctl_ & kMadctlMV) ? page : col;
    int y = (madctl_ & kMadctlMV) ? col : page;
    if (madctl_ & kMadctlMX) {
        x = kWidth - 1 - x;
    }
    if (madctl_ & kMadctlMY) {
        y = kHeight - 1 - y;
    }
    *gx = x;
    *gy = y;
    return x >= 0 && x < kWidth && y >= 0 && y < kHeight;
}

void Ili9341::store_pixel_locked(Cell cell) {
    // Checked once per write, on its first complete pixel (a lone dummy byte after RAMWR is not pixel data).
    if (!write_checked_) {
        write_checked_ = true;
        if (!awake_) {
            violation_locked(ESP_SIM_ILI9341_PIXELS_ASLEEP, "pixel data while in sleep mode");
        }
        if (!(col_set_ && page_set_)) {
            violation_locked(ESP_SIM_ILI9341_NO_WINDOW, "pixel data before CASET and PASET");
        }
    }
    int gx, gy;
    if (logical_to_gram(cursor_col_, cursor_page_, &gx, &gy)) {
        gram_[static_cast<size_t>(gy) * kWidth + gx] = cell;
    }
    pixels_written_++;
    if (++cursor_col_ > col_end_) {
        cursor_col_ = col_start_;
        if (++cursor_page_ > page_end_) {
            cursor_page_ = page_start_;
        }
    }
}

}  // namespace esp_sim
