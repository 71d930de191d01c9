// XPT2046 touch controller: control bytes clock by clock (24-, 16- and lv_binding's 9+16-clock conversions, 8 and
// 12 bit), the film's readings, strokes with noise, bounce and pressure, the SPI checks, and a shared bus whose
// panel has DMA in flight.
#include <cmath>

#include "esp_sim_touch.h"
#include "module_fixture.hpp"

namespace {

constexpr int kTouchCs = 25;
constexpr int64_t kMs = 1000000;

class Xpt2046Test : public SimTest {
protected:
    void SetUp() override {
        SimTest::SetUp();
        ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
        const spi_bus_config_t bus = seed_bus_config(240 * 320 * 2);
        ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    }

    void attach(uint16_t noise = 0, int hz = 2000000, int mode = 0) {
        esp_sim_xpt2046_config_t c = {};
        c.host = HSPI_HOST;
        c.cs_io_num = kTouchCs;
        c.noise = noise;
        c.seed = 11;
        ASSERT_EQ(esp_sim_xpt2046_attach(&c, &touch_), ESP_OK);
        spi_device_interface_config_t d = {};
        d.clock_speed_hz = hz;
        d.mode = static_cast<uint8_t>(mode);
        d.spics_io_num = kTouchCs;
        d.queue_size = 1;
        ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &d, &dev_), ESP_OK);
    }

    // One full-duplex transaction: sends `tx`, returns what came back on MISO.
    std::vector<uint8_t> exchange(const std::vector<uint8_t> &tx) {
        uint8_t *out = static_cast<uint8_t *>(heap_caps_malloc(tx.size(), MALLOC_CAP_DMA));
        uint8_t *in = static_cast<uint8_t *>(heap_caps_malloc(tx.size(), MALLOC_CAP_DMA));
        std::copy(tx.begin(), tx.end(), out);
        spi_transaction_t t = {};
        t.length = tx.size() * 8;
        t.tx_buffer = out;
        t.rx_buffer = in;
        EXPECT_EQ(spi_device_polling_transmit(dev_, &t), ESP_OK);
        std::vector<uint8_t> rx(in, in + tx.size());
        heap_caps_free(out);
        heap_caps_free(in);
        return rx;
    }

    // A 12-bit conversion the usual way: control byte, then two bytes carrying the result after the busy clock.
    int convert(uint8_t control) {
        const std::vector<uint8_t> rx = exchange({control, 0, 0});
        return ((rx[1] << 8) | rx[2]) >> 3;
    }

    std::vector<uint16_t> ideal(int x, int y, int ohms = 300) {
        std::vector<uint16_t> v(4);
        EXPECT_EQ(esp_sim_xpt2046_ideal(touch_, x, y, ohms, v.data()), ESP_OK);
        return v;
    }

    void press(int x, int y, int ohms = 300) {
        const int64_t now = esp_sim_now_ns();
        ASSERT_EQ(esp_sim_xpt2046_stroke(touch_, now, now + 1000 * kMs, x, y, x, y, ohms), ESP_OK);
        esp_sim_advance_ns(10 * kMs);  // past the contact's bounce
    }

    esp_sim_xpt2046_t *touch_ = nullptr;
    spi_device_handle_t dev_ = nullptr;
};

}  // namespace

TEST_F(Xpt2046Test, AnUntouchedFilmReadsNoPositionAndNoPressure) {
    attach();
    EXPECT_EQ(convert(0xD0), 0);
    EXPECT_EQ(convert(0x90), 0);
    EXPECT_EQ(convert(0xB0), 0);
    EXPECT_EQ(convert(0xC0), 4095);
    esp_sim_xpt2046_state_t s = {};
    ASSERT_EQ(esp_sim_xpt2046_get_state(touch_, &s), ESP_OK);
    EXPECT_EQ(s.conversions, 4u);
    EXPECT_EQ(s.last_command, 0xC0);
    EXPECT_FALSE(s.pressed);
}

TEST_F(Xpt2046Test, TwentyFourClockConversionsReadTheFilm) {
    attach();
    press(100, 200);
    const std::vector<uint16_t> v = ideal(100, 200);
    // The default film: X (0xD0) runs down the glass, Y (0x90) across it, both decreasing (lv_binding's defaults).
    EXPECT_EQ(v[0], std::lround(3948 + 200.5 / 320 * (423 - 3948)));
    EXPECT_EQ(v[1], std::lround(3783 + 100.5 / 240 * (242 - 3783)));
    EXPECT_EQ(convert(0xD0), v[0]);
    EXPECT_EQ(convert(0x90), v[1]);
    EXPECT_EQ(convert(0xB0), v[2]);
    EXPECT_EQ(convert(0xC0), v[3]);
}

