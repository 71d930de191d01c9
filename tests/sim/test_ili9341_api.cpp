// esp_sim_ili9341_* is the ILI9341 module of the panel models: the same traffic gives the same glass, GRAM and state
// through both APIs; the older API counts its own warning kinds only, and the SPI-mode violation.
#include <string>
#include <vector>

#include "esp_sim_panel.h"
#include "sim_fixture.hpp"

namespace {

constexpr int kTwinCs = 15;

// An ILI9341 through esp_sim_ili9341_* on CS 13 (PanelTest) and its twin through esp_sim_panel_* on CS 15, on one bus
// and one D/C pin; each command goes to both.
class Ili9341ApiTest : public PanelTest {
protected:
    void SetUp() override {
        PanelTest::SetUp();
        esp_sim_panel_config_t pc = {};
        pc.module = ESP_SIM_MODULE_ILI9341_240X320;
        pc.host = HSPI_HOST;
        pc.cs_io_num = kTwinCs;
        pc.dc_io_num = kDc;
        pc.reset_io_num = kRst;
        pc.backlight_io_num = kBacklight;
        pc.power_io_num = -1;
        pc.seed = 1;
        ASSERT_EQ(esp_sim_panel_attach(&pc, &twin_), ESP_OK);
        spi_device_interface_config_t cfg = device_config(40000000, 4);
        cfg.spics_io_num = kTwinCs;
        ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &twin_dev_), ESP_OK);
    }
    void both(uint8_t cmd, const std::vector<uint8_t> &params = {}) {
        send_command(dev_, cmd, params);
        send_command(twin_dev_, cmd, params);
    }
    // A device on the panel's CS with another clock or mode, instead of dev_.
    void replace_device(int hz, int mode) {
        ASSERT_EQ(spi_bus_remove_device(dev_), ESP_OK);
        spi_device_interface_config_t cfg = device_config(hz, 4);
        cfg.mode = mode;
        ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev_), ESP_OK);
    }

    esp_sim_panel_t *twin_ = nullptr;
    spi_device_handle_t twin_dev_ = nullptr;
};

std::vector<uint8_t> pattern(int w, int h) {
    std::vector<uint8_t> px(static_cast<size_t>(w) * h * 2);
    for (size_t i = 0; i < px.size(); i += 2) {
        const uint16_t v = static_cast<uint16_t>(i * 40503u >> 3);
        px[i] = static_cast<uint8_t>(v >> 8);
        px[i + 1] = static_cast<uint8_t>(v);
    }
    return px;
}

}  // namespace

TEST_F(Ili9341ApiTest, BothApisShowTheSameGlassGramAndState) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(120);
    both(0x3A, {0x55});
    both(0x36, {0x28});  // landscape: MV|BGR
    both(0x11);
    delay_ms(5);
    both(0x29);
    both(0x2A, {0, 10, 0, 109});  // 100 x 60 at (10, 20) of the 320x240 address space
    both(0x2B, {0, 20, 0, 79});
    const std::vector<uint8_t> image = pattern(100, 60);
    both(0x2C, image);

    std::vector<uint8_t> glass(240 * 320 * 3), twin_glass(240 * 320 * 3);
    ASSERT_EQ(esp_sim_ili9341_render_rgb888(panel_, glass.data()), ESP_OK);
    ASSERT_EQ(esp_sim_panel_render_rgb888(twin_, twin_glass.data()), ESP_OK);
    EXPECT_EQ(glass, twin_glass);

    // GRAM: RGB565 here, the 6-bit levels there.
    std::vector<uint16_t> gram(240 * 320);
    std::vector<uint8_t> levels(240 * 320 * 3);
    ASSERT_EQ(esp_sim_ili9341_read_gram_rgb565(panel_, gram.data()), ESP_OK);
    ASSERT_EQ(esp_sim_panel_read_gram_rgb666(twin_, 0, 0, 240, 320, levels.data()), ESP_OK);
    for (size_t i = 0; i < gram.size(); ++i) {
        const uint8_t *c = &levels[3 * i];
        ASSERT_EQ(gram[i], ((c[0] >> 1) << 11) | (c[1] << 5) | (c[2] >> 1)) << "GRAM cell " << i;
    }

    // Through MADCTL, the window reads back as the image.
    std::vector<uint16_t> logical(100 * 60);
    ASSERT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 10, 20, 100, 60, logical.data()), ESP_OK);
    for (size_t i = 0; i < logical.size(); ++i) {
        ASSERT_EQ(logical[i], (image[2 * i] << 8) | image[2 * i + 1]) << "pixel " << i;
    }
    // Beyond the rotated address space (320 columns, 240 rows): refused.
    EXPECT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 0, 0, 321, 1, logical.data()), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 0, 200, 100, 60, logical.data()), ESP_ERR_INVALID_ARG);

    const esp_sim_ili9341_state_t s = state();
    esp_sim_panel_state_t t = {};
    ASSERT_EQ(esp_sim_panel_get_state(twin_, &t), ESP_OK);
    EXPECT_EQ(s.awake, t.awake);
    EXPECT_EQ(s.display_on, t.display_on);
    EXPECT_EQ(s.madctl, 0x28);
    EXPECT_EQ(s.madctl, t.madctl);
    EXPECT_EQ(s.colmod, t.colmod);
    EXPECT_EQ(s.col_start, 10);
    EXPECT_EQ(s.col_end, 109);
    EXPECT_EQ(s.page_start, t.row_start);
    EXPECT_EQ(s.page_end, t.row_end);
    EXPECT_EQ(s.page_start, 20);
    EXPECT_EQ(s.commands, t.commands);
    EXPECT_EQ(s.pixels_written, 6000u);
    EXPECT_EQ(s.pixels_written, t.pixels_written);
    EXPECT_EQ(s.violations, 0u);
    EXPECT_EQ(t.violations, 0u);
}

