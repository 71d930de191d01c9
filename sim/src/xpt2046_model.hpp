// The XPT2046 resistive touch controller: a device on a shared SPI bus that decodes control bytes on DIN clock by
// clock and drives its conversions on DOUT, measuring a film pressed by scripted strokes (noise and contact bounce
// included).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "esp_sim_touch.h"
#include "spi_engine.hpp"
#include "tally.hpp"

namespace esp_sim {

class Xpt2046 : public SpiSink {
public:
    static constexpr int kMaxClockHz = 2500000;  // DCLK high and low >= 200 ns each

    explicit Xpt2046(const esp_sim_xpt2046_config_t &config);

    void on_transfer(const uint8_t *, size_t, int64_t, double) override {}  // on_frame sees every clock
    void on_frame(const SpiFrame &frame, uint8_t *miso) override;

    bool stroke(int64_t t0_ns, int64_t t1_ns, int x0, int y0, int x1, int y1, int ohms);
    void clear();
    esp_sim_xpt2046_state_t state();
    uint32_t violations(int kind);
    uint32_t warnings(int kind);
    std::string last_violation();
    void ideal(int x, int y, int ohms, uint16_t *out);

private:
    struct Stroke {
        int64_t t0, t1;
        int x0, y0, x1, y1, ohms;
    };
    struct Contact {
        bool pressed;
        double x, y;      // glass position (pixel centres at .5)
        double ohms;
        bool bouncing;    // the first or last moments of a stroke
    };
    // The 12-bit readings of a contact: X and Y channel, Z1, Z2.
    struct Readings {
        double x, y, z1, z2;
    };

    Contact contact_at_locked(int64_t t_ns) const;
    Readings readings(const Contact &c) const;
    uint16_t convert_locked(uint8_t control, int64_t t_ns);
    double gauss_locked();

    esp_sim_xpt2046_config_t config_;
    std::mutex mutex_;
    std::vector<Stroke> strokes_;
    uint32_t noise_state_;
    int warned_hz_ = 0;
    uint32_t conversions_ = 0, transfers_ = 0;
    uint8_t last_command_ = 0;
    int64_t last_transfer_ns_ = -1, last_transfer_end_ns_ = -1;
    Tally<ESP_SIM_VIOLATION_KINDS> violations_;
    Tally<ESP_SIM_WARNING_KINDS> warnings_;
};

// Drops every attached touch controller (esp_sim_reset).
void touch_models_reset();

}  // namespace esp_sim
