// test_areas.cpp: invalidation: clipping to the screen, joining overlapping/adjacent areas, the bounded list.
#include <gtest/gtest.h>

#include "rig.h"

namespace {

// A display with its first full refresh done and the record cleared.
struct AreaRig : Rig {
    AreaRig() : Rig(100, 80, 100 * 80, false, Completion::Immediate) {
        EXPECT_EQ(refresh(), GUI_RES_OK);
        panel.areas.clear();
    }
    void invalidate(int32_t x1, int32_t y1, int32_t x2, int32_t y2) {
        gui_area_t a = {x1, y1, x2, y2};
        EXPECT_EQ(gui_disp_invalidate(&drv, &a), GUI_RES_OK);
    }
};

bool same(const gui_area_t &a, int32_t x1, int32_t y1, int32_t x2, int32_t y2) {
    return a.x1 == x1 && a.y1 == y1 && a.x2 == x2 && a.y2 == y2;
}

} // namespace

TEST(GuiAreas, OverlappingAreasAreJoined) {
    AreaRig rig;
    rig.invalidate(10, 10, 29, 29);
    rig.invalidate(20, 15, 39, 29); // bounding box 30x20 = 600 < 400 + 300
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.areas.size(), 1u);
    EXPECT_TRUE(same(rig.panel.areas[0], 10, 10, 39, 29));
}

TEST(GuiAreas, AdjacentAreasAreJoined) {
    AreaRig rig;
    rig.invalidate(0, 0, 9, 9);
    rig.invalidate(10, 0, 19, 9); // touching edges: one window instead of two
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.areas.size(), 1u);
    EXPECT_TRUE(same(rig.panel.areas[0], 0, 0, 19, 9));
}

TEST(GuiAreas, DistantAreasStaySeparate) {
    AreaRig rig;
    rig.invalidate(0, 0, 9, 9);
    rig.invalidate(50, 50, 59, 59);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.areas.size(), 2u);
    EXPECT_EQ(rig.drv.stats.last_px, 200u);
}

TEST(GuiAreas, OverlapThatWouldGrowTheWorkIsNotJoined) {
    AreaRig rig;
    rig.invalidate(0, 0, 49, 1);   // a thin horizontal bar
    rig.invalidate(48, 0, 49, 79); // and a thin vertical one touching it: the box would be 50x80
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(rig.panel.areas.size(), 2u);
}

TEST(GuiAreas, ChainsOfJoinsCollapse) {
    AreaRig rig;
    for (int32_t i = 0; i < 8; i++) {
        rig.invalidate(i * 10, 0, i * 10 + 9, 9);
    }
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.areas.size(), 1u);
    EXPECT_TRUE(same(rig.panel.areas[0], 0, 0, 79, 9));
}

TEST(GuiAreas, ContainedAreaIsNotAddedTwice) {
    AreaRig rig;
    rig.invalidate(0, 0, 49, 49);
    rig.invalidate(10, 10, 20, 20);
    EXPECT_EQ(rig.drv.inv_count, 1u);
}

TEST(GuiAreas, TooManyAreasBecomeTheWholeScreen) {
    AreaRig rig;
    for (int32_t i = 0; i <= GUI_INV_AREAS_MAX; i++) {
        rig.invalidate(i * 5, (i % 2) * 40, i * 5 + 1, (i % 2) * 40 + 1);
    }
    EXPECT_EQ(rig.drv.inv_count, 1u);
    EXPECT_TRUE(same(rig.drv.inv_areas[0], 0, 0, 99, 79));
}

TEST(GuiAreas, AreasAreClippedToTheScreen) {
    AreaRig rig;
    rig.canvas.fill(7);
    rig.invalidate(-20, 70, 10, 200);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.areas.size(), 1u);
    EXPECT_TRUE(same(rig.panel.areas[0], 0, 70, 10, 79));
    gui_area_t clipped = {0, 70, 10, 79};
    EXPECT_EQ(rig.mismatches(&clipped), 0);
}

TEST(GuiAreas, OffScreenAreaIsIgnored) {
    AreaRig rig;
    rig.invalidate(100, 0, 150, 10);
    rig.invalidate(-10, -10, -1, -1);
    EXPECT_EQ(rig.drv.inv_count, 0u);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_TRUE(rig.panel.areas.empty());
}

TEST(GuiAreas, InvertedAreaIsAnError) {
    AreaRig rig;
    gui_area_t bad = {10, 0, 5, 5};
    EXPECT_EQ(gui_disp_invalidate(&rig.drv, &bad), GUI_RES_INVALID_ARG);
    EXPECT_EQ(rig.drv.inv_count, 0u);
}
