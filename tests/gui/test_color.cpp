// test_color.cpp: the pixel format the driver checks: RGB565, bytes in wire order, LVGL's swapped bitfields.
#include <gtest/gtest.h>

#include <cstring>

#include "gui.h"
#include "rig.h"

TEST(GuiColor, FormatMacrosDescribeSwappedRgb565) {
    EXPECT_EQ(GUI_COLOR_DEPTH, 16);
    EXPECT_EQ(GUI_COLOR_16_SWAP, 1);
    EXPECT_EQ(sizeof(gui_color_t), 2u); // lv.color_t.SIZE == 2 in the seed's check
}

TEST(GuiColor, MakeStoresBytesInWireOrder) {
    // 0xF81F is magenta in RGB565: the panel wants 0xF8 then 0x1F on the wire.
    gui_color_t c = gui_color_make(0xFF, 0x00, 0xFF);
    unsigned char bytes[2];
    std::memcpy(bytes, &c, 2);
    EXPECT_EQ(bytes[0], 0xF8);
    EXPECT_EQ(bytes[1], 0x1F);
}

TEST(GuiColor, BitfieldsNameTheChannels) {
    // Green 0b101101 splits into green_h 0b101 and green_l 0b101; red and blue are whole.
    gui_color_t c = gui_color_make(0x88, 0xB4, 0x30); // r5 = 0x11, g6 = 0x2D, b5 = 0x06
    EXPECT_EQ(c.ch.red, 0x11);
    EXPECT_EQ(c.ch.blue, 0x06);
    EXPECT_EQ(c.ch.green_h, 0x2D >> 3);
    EXPECT_EQ(c.ch.green_l, 0x2D & 7);
}

TEST(GuiColor, Argb32ToRgb565TruncatesAndIgnoresAlpha) {
    EXPECT_EQ(gui_color_rgb565_from_argb32(0xFFFFFFFFu), 0xFFFF);
    EXPECT_EQ(gui_color_rgb565_from_argb32(0x00000000u), 0x0000);
    EXPECT_EQ(gui_color_rgb565_from_argb32(0xFFFF0000u), 0xF800);
    EXPECT_EQ(gui_color_rgb565_from_argb32(0x0000FF00u), 0x07E0);
    EXPECT_EQ(gui_color_rgb565_from_argb32(0x800000FFu), 0x001F);
    for (uint32_t v = 0; v < (1u << 24); v += 7919) {
        ASSERT_EQ(gui_color_rgb565_from_argb32(0xFF000000u | v), expected_rgb565(v)) << std::hex << v;
    }
}
