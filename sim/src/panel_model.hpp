// A SPI panel module: its controller decodes the byte stream with the D/C pin, keeps GRAM and its registers, checks
// the datasheet's protocol and timing rules, and its glass shows part of GRAM (panel_readout.cpp renders it).
#pragma once

#include <climits>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "esp_sim_panel.h"
#include "panel_spec.hpp"
#include "spi_engine.hpp"
#include "tally.hpp"

namespace esp_sim {

class PanelModel : public SpiSink {
public:
    PanelModel(const ModuleSpec &module, const esp_sim_panel_config_t &config);

    void on_transfer(const uint8_t *data, size_t bytes, int64_t data_start_ns, double ns_per_byte) override;
    void on_frame(const SpiFrame &frame, uint8_t *miso) override;

    // Queries (panel_readout.cpp). Warnings are counted over the kinds below warning_kinds: every kind by default,
    // the first two for the esp_sim_ili9341_* API, which predates the clock warning.
    esp_sim_panel_state_t state(int warning_kinds = ESP_SIM_WARNING_KINDS);
    uint32_t violations(int kind);
    uint32_t violation_total();
    uint32_t warnings(int kind);
    uint32_t warning_total(int warning_kinds);
    std::string last_violation();
    std::string last_warning(int warning_kinds = ESP_SIM_WARNING_KINDS);
    int params(uint8_t command, uint8_t *buf, size_t cap);
    bool read_gram_rgb666(int x, int y, int w, int h, uint8_t *out);
    // A rectangle in the address space the current MADCTL gives (what a window write at x, y covers), RGB565.
    bool read_logical_rgb565(int x, int y, int w, int h, uint16_t *out);
    bool read_view_rgb565(int rotation, uint16_t *out);
    void render_rgb888(uint8_t *out);
    const ModuleSpec &module() const { return module_; }

private:
    // GRAM cell: 6 bits per channel in wire order (first, second, third field).
    struct Cell {
        uint8_t c0, c1, c2;
    };

    void randomize_gram(uint32_t salt);
    void sync_pins_locked(int64_t t_ns);
    bool powered_locked(int64_t t_ns) const;
    void hardware_reset_locked(int64_t t_ns);
    void reset_registers_locked();
    void command_locked(uint8_t code, int64_t t_ns);
    void timing_command_locked(uint8_t code, int64_t t_ns);
    void end_command_locked();
    void apply_params_locked();
    void set_window_locked(bool columns, int start, int end);
    void data_locked(uint8_t byte);
    void pixel_byte_locked(uint8_t byte);
    void store_pixel_locked(Cell cell);
    bool logical_to_gram(int col, int row, int *gx, int *gy) const;
    Cell glass_cell_locked(int gx, int gy) const;
    bool lit_locked();
    uint8_t shown_locked(const Cell &c, int channel) const;  // 6-bit level a glass channel shows
    void violation_locked(esp_sim_violation_t kind, const std::string &what);
    void warning_locked(esp_sim_warning_t kind, const std::string &what);

    const ModuleSpec &module_;
    const ControllerSpec &ctl_;
    const esp_sim_panel_config_t config_;
    std::mutex mutex_;
    std::vector<Cell> gram_;

    bool powered_ = true;
    bool awake_ = false;
    bool display_on_ = false;
    bool inverted_ = false;
    uint8_t madctl_ = 0;
    uint8_t colmod_ = 0x66;
    int col_start_ = 0, col_end_ = 0, row_start_ = 0, row_end_ = 0;
    bool col_set_ = false, row_set_ = false;

    // Command decoding.
    bool have_command_ = false;
    uint8_t command_ = 0;
    std::vector<uint8_t> params_;
    bool params_applied_ = false;
    bool write_checked_ = false;    // sleep/window checks done for this memory write
    bool cursor_valid_ = false;
    int cursor_col_ = 0, cursor_row_ = 0;
    uint8_t pixel_bytes_[3] = {0, 0, 0};
    int pixel_fill_ = 0;
    std::map<uint8_t, std::vector<uint8_t>> recorded_;

    // Timing rules (INT64_MIN: no constraint).
    int64_t no_command_before_ns_ = INT64_MIN;
    int64_t no_slpout_before_ns_ = INT64_MIN;
    int64_t no_slpin_before_ns_ = INT64_MIN;
    int64_t early_slpout_from_ns_ = INT64_MIN;  // from here to no_slpout_before_ns_ SLPOUT is only a warning
    int64_t applied_reset_rise_ns_ = INT64_MIN;
    int64_t applied_power_on_ns_ = INT64_MIN;
    int warned_hz_ = 0;

    uint32_t commands_ = 0;
    uint64_t pixels_written_ = 0;
    Tally<ESP_SIM_VIOLATION_KINDS> violations_;
    Tally<ESP_SIM_WARNING_KINDS> warnings_;
};

// A model for a panel configuration; nullptr when the configuration is invalid (unknown module, a host other than
// SPI2/SPI3, a pin that cannot drive an output). Attaching it to the bus is the caller's.
std::shared_ptr<PanelModel> make_panel_model(const esp_sim_panel_config_t &config);

// Drop every attached panel, of the esp_sim_panel_* and of the esp_sim_ili9341_* API (esp_sim_reset, after the buses
// are gone).
void panel_models_reset();
void ili9341_panels_reset();

// Three 6-bit levels (GRAM cells, what a glass channel shows) as RGB565: the 5-bit fields keep their top bits.
inline uint16_t rgb565_of_levels(uint8_t c0, uint8_t c1, uint8_t c2) {
    return static_cast<uint16_t>(((c0 >> 1) << 11) | (c1 << 5) | (c2 >> 1));
}

// The glass as a PNG file (panel_api.cpp).
esp_err_t write_glass_png(PanelModel &model, const char *path);

// Level of a pin at time t (its latest edge may lie after t in virtual time; then the level before it applies).
int pin_level_at(int pin, int64_t t_ns);

}  // namespace esp_sim
