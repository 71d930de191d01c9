// Window writes through each of the 8 MADCTL orientations land where the datasheet's addressing puts them.
#include <array>

#include "sim_fixture.hpp"

namespace {

struct Gram {
    int x, y;
};

// Expected GRAM cells (column, row of the 240x320 memory) of three pixels of a window at columns 5..7, pages
// 10..11: the first (5,10), its right neighbour (6,10) and the first of the next line (5,11). Worked out by hand:
// MV exchanges column and page, MX mirrors the memory column (239-x), MY the memory row (319-y).
struct Case {
    uint8_t madctl;
    Gram first, next, second_line;
};

const std::array<Case, 8> kCases = {{
    {0x00, {5, 10}, {6, 10}, {5, 11}},
    {0x40, {234, 10}, {233, 10}, {234, 11}},
    {0x80, {5, 309}, {6, 309}, {5, 308}},
    {0xC0, {234, 309}, {233, 309}, {234, 308}},
    {0x20, {10, 5}, {10, 6}, {11, 5}},
    {0x60, {229, 5}, {229, 6}, {228, 5}},
    {0xA0, {10, 314}, {10, 313}, {11, 314}},
    {0xE0, {229, 314}, {229, 313}, {228, 314}},
}};

uint16_t at(const std::vector<uint16_t> &gram, Gram g) { return gram[static_cast<size_t>(g.y) * 240 + g.x]; }

}  // namespace

TEST_F(PanelTest, WindowWriteLandsAtTheRightPixelsForEveryOrientation) {
    init_sequence();
    for (const Case &c : kCases) {
        SCOPED_TRACE(testing::Message() << "MADCTL 0x" << std::hex << int(c.madctl));
        command(0x36, {static_cast<uint8_t>(c.madctl | 0x08)});
        command(0x2A, {0, 5, 0, 7});
        command(0x2B, {0, 10, 0, 11});
        // Six pixels 0x1001..0x1006, big-endian RGB565.
        std::vector<uint8_t> px;
        for (int i = 1; i <= 6; ++i) {
            px.push_back(0x10);
            px.push_back(static_cast<uint8_t>(i));
        }
        command(0x2C, px);
        std::vector<uint16_t> gram(240 * 320);
        ASSERT_EQ(esp_sim_ili9341_read_gram_rgb565(panel_, gram.data()), ESP_OK);
        EXPECT_EQ(at(gram, c.first), 0x1001);
        EXPECT_EQ(at(gram, c.next), 0x1002);
        EXPECT_EQ(at(gram, c.second_line), 0x1004);
        // The logical view reads back through the same MADCTL.
        uint16_t logical[6];
        ASSERT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 5, 10, 3, 2, logical), ESP_OK);
        for (int i = 0; i < 6; ++i) {
            EXPECT_EQ(logical[i], 0x1001 + i);
        }
    }
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 0u) << esp_sim_ili9341_last_violation(panel_);
}

TEST_F(PanelTest, MemoryWriteWrapsAndRamwrcContinues) {
    init_sequence();
    command(0x36, {0x08});
    command(0x2A, {0, 0, 0, 1});
    command(0x2B, {0, 0, 0, 1});
    command(0x2C, {0x00, 0x01, 0x00, 0x02});       // (0,0) (1,0)
    command(0x3C, {0x00, 0x03, 0x00, 0x04});       // continues: (0,1) (1,1)
    data({0x00, 0x05});                            // wraps to (0,0)
    uint16_t px[4];
    ASSERT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 0, 0, 2, 2, px), ESP_OK);
    EXPECT_EQ(px[0], 0x0005);
    EXPECT_EQ(px[1], 0x0002);
    EXPECT_EQ(px[2], 0x0003);
    EXPECT_EQ(px[3], 0x0004);
    command(0x2C, {0x00, 0x06});  // RAMWR restarts at the window origin
    ASSERT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 0, 0, 1, 1, px), ESP_OK);
    EXPECT_EQ(px[0], 0x0006);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel_), 0u) << esp_sim_ili9341_last_violation(panel_);
}

TEST_F(PanelTest, EighteenBitPixelsUseThreeBytes) {
    init_sequence();
    command(0x3A, {0x66});
    command(0x36, {0x08});
    command(0x2A, {0, 0, 0, 0});
    command(0x2B, {0, 0, 0, 0});
    command(0x2C, {0xFC, 0x00, 0x80});  // red 63, green 0, blue 32
    uint16_t px;
    ASSERT_EQ(esp_sim_ili9341_read_logical_rgb565(panel_, 0, 0, 1, 1, &px), ESP_OK);
    EXPECT_EQ(px, (31 << 11) | (0 << 5) | 16);
}