TEST_F(Xpt2046Test, SixteenClockConversionsOverlap) {
    attach();
    press(30, 40);
    const std::vector<uint16_t> v = ideal(30, 40);
    // Each control byte follows the previous one's first result byte; the last result needs one more byte.
    const std::vector<uint8_t> rx = exchange({0xD1, 0, 0x91, 0, 0xB1, 0, 0xC0, 0, 0});
    for (int k = 0; k < 4; ++k) {
        const int got = ((rx[2 * k + 1] << 8) | rx[2 * k + 2]) >> 3;
        EXPECT_EQ(got, (std::vector<int>{v[0], v[1], v[2], v[3]})[k]) << "conversion " << k;
    }
}

TEST_F(Xpt2046Test, LvBindingsNineCommandBitsThenSixteenReadBits) {
    attach();
    ASSERT_EQ(spi_bus_remove_device(dev_), ESP_OK);
    spi_device_interface_config_t d = {};
    d.command_bits = 9;  // the control byte and the busy clock, as lv_binding's xpt2046.py sets it up
    d.clock_speed_hz = 2000000;
    d.spics_io_num = kTouchCs;
    d.queue_size = 4;
    d.flags = SPI_DEVICE_HALFDUPLEX;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &d, &dev_), ESP_OK);
    press(200, 10);
    uint8_t *in = static_cast<uint8_t *>(heap_caps_malloc(4, MALLOC_CAP_DMA));
    spi_transaction_t t = {};
    t.cmd = 0x90 << 1;
    t.rxlength = 16;
    t.rx_buffer = in;
    ASSERT_EQ(spi_device_polling_transmit(dev_, &t), ESP_OK);
    EXPECT_EQ((in[0] << 4) | (in[1] >> 4), ideal(200, 10)[1]);
    heap_caps_free(in);
}

TEST_F(Xpt2046Test, EightBitMode) {
    attach();
    press(120, 160);
    const std::vector<uint8_t> rx = exchange({0xD8, 0, 0});
    EXPECT_EQ((((rx[1] << 8) | rx[2]) >> 7) & 0xFF, ideal(120, 160)[0] >> 4);
}

TEST_F(Xpt2046Test, AStrokeMovesAndItsEndsBounce) {
    attach();
    const int64_t t0 = esp_sim_now_ns();
    ASSERT_EQ(esp_sim_xpt2046_stroke(touch_, t0, t0 + 100 * kMs, 20, 20, 220, 300, 300), ESP_OK);
    auto z = [&] { return convert(0xB0) + 4095 - convert(0xC0); };
    esp_sim_advance_ns(kMs / 2);
    const int z_bouncing = z();
    esp_sim_advance_ns(50 * kMs - esp_sim_now_ns() + t0);
    const int z_firm = z();
    EXPECT_LT(z_bouncing, z_firm / 2);
    // Halfway through, the finger is halfway.
    EXPECT_NEAR(convert(0xD0), ideal(120, 160)[0], 15);
    esp_sim_advance_ns(60 * kMs);
    EXPECT_EQ(convert(0xD0), 0);  // lifted
}

TEST_F(Xpt2046Test, NoiseHasTheConfiguredSpread) {
    attach(10);
    press(60, 250);
    const double expected = ideal(60, 250)[0];
    double sum = 0, sq = 0;
    const int n = 400;
    for (int i = 0; i < n; ++i) {
        const double d = convert(0xD0) - expected;
        sum += d;
        sq += d * d;
    }
    const double mean = sum / n, sd = std::sqrt(sq / n - mean * mean);
    EXPECT_NEAR(mean, 0, 2);
    EXPECT_NEAR(sd, 10, 2);
}

TEST_F(Xpt2046Test, PressureFollowsTheDatasheetFormula) {
    attach();
    for (int ohms : {250, 1000}) {
        esp_sim_xpt2046_clear(touch_);
        press(100, 100, ohms);
        const double x = convert(0xD0), z1 = convert(0xB0), z2 = convert(0xC0);
        const double r = 400 * x / 4096 * (z2 / z1 - 1);  // datasheet equation 2, 400 ohm plates
        EXPECT_NEAR(r, ohms, ohms * 0.05) << ohms;
    }
}

