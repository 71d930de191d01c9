// The ILI9341 controller model: decodes the SPI byte stream with the D/C pin, keeps GRAM and the controller state,
// checks the datasheet's protocol and timing rules, and renders what the glass shows.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "esp_sim.h"
#include "spi_engine.hpp"

namespace esp_sim {

// Events counted by kind, with a description of the latest one (violations, warnings).
template <int N>
struct Tally {
    std::array<uint32_t, N> counts{};
    std::string last;

    void add(int kind, const char *name, const std::string &what) {
        counts[kind]++;
        last = std::string(name) + ": " + what;
    }
    uint32_t get(int kind) const { return kind >= 0 && kind < N ? counts[kind] : 0; }
    uint32_t total() const {
        uint32_t t = 0;
        for (uint32_t c : counts) {
            t += c;
        }
        return t;
    }
};

class Ili9341 : public SpiSink {
public:
    static constexpr int kWidth = ESP_SIM_ILI9341_WIDTH;
    static constexpr int kHeight = ESP_SIM_ILI9341_HEIGHT;

    explicit Ili9341(const esp_sim_ili9341_config_t &config);

    void on_transfer(const uint8_t *data, size_t bytes, int64_t data_start_ns, double ns_per_byte) override;

    esp_sim_ili9341_state_t state();
    uint32_t violations(esp_sim_ili9341_violation_t kind);
    uint32_t violation_total();
    std::string last_violation();
    uint32_t warnings(esp_sim_ili9341_warning_t kind);
    uint32_t warning_total();
    std::string last_warning();
    int params(uint8_t command, uint8_t *buf, size_t cap);
    void read_gram_rgb565(uint16_t *out);
    bool read_logical_rgb565(int x, int y, int w, int h, uint16_t *out);
    void render_rgb888(uint8_t *out);

private:
    // GRAM cell: 6 bits per channel in wire order (first, second, third field).
    struct Cell {
        uint8_t c0, c1, c2;
    };

    void sync_reset_pin_locked(int64_t t_ns);
    void hardware_reset_locked(int64_t t_ns);
    void reset_registers_locked();
    void command_locked(uint8_t code, int64_t t_ns);
    void end_command_locked();
    void apply_params_locked();
    void data_locked(uint8_t byte);
    void pixel_byte_locked(uint8_t byte);
    void store_pixel_locked(Cell cell);
    bool logical_to_gram(int col, int page, int *gx, int *gy) const;
    void violation_locked(esp_sim_ili9341_violation_t kind, const std::string &what);
    void warning_locked(esp_sim_ili9341_warning_t kind, const std::string &what);
    bool lit_locked();

    const esp_sim_ili9341_config_t config_;
    std::mutex mutex_;
    std::vector<Cell> gram_;

    bool awake_ = false;
    bool display_on_ = false;
    bool inverted_ = false;
    uint8_t madctl_ = 0;
    uint8_t colmod_ = 0x66;
    int col_start_ = 0, col_end_ = kWidth - 1, page_start_ = 0, page_end_ = kHeight - 1;
    bool col_set_ = false, page_set_ = false;

    // Command decoding.
    bool have_command_ = false;
    uint8_t command_ = 0;
    std::vector<uint8_t> params_;
    bool params_applied_ = false;
    bool writing_ = false;          // inside RAMWR/RAMWRC
    bool write_checked_ = false;    // sleep/window checks done for this write
    bool cursor_valid_ = false;
    int cursor_col_ = 0, cursor_page_ = 0;
    uint8_t pixel_bytes_[3] = {0, 0, 0};
    int pixel_fill_ = 0;
    std::map<uint8_t, std::vector<uint8_t>> recorded_;

    // Timing rules (INT64_MIN: no constraint).
    int64_t no_command_before_ns_ = INT64_MIN;
    int64_t no_slpout_before_ns_ = INT64_MIN;
    int64_t no_slpin_before_ns_ = INT64_MIN;
    int64_t early_slpout_from_ns_ = INT64_MIN;  // from here to no_slpout_before_ns_ SLPOUT is only a warning
    int64_t applied_reset_rise_ns_ = INT64_MIN;

    uint32_t commands_ = 0;
    uint64_t pixels_written_ = 0;
    Tally<ESP_SIM_ILI9341_VIOLATION_KINDS> violations_;
    Tally<ESP_SIM_ILI9341_WARNING_KINDS> warnings_;
};

// Drops every attached panel (esp_sim_reset).
void panels_reset();

}  // namespace esp_sim