// At 40 MHz (the ILI9341's datasheet says 10) the panel API warns about the clock; the older API counts only its
// two kinds, in its totals and in its latest warning.
TEST_F(Ili9341ApiTest, TheClockWarningIsNotCountedByTheOlderApi) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(105);
    both(0x11, {0x00});  // early, and a data byte it does not take
    delay_ms(5);
    EXPECT_EQ(esp_sim_panel_warnings(twin_, ESP_SIM_WARNING_OVERCLOCK), 1u);
    EXPECT_EQ(esp_sim_panel_warnings(twin_, ESP_SIM_WARNING_EARLY_SLPOUT), 1u);
    EXPECT_EQ(esp_sim_ili9341_warnings(panel_, ESP_SIM_ILI9341_WARN_EARLY_SLPOUT), 1u);
    EXPECT_EQ(esp_sim_ili9341_warnings(panel_, ESP_SIM_ILI9341_WARN_IGNORED_DATA), 1u);
    esp_sim_panel_state_t t = {};
    ASSERT_EQ(esp_sim_panel_get_state(twin_, &t), ESP_OK);
    EXPECT_EQ(t.warnings, 3u);
    EXPECT_EQ(state().warnings, 2u);
    EXPECT_EQ(esp_sim_ili9341_warning_total(panel_), 2u);
    EXPECT_STREQ(esp_sim_ili9341_last_warning(panel_),
                 "ignored data: data byte 0x00 after SLPOUT, which takes no parameters: ignored");

    // Another clock, still above the limit: a new clock warning is the model's latest, not the older API's.
    replace_device(20000000, 0);
    send_command(dev_, 0x00);
    EXPECT_STREQ(esp_sim_ili9341_last_warning(panel_),
                 "ignored data: data byte 0x00 after SLPOUT, which takes no parameters: ignored");
    EXPECT_EQ(esp_sim_ili9341_warning_total(panel_), 2u);
    EXPECT_STREQ(esp_sim_ili9341_warning_name(static_cast<esp_sim_ili9341_warning_t>(2)), "invalid kind");
    EXPECT_EQ(esp_sim_ili9341_warnings(panel_, static_cast<esp_sim_ili9341_warning_t>(2)), 0u);
}

TEST_F(Ili9341ApiTest, TheEarlySleepOutWarningSaysWhenAfterTheReset) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(110);
    command(0x11);
    const std::string warning = esp_sim_ili9341_last_warning(panel_);
    const std::string tail = " ms after the pin reset (the datasheet asks for 120 ms)";
    EXPECT_EQ(warning.rfind("early sleep out: SLPOUT 110.0", 0), 0u) << warning;  // plus the transaction's set-up
    ASSERT_GT(warning.size(), tail.size());
    EXPECT_EQ(warning.substr(warning.size() - tail.size()), tail);
}

// The older model decoded any SPI mode; the ILI9341 samples on the rising edge, so modes 1 and 2 are a violation
// through both APIs, and nothing is decoded.
TEST_F(Ili9341ApiTest, SpiModeOneIsAViolation) {
    init_sequence();
    const uint32_t commands = state().commands;
    replace_device(40000000, 1);
    command(0x28);
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_SPI_MODE), 1u);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 1u);
    EXPECT_STREQ(esp_sim_ili9341_violation_name(ESP_SIM_ILI9341_SPI_MODE), "wrong SPI mode");
    EXPECT_EQ(state().commands, commands);
    EXPECT_TRUE(state().display_on);
}