TEST_F(Xpt2046Test, WrongModeIsAViolationAFastClockAWarning) {
    attach(0, 5000000, 1);
    press(10, 10);
    EXPECT_EQ(convert(0xD0), 0);  // nothing understood
    EXPECT_EQ(esp_sim_xpt2046_violations(touch_, ESP_SIM_VIOLATION_SPI_MODE), 1u);
    EXPECT_STREQ(esp_sim_xpt2046_last_violation(touch_),
                 "wrong SPI mode: SPI mode 1: the XPT2046 latches DIN on the rising edge (mode 0 or 3)");
    ASSERT_EQ(spi_bus_remove_device(dev_), ESP_OK);
    spi_device_interface_config_t d = {};
    d.clock_speed_hz = 5000000;
    d.mode = 3;
    d.spics_io_num = kTouchCs;
    d.queue_size = 1;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &d, &dev_), ESP_OK);
    EXPECT_EQ(convert(0xD0), ideal(10, 10)[0]);
    EXPECT_EQ(esp_sim_xpt2046_warnings(touch_, ESP_SIM_WARNING_OVERCLOCK), 1u);
}

TEST_F(Xpt2046Test, SharesTheBusWithAPanelWhoseDmaIsInFlight) {
    attach();
    gpio_config_t io = {};
    io.pin_bit_mask = 1ULL << kDc;
    io.mode = GPIO_MODE_OUTPUT;
    ASSERT_EQ(gpio_config(&io), ESP_OK);
    esp_sim_panel_config_t pc = {};
    pc.module = ESP_SIM_MODULE_ST7789_240X320;
    pc.host = HSPI_HOST;
    pc.cs_io_num = kCs;
    pc.dc_io_num = kDc;
    pc.reset_io_num = pc.backlight_io_num = pc.power_io_num = -1;
    esp_sim_panel_t *panel = nullptr;
    ASSERT_EQ(esp_sim_panel_attach(&pc, &panel), ESP_OK);
    const spi_device_interface_config_t lcd_cfg = device_config(40000000, 2);
    spi_device_handle_t lcd = nullptr;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &lcd_cfg, &lcd), ESP_OK);
    // A long queued transaction for the panel (NOP bytes: D/C low), then a touch reading while it is on the bus.
    gpio_set_level(static_cast<gpio_num_t>(kDc), 0);
    uint8_t *pixels = dma_buffer(38400, 0x00);
    spi_transaction_t t = {};
    t.length = 38400 * 8;
    t.tx_buffer = pixels;
    const int64_t queued = esp_sim_now_ns();
    ASSERT_EQ(spi_device_queue_trans(lcd, &t, portMAX_DELAY), ESP_OK);
    press(50, 60);
    const int64_t pressed_at = esp_sim_now_ns();
    EXPECT_EQ(convert(0xD0), ideal(50, 60)[0]);
    esp_sim_xpt2046_state_t s = {};
    ASSERT_EQ(esp_sim_xpt2046_get_state(touch_, &s), ESP_OK);
    const int64_t dma_end = queued + 28000 + 38400LL * 8 * 1000000000 / 40000000;
    EXPECT_GE(s.last_transfer_ns, std::max(dma_end, pressed_at));  // waited for the bus (ESP-IDF's bus lock)
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(lcd, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(done, &t);
    EXPECT_EQ(esp_sim_dma_race_count(), 0u);
    // The pixels were NOPs to the panel (D/C low): no violation, and none from the touch controller.
    EXPECT_EQ(esp_sim_panel_violations(panel, ESP_SIM_VIOLATION_UNKNOWN_COMMAND), 0u);
    EXPECT_EQ(s.violations, 0u);
}

TEST_F(Xpt2046Test, StrokesAreChecked) {
    attach();
    EXPECT_EQ(esp_sim_xpt2046_stroke(touch_, 10, 10, 0, 0, 1, 1, 300), ESP_ERR_INVALID_ARG);       // no duration
    EXPECT_EQ(esp_sim_xpt2046_stroke(touch_, 0, 10, 0, 0, 240, 1, 300), ESP_ERR_INVALID_ARG);      // off the film
    EXPECT_EQ(esp_sim_xpt2046_stroke(touch_, 0, 10, 0, 0, 1, 1, 0), ESP_ERR_INVALID_ARG);          // no contact
    EXPECT_EQ(esp_sim_xpt2046_stroke(touch_, 0, 10, 0, 0, 1, 1, 300), ESP_OK);
    EXPECT_EQ(esp_sim_xpt2046_stroke(touch_, 5, 20, 0, 0, 1, 1, 300), ESP_ERR_INVALID_ARG);        // overlaps
    EXPECT_EQ(esp_sim_xpt2046_clear(touch_), ESP_OK);
    EXPECT_EQ(esp_sim_xpt2046_stroke(touch_, 5, 20, 0, 0, 1, 1, 300), ESP_OK);
    esp_sim_xpt2046_t *stale = touch_;
    ASSERT_EQ(esp_sim_xpt2046_detach(touch_), ESP_OK);
    EXPECT_EQ(esp_sim_xpt2046_stroke(stale, 30, 40, 0, 0, 1, 1, 300), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_xpt2046_detach(stale), ESP_ERR_INVALID_ARG);
}
