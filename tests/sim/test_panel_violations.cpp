// Each protocol violation kind is counted, and only that kind.
#include "sim_fixture.hpp"

namespace {

void expect_only(esp_sim_ili9341_t *panel, esp_sim_ili9341_violation_t kind) {
    EXPECT_EQ(esp_sim_ili9341_violations(panel, kind), 1u) << esp_sim_ili9341_violation_name(kind);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel), 1u) << esp_sim_ili9341_last_violation(panel);
}

}  // namespace

TEST_F(PanelTest, UnknownCommand) {
    init_sequence();
    command(0xFE, {0x01, 0x02});  // its parameters are not counted again
    expect_only(panel_, ESP_SIM_ILI9341_UNKNOWN_COMMAND);
}

TEST_F(PanelTest, DataWithoutCommand) {
    hardware_reset();
    data({0x12});
    expect_only(panel_, ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND);
}

TEST_F(PanelTest, ExtraParameterIsDataWithoutCommand) {
    init_sequence();
    command(0x36, {0x48, 0x00});
    expect_only(panel_, ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND);
}

TEST_F(PanelTest, ShortParameterList) {
    init_sequence();
    command(0x2A, {0x00, 0x00});
    command(0x00);  // the next command ends CASET early
    expect_only(panel_, ESP_SIM_ILI9341_SHORT_PARAMS);
}

TEST_F(PanelTest, PixelsWhileAsleep) {
    hardware_reset();
    command(0x2A, {0, 0, 0, 1});
    command(0x2B, {0, 0, 0, 1});
    command(0x2C, {0x12, 0x34, 0x56});  // one 18-bit pixel: COLMOD is 0x66 after reset
    expect_only(panel_, ESP_SIM_ILI9341_PIXELS_ASLEEP);
}

TEST_F(PanelTest, PixelsBeforeAWindow) {
    hardware_reset();
    command(0x11);
    delay_ms(120);
    command(0x2C, {0x12, 0x34, 0x56});
    expect_only(panel_, ESP_SIM_ILI9341_NO_WINDOW);
}

TEST_F(PanelTest, BytesWhileResetIsHeld) {
    init_sequence();
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    command(0x29);
    expect_only(panel_, ESP_SIM_ILI9341_DURING_RESET);
}

TEST_F(PanelTest, OutOfRangeWindowIsIgnored) {
    init_sequence();
    command(0x2A, {0, 0, 0, 240});  // 240 > 239 with MV=0
    expect_only(panel_, ESP_SIM_ILI9341_BAD_PARAM);
    EXPECT_EQ(state().col_end, 239);
    command(0x36, {0x28});  // MV=1: columns go to 319
    command(0x2A, {0, 0, 1, 0x3F});
    EXPECT_EQ(state().col_end, 319);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 1u);
}

TEST_F(PanelTest, UnsupportedPixelFormat) {
    init_sequence();
    command(0x3A, {0x11});
    expect_only(panel_, ESP_SIM_ILI9341_BAD_PARAM);
    EXPECT_EQ(state().colmod, 0x55);
}

TEST_F(PanelTest, BadHandlesAreRefused) {
    esp_sim_ili9341_state_t s;
    EXPECT_EQ(esp_sim_ili9341_get_state(nullptr, &s), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_ili9341_violation_total(nullptr), 0u);
    esp_sim_ili9341_config_t pc = {};
    pc.host = HSPI_HOST;
    pc.cs_io_num = kCs;
    pc.dc_io_num = kDc;
    pc.reset_io_num = -1;
    pc.backlight_io_num = -1;
    esp_sim_ili9341_t *other = nullptr;
    EXPECT_EQ(esp_sim_ili9341_attach(&pc, &other), ESP_ERR_INVALID_STATE);  // CS 13 already has a panel
    pc.dc_io_num = 34;
    EXPECT_EQ(esp_sim_ili9341_attach(&pc, &other), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_ili9341_detach(panel_), ESP_OK);
    EXPECT_EQ(esp_sim_ili9341_detach(panel_), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_ili9341_get_state(panel_, &s), ESP_ERR_INVALID_ARG);
    panel_ = nullptr;
}
