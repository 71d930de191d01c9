// The REFERENCE.md initialisation sequence, resets and the sleep timing rules of the ILI9341 model.
#include "sim_fixture.hpp"

TEST_F(PanelTest, InitSequenceLeavesThePanelAwakeOnAnd16Bit) {
    init_sequence();
    const esp_sim_ili9341_state_t s = state();
    EXPECT_TRUE(s.awake);
    EXPECT_TRUE(s.display_on);
    EXPECT_FALSE(s.in_reset);
    EXPECT_EQ(s.colmod, 0x55);
    EXPECT_EQ(s.madctl, 0x48);
    EXPECT_EQ(s.col_end, 239);
    EXPECT_EQ(s.page_end, 319);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 0u) << esp_sim_ili9341_last_violation(panel_);
    // Power, gamma and vendor commands are recorded.
    uint8_t gamma[15];
    ASSERT_EQ(esp_sim_ili9341_get_params(panel_, 0xE0, gamma, sizeof gamma), 15);
    EXPECT_EQ(gamma[0], 0x1F);
    EXPECT_EQ(gamma[14], 0x00);
    uint8_t pwr[4];
    ASSERT_EQ(esp_sim_ili9341_get_params(panel_, 0xED, pwr, sizeof pwr), 4);
    EXPECT_EQ(pwr[3], 0x81);
    EXPECT_EQ(esp_sim_ili9341_get_params(panel_, 0xD9, nullptr, 0), -1);
}

TEST_F(PanelTest, HardwareResetClearsMadctlButSoftwareResetKeepsIt) {
    init_sequence();
    command(0x01);  // SWRESET
    delay_ms(5);
    esp_sim_ili9341_state_t s = state();
    EXPECT_FALSE(s.awake);
    EXPECT_FALSE(s.display_on);
    EXPECT_EQ(s.madctl, 0x48);
    EXPECT_EQ(s.colmod, 0x66);
    hardware_reset();
    s = state();
    EXPECT_EQ(s.madctl, 0x00);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 0u) << esp_sim_ili9341_last_violation(panel_);
}

TEST_F(PanelTest, CommandsTooSoonAfterResetOrSleepChangeAreTimingViolations) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    command(0x36, {0x48});  // < 5 ms after reset
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 1u);
    delay_ms(10);
    command(0x11);  // SLPOUT only ~10 ms after reset: needs 120 ms
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 2u);
    command(0x29);  // < 5 ms after SLPOUT
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 3u);
    delay_ms(10);
    command(0x10);  // SLPIN < 120 ms after SLPOUT
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 4u);
    delay_ms(130);
    command(0x11);
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 4u);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 4u);
}

TEST_F(PanelTest, ResetPulseShorterThan10usIsIgnored) {
    init_sequence();
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    ASSERT_EQ(esp_sim_advance_ns(5000), ESP_OK);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    const esp_sim_ili9341_state_t s = state();
    EXPECT_TRUE(s.awake);  // no reset happened
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 1u);
}

// The 2019 lv_binding driver's init: RESX low 100 ms, high, 100 ms, the sequence, then SLPOUT and DISPON each
// followed by a 0x00 data byte and 100 ms. Panels accept it: three warnings, no violation.
TEST_F(PanelTest, The2019InitQuirksAreWarningsNotViolations) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(100);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(100);
    command(0x3A, {0x55});
    command(0x36, {0x48});
    command(0x11, {0x00});  // SLPOUT ~100 ms after the reset, with a data byte it does not take
    delay_ms(100);
    command(0x29, {0x00});
    delay_ms(100);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 0u) << esp_sim_ili9341_last_violation(panel_);
    EXPECT_EQ(esp_sim_ili9341_warnings(panel_, ESP_SIM_ILI9341_WARN_IGNORED_DATA), 2u);
    EXPECT_EQ(esp_sim_ili9341_warnings(panel_, ESP_SIM_ILI9341_WARN_EARLY_SLPOUT), 1u);
    EXPECT_EQ(esp_sim_ili9341_warning_total(panel_), 3u);
    EXPECT_STREQ(esp_sim_ili9341_last_warning(panel_),
                 "ignored data: data byte 0x00 after DISPON, which takes no parameters: ignored");
    EXPECT_STREQ(esp_sim_ili9341_warning_name(ESP_SIM_ILI9341_WARN_EARLY_SLPOUT), "early sleep out");
    const esp_sim_ili9341_state_t s = state();
    EXPECT_TRUE(s.awake);
    EXPECT_TRUE(s.display_on);
    EXPECT_EQ(s.warnings, 3u);
    EXPECT_EQ(s.violations, 0u);
}

// Below 100 ms after the reset, SLPOUT stays a timing violation; a parameter too many for a command that takes
// parameters stays one too.
TEST_F(PanelTest, EarlierSlpoutAndExtraParametersStayViolations) {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(99);
    command(0x11);
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_TIMING), 1u);
    EXPECT_EQ(esp_sim_ili9341_warning_total(panel_), 0u);
    delay_ms(10);
    command(0x3A, {0x55, 0x00});
    EXPECT_EQ(esp_sim_ili9341_violations(panel_, ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND), 1u);
    EXPECT_EQ(esp_sim_ili9341_warning_total(panel_), 0u);
}
