// What the glass shows: colours in BGR mode, inversion, black when off, asleep or unlit; PNG output via lodepng.
#include <lodepng.h>

#include <cstdio>
#include <functional>
#include <string>

#include "sim_fixture.hpp"

namespace {

// Fills the whole panel with one RGB565 colour through MADCTL 0x48 (the usual portrait setting).
void fill(PanelTest *, const std::function<void(uint8_t, std::vector<uint8_t>)> &cmd, uint16_t colour) {
    cmd(0x2A, {0, 0, 0, 239});
    cmd(0x2B, {0, 0, 1, 63});
    std::vector<uint8_t> px(240 * 320 * 2);
    for (size_t i = 0; i < px.size(); i += 2) {
        px[i] = static_cast<uint8_t>(colour >> 8);
        px[i + 1] = static_cast<uint8_t>(colour);
    }
    cmd(0x2C, px);
}

}  // namespace

class PanelRenderTest : public PanelTest {
protected:
    void fill_with(uint16_t colour) {
        fill(this, [this](uint8_t c, std::vector<uint8_t> p) { command(c, std::move(p)); }, colour);
    }
    std::vector<uint8_t> glass() {
        std::vector<uint8_t> rgb(240 * 320 * 3);
        EXPECT_EQ(esp_sim_ili9341_render_rgb888(panel_, rgb.data()), ESP_OK);
        return rgb;
    }
};

TEST_F(PanelRenderTest, RedIsRedInBgrModeAndInvertedByInvon) {
    init_sequence();
    fill_with(0xF800);
    std::vector<uint8_t> rgb = glass();
    EXPECT_EQ(rgb[0], 255);
    EXPECT_EQ(rgb[1], 0);
    EXPECT_EQ(rgb[2], 0);
    command(0x21);  // INVON
    rgb = glass();
    EXPECT_EQ(rgb[0], 0);
    EXPECT_EQ(rgb[1], 255);
    EXPECT_EQ(rgb[2], 255);
    command(0x20);
    command(0x36, {0x40});  // RGB order: red data drives the blue subpixels
    rgb = glass();
    EXPECT_EQ(rgb[0], 0);
    EXPECT_EQ(rgb[2], 255);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 0u) << esp_sim_ili9341_last_violation(panel_);
}

TEST_F(PanelRenderTest, GlassIsBlackWhenOffAsleepOrUnlit) {
    init_sequence();
    fill_with(0xFFFF);
    const uint64_t lit = esp_sim_ili9341_glass_hash(panel_);
    command(0x28);  // DISPOFF
    const uint64_t off = esp_sim_ili9341_glass_hash(panel_);
    EXPECT_NE(off, lit);
    EXPECT_EQ(glass()[1000], 0);
    command(0x29);
    EXPECT_EQ(esp_sim_ili9341_glass_hash(panel_), lit);
    gpio_set_level(static_cast<gpio_num_t>(kBacklight), 0);
    EXPECT_EQ(esp_sim_ili9341_glass_hash(panel_), off);
    esp_sim_ili9341_state_t s = state();
    EXPECT_FALSE(s.backlight_on);
    gpio_set_level(static_cast<gpio_num_t>(kBacklight), 1);
    delay_ms(10);
    command(0x10);  // SLPIN
    EXPECT_EQ(esp_sim_ili9341_glass_hash(panel_), off);
}

TEST_F(PanelRenderTest, PortraitMadctlShowsTheImageUpright) {
    init_sequence();  // MADCTL 0x48
    fill_with(0x0000);
    command(0x2A, {0, 0, 0, 0});
    command(0x2B, {0, 0, 0, 0});
    command(0x2C, {0xFF, 0xFF});  // logical (0,0) in white
    const std::vector<uint8_t> rgb = glass();
    EXPECT_EQ(rgb[0], 255);  // top-left of the glass
    EXPECT_EQ(rgb[(239) * 3], 0);
}

TEST_F(PanelRenderTest, WritesAPngThatDecodesToTheGlass) {
    init_sequence();
    fill_with(0x07E0);
    const std::string path = testing::TempDir() + "sim_panel_test.png";
    ASSERT_EQ(esp_sim_ili9341_write_png(panel_, path.c_str()), ESP_OK);
    unsigned char *decoded = nullptr;
    unsigned w = 0, h = 0;
    ASSERT_EQ(lodepng_decode24_file(&decoded, &w, &h, path.c_str()), 0u);
    EXPECT_EQ(w, 240u);
    EXPECT_EQ(h, 320u);
    const std::vector<uint8_t> rgb = glass();
    EXPECT_EQ(std::vector<uint8_t>(decoded, decoded + w * h * 3), rgb);
    EXPECT_EQ(rgb[1], 255);
    free(decoded);
    std::remove(path.c_str());
    EXPECT_EQ(esp_sim_ili9341_write_png(panel_, "/nonexistent-dir/x.png"), ESP_FAIL);
    EXPECT_EQ(esp_sim_ili9341_write_png(panel_, nullptr), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_ili9341_write_png(nullptr, path.c_str()), ESP_ERR_INVALID_ARG);
}

TEST_F(PanelRenderTest, TheFourUsualRotationsPutTheOriginInSuccessiveCorners) {
    init_sequence();
    // MADCTL of portrait, landscape, portrait flipped, landscape flipped; glass pixel (x, y) of logical (0, 0).
    const struct {
        uint8_t madctl;
        int x, y;
    } rotations[] = {{0x48, 0, 0}, {0x28, 239, 0}, {0x88, 239, 319}, {0xE8, 0, 319}};
    for (const auto &r : rotations) {
        SCOPED_TRACE(testing::Message() << "MADCTL 0x" << std::hex << int(r.madctl));
        command(0x36, {0x48});
        fill_with(0x0000);
        command(0x36, {r.madctl});
        command(0x2A, {0, 0, 0, 0});
        command(0x2B, {0, 0, 0, 0});
        command(0x2C, {0xFF, 0xFF});
        const std::vector<uint8_t> rgb = glass();
        size_t lit = 0;
        for (size_t i = 0; i < rgb.size(); i += 3) {
            lit += rgb[i] != 0;
        }
        EXPECT_EQ(lit, 1u);
        EXPECT_EQ(rgb[(static_cast<size_t>(r.y) * 240 + r.x) * 3], 255);
    }
}
