// PanelModel: supply and reset pins, command decoding, parameter application, pixel writes through MADCTL, timing.
#include "panel_model.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

#include "gpio_pins.hpp"

namespace esp_sim {
namespace {

constexpr int64_t kMs = 1000000;
constexpr int64_t kMinResetPulseNs = 10000;
// SLPOUT this long after a pin reset is only a warning (the datasheets ask for 120 ms): ESP-IDF's LCD example
// (examples/peripherals/spi_master/lcd, lcd_init, ILI9341 and ST7789V), the 2019 lv_binding driver and today's
// (driver/esp32/ili9XXX.py, every controller class) wait 100 ms after the reset before the init commands, and
// panels wake up.
constexpr int64_t kEarlySlpoutNs = 100 * kMs;
constexpr uint8_t kMadctlMY = 0x80, kMadctlMX = 0x40, kMadctlMV = 0x20;

std::string format(const char *fmt, ...) {
    char buf[192];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

// 4 or 5 bits to 6, the missing low bits copied from the high ones (what the controllers' 65K/4K lookup does by
// default, and what a 16-bit pixel shows on an 18-bit panel).
uint8_t expand5(uint8_t v) { return static_cast<uint8_t>((v << 1) | (v >> 4)); }
uint8_t expand4(uint8_t v) { return static_cast<uint8_t>((v << 2) | (v >> 2)); }

}  // namespace

int pin_level_at(int pin, int64_t t_ns) {
    const PinView v = gpio_view(pin);
    const int64_t latest = std::max(v.last_rise_ns, v.last_fall_ns);
    if (latest == INT64_MIN || latest <= t_ns) {
        return v.level;
    }
    return v.level ? 0 : 1;
}

PanelModel::PanelModel(const ModuleSpec &module, const esp_sim_panel_config_t &config)
    : module_(module), ctl_(*module.controller), config_(config),
      gram_(static_cast<size_t>(module.controller->gram_width) * module.controller->gram_height) {
    randomize_gram(0);
    reset_registers_locked();
    powered_ = config.power_io_num < 0 || powered_locked(0);
}

// Frame memory is random at power-on.
void PanelModel::randomize_gram(uint32_t salt) {
    uint32_t x = (config_.seed != 0 ? config_.seed : 0x9E3779B9u) ^ (salt * 0x85EBCA6Bu);
    for (Cell &c : gram_) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = Cell{static_cast<uint8_t>(x & 63), static_cast<uint8_t>((x >> 6) & 63), static_cast<uint8_t>((x >> 12) & 63)};
    }
}

void PanelModel::violation_locked(esp_sim_violation_t kind, const std::string &what) {
    violations_.add(kind, esp_sim_violation_name(kind), what);
}

void PanelModel::warning_locked(esp_sim_warning_t kind, const std::string &what) {
    warnings_.add(kind, esp_sim_warning_name(kind), what);
}

void PanelModel::reset_registers_locked() {
    awake_ = false;
    display_on_ = false;
    inverted_ = false;
    colmod_ = 0x66;
    col_start_ = row_start_ = 0;
    col_end_ = ctl_.gram_width - 1;
    row_end_ = ctl_.gram_height - 1;
    col_set_ = row_set_ = false;
    have_command_ = false;
    params_.clear();
    cursor_valid_ = false;
    pixel_fill_ = 0;
}

void PanelModel::hardware_reset_locked(int64_t t_ns) {
    reset_registers_locked();
    madctl_ = 0;  // unlike SWRESET, the pin reset (and power-on) clears MADCTL
    no_command_before_ns_ = t_ns + ctl_.reset_wait_ms * kMs;
    no_slpout_before_ns_ = t_ns + 120 * kMs;
    early_slpout_from_ns_ = t_ns + kEarlySlpoutNs;
    no_slpin_before_ns_ = INT64_MIN;
}

bool PanelModel::powered_locked(int64_t t_ns) const {
    return config_.power_io_num < 0 || pin_level_at(config_.power_io_num, t_ns) == (config_.power_active_low ? 0 : 1);
}

// Applies what the supply and RESX pins did up to t: a power-up is a reset with fresh random GRAM; a RESX pulse
// of at least 10 us a pin reset (a shorter one is a timing violation).
void PanelModel::sync_pins_locked(int64_t t_ns) {
    if (config_.power_io_num >= 0) {
        const PinView v = gpio_view(config_.power_io_num);
        const int64_t on_edge = config_.power_active_low ? v.last_fall_ns : v.last_rise_ns;
        if (on_edge > applied_power_on_ns_ && on_edge <= t_ns) {
            applied_power_on_ns_ = on_edge;
            randomize_gram(static_cast<uint32_t>(on_edge));
            hardware_reset_locked(on_edge);
        }
        const bool powered = powered_locked(t_ns);
        if (powered_ && !powered) {
            reset_registers_locked();
        }
        powered_ = powered;
    }
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
            violation_locked(ESP_SIM_VIOLATION_TIMING,
                             format("RESX pulse of %lld ns is shorter than 10 us", static_cast<long long>(width)));
        } else {
            hardware_reset_locked(v.last_rise_ns);
        }
    }
}

