// ESP-IDF's SPI clock arithmetic: the divider search that rounds a requested clock, and the GPIO-matrix limit.
#include <cstdlib>

#include "driver/spi_master.h"

extern "C" {

// Nearest fapb/(pre*n) with n in 2..64 and pre in 1..8192; above 3/4 of fapb the APB clock itself is used.
int spi_cal_clock(int fapb, int hz, int duty_cycle, uint32_t *reg_o) {
    (void)duty_cycle;
    if (fapb <= 0 || hz <= 0) {
        return 0;
    }
    if (hz > (fapb / 4) * 3) {
        if (reg_o != nullptr) {
            *reg_o = 1u << 31;  // clk_equ_sysclk
        }
        return fapb;
    }
    int best_n = -1;
    int best_pre = 1;
    int best_err = 0;
    for (int n = 2; n <= 64; ++n) {
        int pre = ((fapb / n) + (hz / 2)) / hz;
        if (pre <= 0) {
            pre = 1;
        }
        if (pre > 8192) {
            pre = 8192;
        }
        const int err = std::abs(fapb / (pre * n) - hz);
        if (best_n == -1 || err <= best_err) {
            best_err = err;
            best_n = n;
            best_pre = pre;
        }
    }
    if (reg_o != nullptr) {
        // clkdiv_pre, clkcnt_n, clkcnt_h, clkcnt_l as the ESP32 register packs them.
        const uint32_t l = static_cast<uint32_t>(best_n - 1);
        const uint32_t h = static_cast<uint32_t>(best_n / 2 - 1);
        *reg_o = (static_cast<uint32_t>(best_pre - 1) << 18) | (l << 12) | (h << 6) | l;
    }
    return fapb / (best_pre * best_n);
}

int spi_get_actual_clock(int fapb, int hz, int duty_cycle) { return spi_cal_clock(fapb, hz, duty_cycle, nullptr); }

// Highest full-duplex clock at which input data can still be sampled: the GPIO matrix adds about 25 ns.
int spi_get_freq_limit(bool gpio_is_used, int input_delay_ns) {
    const int apb_hz = 80 * 1000 * 1000;
    const int gpio_delay_ns = gpio_is_used ? 25 : 0;
    // In 64 bits: any int delay is accepted (a huge one gives the lowest limit, 1 Hz at worst), none overflows.
    long long apb_periods = (1LL + input_delay_ns + gpio_delay_ns) * (apb_hz / 1000) / 1000 / 1000;
    if (apb_periods < 0) {
        apb_periods = 0;
    }
    const long long limit = apb_hz / (apb_periods + 1);
    return limit > 0 ? static_cast<int>(limit) : 1;
}

}  // extern "C"
