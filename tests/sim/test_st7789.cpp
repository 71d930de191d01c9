// ST7789 modules: the rotations and GRAM offsets of the 240x320, 240x240 and 135x240 glasses (TFT_eSPI's
// ST7789_Rotation.h), memory write continue, pixel formats, the checks a wrong SPI mode, clock or supply trips.
#include "module_fixture.hpp"

namespace {

// MADCTL per rotation: 0, MX|MV, MX|MY, MV|MY; offsets where the glass is smaller than the 240x320 GRAM.
constexpr Rotation kFull[4] = {{0, 0x00, 0, 0}, {90, 0x60, 0, 0}, {180, 0xC0, 0, 0}, {270, 0xA0, 0, 0}};
constexpr Rotation k240x240[4] = {{0, 0x00, 0, 0}, {90, 0x60, 0, 0}, {180, 0xC0, 0, 80}, {270, 0xA0, 80, 0}};
constexpr Rotation k135x240[4] = {{0, 0x00, 52, 40}, {90, 0x60, 40, 53}, {180, 0xC0, 53, 40}, {270, 0xA0, 40, 52}};

class St7789Test : public ModuleTest {};

}  // namespace

TEST_F(St7789Test, EveryRotationOf240x320IsUpright) {
    attach(ESP_SIM_MODULE_ST7789_240X320);
    wake(0x00, true);
    expect_rotations(*this, kFull, 0x00);  // RGB filter
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
}

TEST_F(St7789Test, EveryRotationOf240x240NeedsItsRowOffset) {
    attach(ESP_SIM_MODULE_ST7789_240X240);
    wake(0x08, true);
    expect_rotations(*this, k240x240, 0x08);  // BGR filter
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
    // Without the offset, rotation 180 draws into GRAM rows 80-319: the glass shows 80 rows of something else.
    const std::vector<uint8_t> image = pattern(240, 240, 5);
    command(0x36, {0xC8});
    write_window(0, 0, 239, 239, image);
    EXPECT_NE(view(180), native(image));
}

TEST_F(St7789Test, EveryRotationOf135x240HasItsOwnOffsets) {
    attach(ESP_SIM_MODULE_ST7789_135X240);
    wake(0x08, true);
    expect_rotations(*this, k135x240, 0x08);
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
}

TEST_F(St7789Test, IpsGlassShowsInvertedColoursWithoutInvon) {
    attach(ESP_SIM_MODULE_ST7789_240X320);
    wake(0x00, false);
    const std::vector<uint8_t> image = pattern(240, 320, 1);
    write_window(0, 0, 239, 319, image);
    std::vector<uint16_t> expected = native(image);
    for (uint16_t &v : expected) {
        v = static_cast<uint16_t>(~v);
    }
    EXPECT_EQ(view(0), expected);
}

TEST_F(St7789Test, MemoryWriteContinueGoesOnWhereRamwrStopped) {
    attach(ESP_SIM_MODULE_ST7789_240X320);
    wake(0x00, true);
    const std::vector<uint8_t> image = pattern(240, 320, 2);
    const size_t half = image.size() / 2;
    write_window(0, 0, 239, 319, std::vector<uint8_t>(image.begin(), image.begin() + half));
    command(0x3C);
    data(std::vector<uint8_t>(image.begin() + half, image.end()));
    EXPECT_EQ(view(0), native(image));
    EXPECT_EQ(violations(), 0u);
}

TEST_F(St7789Test, TwelveAndEighteenBitPixels) {
    attach(ESP_SIM_MODULE_ST7789_240X320);
    wake(0x00, true, 0x53);
    // 12 bit: two pixels in three bytes, 4-bit fields widened by their top bits.
    write_window(10, 20, 11, 20, {0xF0, 0x0F, 0x5A});
    uint8_t gram[6];
    ASSERT_EQ(esp_sim_panel_read_gram_rgb666(panel_, 10, 20, 2, 1, gram), ESP_OK);
    EXPECT_EQ(std::vector<uint8_t>(gram, gram + 6), (std::vector<uint8_t>{63, 0, 0, 63, 21, 42}));
    command(0x3A, {0x66});
    write_window(10, 20, 10, 20, {0x84, 0x08, 0xFC});
    ASSERT_EQ(esp_sim_panel_read_gram_rgb666(panel_, 10, 20, 1, 1, gram), ESP_OK);
    EXPECT_EQ(std::vector<uint8_t>(gram, gram + 3), (std::vector<uint8_t>{33, 2, 63}));
    EXPECT_EQ(violations(), 0u);
}

TEST_F(St7789Test, CommandsOfOtherControllersAreUnknown) {
    attach(ESP_SIM_MODULE_ST7789_240X320);
    wake(0x00, true);
    command(0xB6, {0x0A, 0x82});  // TFT_eSPI's ST7789 init sends this ILI9341 command (from a JLX240 datasheet)
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_UNKNOWN_COMMAND), 1u);
    EXPECT_STREQ(esp_sim_panel_last_violation(panel_), "unknown command: ST7789 has no command 0xB6");
}

TEST_F(St7789Test, SpiMode3WorksMode1IsAViolation) {
    attach(ESP_SIM_MODULE_ST7789_240X320, -1, 40000000, 3);
    wake(0x00, true);
    EXPECT_EQ(violations(), 0u);
    EXPECT_TRUE(state().display_on);
    ASSERT_EQ(spi_bus_remove_device(dev_), ESP_OK);
    spi_device_interface_config_t cfg = device_config(40000000, 4);
    cfg.mode = 1;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev_), ESP_OK);
    command(0x28);
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_SPI_MODE), 1u);
    EXPECT_TRUE(state().display_on);  // the byte was not understood
}

TEST_F(St7789Test, AClockAboveTheDatasheetIsAWarning) {
    attach(ESP_SIM_MODULE_ST7789_240X320, -1, 80000000);
    wake(0x00, true);
    EXPECT_EQ(violations(), 0u);
    EXPECT_EQ(esp_sim_panel_warnings(panel_, ESP_SIM_WARNING_OVERCLOCK), 1u);  // once per clock, not per transfer
    EXPECT_EQ(state().max_serial_hz, 62500000);
    EXPECT_STREQ(esp_sim_panel_last_warning(panel_),
                 "clock above the datasheet's: 80.00 MHz, the ST7789 datasheet's limit is 62.50 MHz");
}

TEST_F(St7789Test, TheSupplyPinPowersTheModule) {
    attach(ESP_SIM_MODULE_ST7789_240X320, kPower);
    EXPECT_FALSE(state().powered);
    command(0x11);
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_DURING_RESET), 1u);
    gpio_set_level(static_cast<gpio_num_t>(kPower), 1);
    EXPECT_TRUE(state().powered);
    delay_ms(6);
    command(0x11);  // power-on is a reset: 120 ms before sleep out
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_TIMING), 1u);
    wake(0x00, true);
    const std::vector<uint8_t> image = pattern(240, 320, 3);
    write_window(0, 0, 239, 319, image);
    EXPECT_EQ(view(0), native(image));
    // Off and on again: the picture is gone (GRAM random again) and the panel asleep.
    gpio_set_level(static_cast<gpio_num_t>(kPower), 0);
    EXPECT_EQ(view(0), std::vector<uint16_t>(240 * 320, 0));
    delay_ms(10);
    gpio_set_level(static_cast<gpio_num_t>(kPower), 1);
    EXPECT_FALSE(state().awake);
    wake(0x00, true);
    EXPECT_NE(view(0), native(image));
}
