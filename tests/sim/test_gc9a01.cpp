// GC9A01 module: 240x240 round IPS glass, the rotations of TFT_eSPI's GC9A01_Rotation.h, its vendor initialisation.
#include "module_fixture.hpp"

namespace {

constexpr Rotation kRotations[4] = {{0, 0x00, 0, 0}, {90, 0x60, 0, 0}, {180, 0xC0, 0, 0}, {270, 0xA0, 0, 0}};

class Gc9a01Test : public ModuleTest {};

}  // namespace

TEST_F(Gc9a01Test, EveryRotationIsUpright) {
    attach(ESP_SIM_MODULE_GC9A01_240X240);
    wake(0x08, true);
    expect_rotations(*this, kRotations, 0x08);
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
}

TEST_F(Gc9a01Test, TheGlassIsRound) {
    attach(ESP_SIM_MODULE_GC9A01_240X240);
    wake(0x08, true);
    write_window(0, 0, 239, 239, std::vector<uint8_t>(240 * 240 * 2, 0xFF));
    std::vector<uint8_t> rgb(240 * 240 * 3);
    ASSERT_EQ(esp_sim_panel_render_rgb888(panel_, rgb.data()), ESP_OK);
    auto at = [&](int x, int y) { return rgb[(static_cast<size_t>(y) * 240 + x) * 3]; };
    EXPECT_EQ(at(120, 120), 255);
    EXPECT_EQ(at(120, 0), 255);   // the circle touches the edges
    EXPECT_EQ(at(0, 0), 0);       // no pixels in the corners
    EXPECT_EQ(at(239, 239), 0);
    EXPECT_EQ(view(0)[0], 0xFFFF);  // the view reads the GRAM behind them
}

TEST_F(Gc9a01Test, TheVendorInitialisationDecodes) {
    attach(ESP_SIM_MODULE_GC9A01_240X240);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(1);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(120);
    // The register writes every published GC9A01 initialisation makes (TFT_eSPI's GC9A01_Init.h).
    command(0xEF);
    command(0xEB, {0x14});
    command(0xFE);
    command(0xEF);
    command(0xEB, {0x14});
    for (uint8_t r = 0x84; r <= 0x8F; ++r) {
        command(r, {0x40});
    }
    command(0xB6, {0x00, 0x00});
    command(0x36, {0x08});
    command(0x3A, {0x05});
    command(0x90, {0x08, 0x08, 0x08, 0x08});
    command(0xBD, {0x06});
    command(0xBC, {0x00});
    command(0xFF, {0x60, 0x01, 0x04});
    command(0xC3, {0x13});
    command(0xC4, {0x13});
    command(0xC9, {0x22});
    command(0xBE, {0x11});
    command(0xE1, {0x10, 0x0E});
    command(0xDF, {0x21, 0x0C, 0x02});
    for (uint8_t r = 0xF0; r <= 0xF3; ++r) {
        command(r, {0x45, 0x09, 0x08, 0x08, 0x26, 0x2A});
    }
    command(0xED, {0x1B, 0x0B});
    command(0xAE, {0x77});
    command(0xCD, {0x63});
    command(0x70, {0x07, 0x07, 0x04, 0x0E, 0x0F, 0x09, 0x07, 0x08, 0x03});
    command(0xE8, {0x34});
    command(0x62, std::vector<uint8_t>(12, 0x18));
    command(0x63, std::vector<uint8_t>(12, 0x18));
    command(0x64, std::vector<uint8_t>(7, 0x28));
    command(0x66, std::vector<uint8_t>(10, 0x3C));
    command(0x67, std::vector<uint8_t>(10, 0x00));
    command(0x74, std::vector<uint8_t>(7, 0x10));
    command(0x98, {0x3E, 0x07});
    command(0x35);
    command(0x21);
    command(0x11);
    delay_ms(120);
    command(0x29);
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
    EXPECT_EQ(state().colmod, 0x05);
    // lv_binding's gc9a01 sends a data byte after the parameterless ones: ignored, a warning only.
    command(0xFE, {0x00});
    EXPECT_EQ(esp_sim_panel_warnings(panel_, ESP_SIM_WARNING_IGNORED_DATA), 1u);
    EXPECT_EQ(violations(), 0u);
}