void PanelModel::on_frame(const SpiFrame &frame, uint8_t *miso) {
    (void)miso;  // write-only: nothing drives MISO
    if (frame.tx_bits == 0) {
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (frame.mode == 1 || frame.mode == 2) {
            // The controller samples SDA on the rising edge of SCL: modes 0 and 3 only.
            violation_locked(ESP_SIM_VIOLATION_SPI_MODE,
                             format("%zu bytes in SPI mode %d: %s samples on the rising edge (mode 0 or 3)",
                                    (frame.tx_bits + 7) / 8, frame.mode, ctl_.name));
            return;
        }
        if (frame.hz > ctl_.max_serial_hz && frame.hz != warned_hz_) {
            warned_hz_ = frame.hz;
            warning_locked(ESP_SIM_WARNING_OVERCLOCK, format("%.2f MHz, the %s datasheet's limit is %.2f MHz",
                                                             frame.hz / 1e6, ctl_.name, ctl_.max_serial_hz / 1e6));
        }
    }
    SpiSink::on_frame(frame, miso);
}

void PanelModel::on_transfer(const uint8_t *data, size_t bytes, int64_t data_start_ns, double ns_per_byte) {
    std::lock_guard<std::mutex> lock(mutex_);
    sync_pins_locked(data_start_ns);
    if (!powered_) {
        violation_locked(ESP_SIM_VIOLATION_DURING_RESET, format("%zu bytes ignored: the power is off", bytes));
        return;
    }
    if (config_.reset_io_num >= 0 && pin_level_at(config_.reset_io_num, data_start_ns) == 0) {
        violation_locked(ESP_SIM_VIOLATION_DURING_RESET, format("%zu bytes ignored while RESX is low", bytes));
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

void PanelModel::end_command_locked() {
    if (!have_command_) {
        return;
    }
    const PanelCommand *cmd = find_command(ctl_, command_);
    if (cmd != nullptr && cmd->max_params != kStream && !params_applied_) {
        if (params_.size() < cmd->min_params) {
            violation_locked(ESP_SIM_VIOLATION_SHORT_PARAMS, format("%s got %zu of %u parameters", cmd->name,
                                                                    params_.size(), static_cast<unsigned>(cmd->min_params)));
        } else if (params_.size() < cmd->max_params) {
            apply_params_locked();  // a command that may take fewer parameters
        }
    }
    have_command_ = false;
    pixel_fill_ = 0;
}

// The sleep and reset commands: state and the datasheet delays they start or must respect.
void PanelModel::timing_command_locked(uint8_t code, int64_t t_ns) {
    switch (code) {
    case 0x01: {
        const bool was_awake = awake_;
        reset_registers_locked();  // MADCTL survives a software reset
        no_command_before_ns_ = t_ns + ctl_.reset_wait_ms * kMs;
        if (was_awake) {
            no_slpout_before_ns_ = std::max(no_slpout_before_ns_, t_ns + 120 * kMs);
            early_slpout_from_ns_ = no_slpout_before_ns_;
        }
        break;
    }
    case 0x10:
        if (t_ns < no_slpin_before_ns_) {
            violation_locked(ESP_SIM_VIOLATION_TIMING, "SLPIN less than 120 ms after SLPOUT");
        }
        awake_ = false;
        no_command_before_ns_ = t_ns + 5 * kMs;
        no_slpout_before_ns_ = std::max(no_slpout_before_ns_, t_ns + 120 * kMs);
        early_slpout_from_ns_ = no_slpout_before_ns_;
        break;
    case 0x11:
        if (t_ns < early_slpout_from_ns_) {
            violation_locked(ESP_SIM_VIOLATION_TIMING, "SLPOUT less than 120 ms after a reset or SLPIN");
        } else if (t_ns < no_slpout_before_ns_) {
            warning_locked(ESP_SIM_WARNING_EARLY_SLPOUT,
                           format("SLPOUT %.3f ms after the pin reset (the datasheet asks for 120 ms)",
                                  static_cast<double>(t_ns - (early_slpout_from_ns_ - kEarlySlpoutNs)) / kMs));
        }
        awake_ = true;
        no_command_before_ns_ = t_ns + 5 * kMs;
        no_slpin_before_ns_ = t_ns + 120 * kMs;
        break;
    default:
        break;
    }
}

void PanelModel::command_locked(uint8_t code, int64_t t_ns) {
    end_command_locked();
    commands_++;
    const PanelCommand *cmd = find_command(ctl_, code);
    have_command_ = true;
    command_ = code;
    params_.clear();
    params_applied_ = false;
    if (cmd == nullptr) {
        violation_locked(ESP_SIM_VIOLATION_UNKNOWN_COMMAND, format("%s has no command 0x%02X", ctl_.name, code));
        return;
    }
    if (t_ns < no_command_before_ns_) {
        violation_locked(ESP_SIM_VIOLATION_TIMING,
                         format("%s sent %.3f ms too early after a reset or sleep change", cmd->name,
                                static_cast<double>(no_command_before_ns_ - t_ns) / kMs));
    }
    timing_command_locked(code, t_ns);
    switch (code) {
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
        // RAMWR restarts at the window origin; memory write continue goes on where the last write stopped.
        if (code == 0x2C || !cursor_valid_) {
            cursor_col_ = col_start_;
            cursor_row_ = row_start_;
            cursor_valid_ = true;
        }
        write_checked_ = false;
        pixel_fill_ = 0;
        break;
    default:
        break;
    }
    if (cmd->max_params == 0 || cmd->max_params == kStream) {
        recorded_[code] = params_;
    }
}

void PanelModel::set_window_locked(bool columns, int start, int end) {
    const bool mv = madctl_ & kMadctlMV;
    const int limit = (columns != mv) ? ctl_.gram_width - 1 : ctl_.gram_height - 1;
    const char *name = find_command(ctl_, command_)->name;
    if (start > end || end > limit) {
        violation_locked(ESP_SIM_VIOLATION_BAD_PARAM, format("%s %d..%d outside 0..%d: ignored", name, start, end, limit));
    } else if (columns) {
        col_start_ = start;
        col_end_ = end;
        col_set_ = true;
    } else {
        row_start_ = start;
        row_end_ = end;
        row_set_ = true;
    }
}

void PanelModel::apply_params_locked() {
    params_applied_ = true;
    recorded_[command_] = params_;
    switch (command_) {
    case 0x2A:
    case 0x2B:
        set_window_locked(command_ == 0x2A, (params_[0] << 8) | params_[1], (params_[2] << 8) | params_[3]);
        break;
    case 0x36:
        madctl_ = params_[0];
        break;
    case 0x3A: {
        const int format_bits = params_[0] & 7;
        if (!(ctl_.serial_formats & (1 << format_bits))) {
            violation_locked(ESP_SIM_VIOLATION_BAD_PARAM,
                             format("COLMOD 0x%02X: the %s's serial interface does not take this pixel format", params_[0],
                                    ctl_.name));
        } else {
            colmod_ = params_[0];
        }
        break;
    }
    default:
        break;  // power, gamma and vendor commands are recorded only
    }
}

void PanelModel::data_locked(uint8_t byte) {
    if (!have_command_) {
        violation_locked(ESP_SIM_VIOLATION_DATA_WITHOUT_COMMAND, format("data byte 0x%02X with no command", byte));
        return;
    }
    const PanelCommand *cmd = find_command(ctl_, command_);
    if (cmd == nullptr) {
        return;  // parameters of an unknown command: already counted
    }
    if (cmd->max_params == kStream) {
        pixel_byte_locked(byte);
        return;
    }
    if (cmd->max_params == 0) {
        // The controller ignores it. The 2019 lv_binding driver and today's (driver/esp32/ili9XXX.py, every
        // controller class) send a 0x00 after SLPOUT and DISPON, and their panels work.
        warning_locked(ESP_SIM_WARNING_IGNORED_DATA,
                       format("data byte 0x%02X after %s, which takes no parameters: ignored", byte, cmd->name));
        return;
    }
    if (params_.size() >= cmd->max_params) {
        violation_locked(ESP_SIM_VIOLATION_DATA_WITHOUT_COMMAND,
                         format("extra data byte 0x%02X after %s's %u parameters", byte, cmd->name,
                                static_cast<unsigned>(cmd->max_params)));
        return;
    }
    params_.push_back(byte);
    if (params_.size() == cmd->max_params) {
        apply_params_locked();
    }
}

// Pixel bytes in the current COLMOD: 16 bit RGB565 big-endian (2 bytes), 18 bit one 6-bit field in the top bits of
// each of 3 bytes, 12 bit two pixels in 3 bytes (RRRRGGGG BBBBRRRR GGGGBBBB).
void PanelModel::pixel_byte_locked(uint8_t byte) {
    pixel_bytes_[pixel_fill_++] = byte;
    const int format_bits = colmod_ & 7;
    const int group = format_bits == kFormat16 ? 2 : 3;
    if (pixel_fill_ < group) {
        return;
    }
    pixel_fill_ = 0;
    const uint8_t *b = pixel_bytes_;
    if (format_bits == kFormat16) {
        store_pixel_locked(Cell{expand5(static_cast<uint8_t>(b[0] >> 3)),
                                static_cast<uint8_t>(((b[0] & 7) << 3) | (b[1] >> 5)),
                                expand5(static_cast<uint8_t>(b[1] & 0x1F))});
    } else if (format_bits == kFormat18) {
        store_pixel_locked(Cell{static_cast<uint8_t>(b[0] >> 2), static_cast<uint8_t>(b[1] >> 2),
                                static_cast<uint8_t>(b[2] >> 2)});
    } else {
        store_pixel_locked(Cell{expand4(static_cast<uint8_t>(b[0] >> 4)), expand4(static_cast<uint8_t>(b[0] & 15)),
                                expand4(static_cast<uint8_t>(b[1] >> 4))});
        store_pixel_locked(Cell{expand4(static_cast<uint8_t>(b[1] & 15)), expand4(static_cast<uint8_t>(b[2] >> 4)),
                                expand4(static_cast<uint8_t>(b[2] & 15))});
    }
}

bool PanelModel::logical_to_gram(int col, int row, int *gx, int *gy) const {
    int x = (madctl_ & kMadctlMV) ? row : col;
    int y = (madctl_ & kMadctlMV) ? col : row;
    if (madctl_ & kMadctlMX) {
        x = ctl_.gram_width - 1 - x;
    }
    if (madctl_ & kMadctlMY) {
        y = ctl_.gram_height - 1 - y;
    }
    *gx = x;
    *gy = y;
    return x >= 0 && x < ctl_.gram_width && y >= 0 && y < ctl_.gram_height;
}

void PanelModel::store_pixel_locked(Cell cell) {
    // Checked once per write, on its first complete pixel (a lone dummy byte after RAMWR is not pixel data).
    if (!write_checked_) {
        write_checked_ = true;
        if (!awake_) {
            violation_locked(ESP_SIM_VIOLATION_PIXELS_ASLEEP, "pixel data while in sleep mode");
        }
        if (!(col_set_ && row_set_)) {
            violation_locked(ESP_SIM_VIOLATION_NO_WINDOW, format("pixel data before %s and %s",
                                                                 find_command(ctl_, 0x2A)->name,
                                                                 find_command(ctl_, 0x2B)->name));
        }
    }
    int gx, gy;
    if (logical_to_gram(cursor_col_, cursor_row_, &gx, &gy)) {
        gram_[static_cast<size_t>(gy) * ctl_.gram_width + gx] = cell;
    }
    pixels_written_++;
    if (++cursor_col_ > col_end_) {
        cursor_col_ = col_start_;
        if (++cursor_row_ > row_end_) {
            cursor_row_ = row_start_;
        }
    }
}

}  // namespace esp_sim
