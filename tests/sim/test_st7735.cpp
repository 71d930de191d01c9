// ST7735 modules: the 128x160 and 80x160 glasses in the 132x162 GRAM (TFT_eSPI's ST7735_Rotation.h offsets for
// its green tab 2 and 160x80 variants), no memory write continue, 120 ms after SWRESET.
#include "module_fixture.hpp"

namespace {

// MADCTL per rotation: MX|MY, MY|MV, 0, MX|MV (the glass is mounted upside down).
constexpr Rotation k128x160[4] = {{0, 0xC0, 2, 1}, {90, 0xA0, 1, 2}, {180, 0x00, 2, 1}, {270, 0x60, 1, 2}};
constexpr Rotation k80x160[4] = {{0, 0xC0, 26, 1}, {90, 0xA0, 1, 26}, {180, 0x00, 26, 1}, {270, 0x60, 1, 26}};

class St7735Test : public ModuleTest {};

}  // namespace

TEST_F(St7735Test, EveryRotationOf128x160HasItsOffsets) {
    attach(ESP_SIM_MODULE_ST7735_128X160);
    wake(0xC8, false);
    expect_rotations(*this, k128x160, 0x08);
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
}

TEST_F(St7735Test, EveryRotationOf80x160HasItsOffsets) {
    attach(ESP_SIM_MODULE_ST7735_80X160);
    wake(0xC8, true);
    expect_rotations(*this, k80x160, 0x08);
    EXPECT_EQ(violations(), 0u) << esp_sim_panel_last_violation(panel_);
}

TEST_F(St7735Test, ThereIsNoMemoryWriteContinue) {
    attach(ESP_SIM_MODULE_ST7735_128X160);
    wake(0xC8, false);
    command(0x3C);
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_UNKNOWN_COMMAND), 1u);
}

TEST_F(St7735Test, SoftwareResetNeeds120Ms) {
    attach(ESP_SIM_MODULE_ST7735_128X160);
    wake(0xC8, false);
    command(0x01);
    delay_ms(6);
    command(0x11);  // 5 ms is enough for an ST7789, not for an ST7735
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_TIMING), 2u);  // too early, and SLPOUT too soon
    EXPECT_EQ(violations(), 2u);
}

TEST_F(St7735Test, AWindowBeyondTheGramIsIgnored) {
    attach(ESP_SIM_MODULE_ST7735_128X160);
    wake(0xC8, false);
    command(0x2A, {0x00, 0x00, 0x00, 132});  // columns 0-132 of 0-131
    EXPECT_EQ(esp_sim_panel_violations(panel_, ESP_SIM_VIOLATION_BAD_PARAM), 1u);
    EXPECT_STREQ(esp_sim_panel_last_violation(panel_), "bad parameter: CASET 0..132 outside 0..131: ignored");
}
