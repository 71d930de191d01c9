// ILI9488 module: 320x480, 18-bit pixels only on the serial interface (3 bytes each), the ILI9341's rotations
// (TFT_eSPI's ILI9488_Rotation.h), its serial clock limit.
#include "module_fixture.hpp"

namespace {

constexpr Rotation kRotations[4] = {{0, 0x40, 0, 0}, {90, 0x20, 0, 0}, {180, 0x80, 0, 0}, {270, 0xE0, 0, 0}};

class Ili9488Test : public ModuleTest {};

}  // namespace

TEST_F(Ili9488Test, EveryRotationIsUprightInEighteenBit) {
    attach(ESP_SIM_MODULE_ILI9488_320X480);
    wake(0x48, false, 0x66);
    expect_rotations(*this, kRotations, 0x08, true);
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
}

TEST_F(Ili9488Test, SixteenBitPixelsAreRefusedOnSpi) {
    attach(ESP_SIM_MODULE_ILI9488_320X480);
    wake(0x48, false, 0x55);
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_BAD_PARAM), 1u);
    EXPECT_STREQ(esp_sim_panel_last_violation(panel_),
                 "bad parameter: COLMOD 0x55: the ILI9488's serial interface does not take this pixel format");
    EXPECT_EQ(state().colmod, 0x66);
    // RGB565 sent anyway is read three bytes at a time: the picture is wrong.
    const std::vector<uint8_t> image = pattern(320, 480, 4);
    write_window(0, 0, 319, 479, image);
    EXPECT_NE(view(0), native(image));
}

TEST_F(Ili9488Test, EighteenBitPixelsAreStoredExactly) {
    attach(ESP_SIM_MODULE_ILI9488_320X480);
    wake(0x48, false, 0x66);
    // Every 6-bit level of each channel, the two low bits of each byte set (they are not stored).
    std::vector<uint8_t> wire;
    for (int v = 0; v < 64; ++v) {
        wire.insert(wire.end(), {static_cast<uint8_t>(v << 2 | 3), static_cast<uint8_t>((63 - v) << 2 | 1),
                                 static_cast<uint8_t>(v << 2 | 2)});
    }
    write_window(0, 0, 63, 0, wire);
    uint8_t gram[64 * 3];
    // MADCTL MX: column c of the window is GRAM column 319-c.
    ASSERT_EQ(esp_sim_panel_read_gram_rgb666(panel_, 256, 0, 64, 1, gram), ESP_OK);
    for (int v = 0; v < 64; ++v) {
        const uint8_t *px = gram + (63 - v) * 3;
        EXPECT_EQ(px[0], v);
        EXPECT_EQ(px[1], 63 - v);
        EXPECT_EQ(px[2], v);
    }
    EXPECT_EQ(violations(), 0u);
}

TEST_F(Ili9488Test, TwentyMegahertzIsTheDatasheetLimit) {
    attach(ESP_SIM_MODULE_ILI9488_320X480, -1, 20000000);
    wake(0x48, false, 0x66);
    EXPECT_EQ(state().warnings, 0u);
    EXPECT_EQ(state().max_serial_hz, 20000000);
    ASSERT_EQ(spi_bus_remove_device(dev_), ESP_OK);
    const spi_device_interface_config_t cfg = device_config(40000000, 4);
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev_), ESP_OK);
    command(0x00);
    EXPECT_EQ(esp_sim_panel_warnings(panel_, ESP_SIM_WARNING_OVERCLOCK), 1u);
    EXPECT_EQ(violations(), 0u);
}
