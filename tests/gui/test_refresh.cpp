// test_refresh.cpp: what reaches the panel: full and partial refreshes, strips, monitor_cb, statistics, formats.
#include <gtest/gtest.h>

#include "rig.h"

namespace {

struct MonitorLog {
    int calls = 0;
    uint32_t time_ms = 0;
    uint32_t px = 0;
};
MonitorLog monitor_log;

void record_monitor(gui_disp_drv_t *, uint32_t time_ms, uint32_t px) {
    monitor_log.calls++;
    monitor_log.time_ms = time_ms;
    monitor_log.px = px;
}

uint64_t pixels_flushed(const FakePanel &p) {
    uint64_t n = 0;
    for (const gui_area_t &a : p.areas) {
        n += static_cast<uint64_t>(a.x2 - a.x1 + 1) * (a.y2 - a.y1 + 1);
    }
    return n;
}

} // namespace

TEST(GuiRefresh, RegisterRefreshesTheWholeScreen) {
    Rig rig(40, 30, 40 * 7, false, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(rig.mismatches(), 0);
    EXPECT_EQ(pixels_flushed(rig.panel), 40u * 30u);
    // 7 rows per strip: 30 rows take 5 strips, the last one 2 rows high.
    ASSERT_EQ(rig.panel.areas.size(), 5u);
    EXPECT_EQ(rig.panel.areas.back().y1, 28);
    EXPECT_EQ(rig.panel.areas.back().y2, 29);
}

TEST(GuiRefresh, StripsNeverExceedTheBuffer) {
    Rig rig(37, 23, 100, true, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    for (const gui_area_t &a : rig.panel.areas) {
        EXPECT_LE(static_cast<uint32_t>((a.x2 - a.x1 + 1) * (a.y2 - a.y1 + 1)), 100u);
    }
    EXPECT_EQ(rig.mismatches(), 0);
}

TEST(GuiRefresh, BufferNarrowerThanARowSplitsRows) {
    Rig rig(50, 4, 16, true, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(rig.mismatches(), 0);
    EXPECT_EQ(rig.panel.areas.size(), 4u * 4u); // 16 + 16 + 16 + 2 per row
    for (const gui_area_t &a : rig.panel.areas) {
        EXPECT_EQ(a.y1, a.y2);
        EXPECT_LE(a.x2 - a.x1 + 1, 16);
    }
}

TEST(GuiRefresh, PartialInvalidationRefreshesOnlyThatArea) {
    Rig rig(64, 48, 64 * 8, true, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    rig.panel.areas.clear();

    rig.canvas.fill(2); // the whole canvas changes, but only one area is invalidated
    gui_area_t moved = {10, 5, 29, 20};
    ASSERT_EQ(gui_disp_invalidate(&rig.drv, &moved), GUI_RES_OK);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);

    EXPECT_EQ(rig.mismatches(&moved), 0);
    EXPECT_EQ(pixels_flushed(rig.panel), 20u * 16u);
    for (const gui_area_t &a : rig.panel.areas) {
        EXPECT_TRUE(a.x1 >= moved.x1 && a.x2 <= moved.x2 && a.y1 >= moved.y1 && a.y2 <= moved.y2);
    }
    // Outside the area the panel still shows the first scene.
    Canvas first(64, 48);
    first.fill(1);
    EXPECT_EQ(rig.panel.pixel(0, 0), expected_rgb565(first.at(0, 0)));
    EXPECT_EQ(rig.panel.pixel(63, 47), expected_rgb565(first.at(63, 47)));
    EXPECT_GT(rig.mismatches(), 0);
}

TEST(GuiRefresh, NothingInvalidatedFlushesNothing) {
    Rig rig(16, 16, 64, true, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    size_t strips = rig.panel.areas.size();
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(rig.panel.areas.size(), strips);
    EXPECT_EQ(rig.drv.stats.frames, 1u);
}

TEST(GuiRefresh, MonitorGetsPixelsAndTimeOncePerRefresh) {
    Rig rig(30, 20, 30 * 5, true, Completion::Immediate);
    rig.drv.monitor_cb = record_monitor;
    rig.panel.clock_step_per_flush_us = 2500; // each strip "takes" 2.5 ms of the fake clock
    monitor_log = MonitorLog{};
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(monitor_log.calls, 1);
    EXPECT_EQ(monitor_log.px, 600u);
    EXPECT_EQ(monitor_log.time_ms, 10u); // 4 strips x 2.5 ms

    gui_area_t a = {3, 3, 7, 4};
    gui_disp_invalidate(&rig.drv, &a);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(monitor_log.calls, 2);
    EXPECT_EQ(monitor_log.px, 10u);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK); // nothing to do: no monitor call
    EXPECT_EQ(monitor_log.calls, 2);
}

TEST(GuiRefresh, StatisticsCountFramesStripsAndPixels) {
    Rig rig(30, 20, 30 * 5, true, Completion::Immediate);
    rig.panel.clock_step_per_flush_us = 1000;
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    gui_disp_invalidate(&rig.drv, nullptr);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    const gui_disp_stats_t &s = rig.drv.stats;
    EXPECT_EQ(s.frames, 2u);
    EXPECT_EQ(s.strips, 8u);
    EXPECT_EQ(s.pixels, 1200u);
    EXPECT_EQ(s.last_strips, 4u);
    EXPECT_EQ(s.last_px, 600u);
    EXPECT_EQ(s.flush_us, 8000u); // the fake clock only moves inside flush_cb
    EXPECT_EQ(s.last_refresh_us, 4000u);
    EXPECT_EQ(s.timeouts, 0u);
    gui_disp_stats_reset(&rig.drv);
    EXPECT_EQ(rig.drv.stats.frames, 0u);
    EXPECT_EQ(rig.drv.stats.pixels, 0u);
}

TEST(GuiRefresh, DefaultClockMeasuresTheWaitForTheBus) {
    const int delay_us = 2000;
    Rig rig(32, 32, 32 * 8, true, Completion::Thread, delay_us);
    rig.drv.time_us_cb = nullptr; // CLOCK_MONOTONIC
    ASSERT_EQ(gui_refresh(&rig.drv), GUI_RES_OK);
    // 4 strips, one flush in flight at a time: the refresh outlasts the first three transfers, and most of that
    // was spent waiting (rendering 256 pixels takes microseconds).
    EXPECT_GE(rig.drv.stats.last_refresh_us, 3u * delay_us);
    EXPECT_GE(rig.drv.stats.last_wait_us, static_cast<uint32_t>(delay_us));
    EXPECT_GE(rig.drv.stats.last_refresh_us, rig.drv.stats.last_wait_us);
    ASSERT_EQ(gui_disp_flush_wait(&rig.drv), GUI_RES_OK);
    rig.panel.wait_idle();
    EXPECT_EQ(rig.mismatches(), 0);
}

TEST(GuiRefresh, FlushIsLastOnlyForTheFinalStrip) {
    Rig rig(20, 20, 20 * 6, true, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.last_flags.size(), 4u);
    EXPECT_EQ(rig.panel.last_flags, (std::vector<int>{0, 0, 0, 1}));
}

TEST(GuiRefresh, Rgb565SourceIsSentByteSwapped) {
    Rig rig(8, 4, 32, false, Completion::Immediate);
    std::vector<uint16_t> src(9 * 4); // stride of 9 pixels
    for (size_t i = 0; i < src.size(); i++) {
        src[i] = static_cast<uint16_t>(0x1234 + i * 0x0101);
    }
    ASSERT_EQ(gui_disp_set_source(&rig.drv, src.data(), static_cast<uint32_t>(src.size() * 2), 8, 4, 18,
                                  GUI_SRC_RGB565), GUI_RES_OK);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    for (int32_t y = 0; y < 4; y++) {
        for (int32_t x = 0; x < 8; x++) {
            ASSERT_EQ(rig.panel.pixel(x, y), src[y * 9 + x]) << x << "," << y;
        }
    }
}

TEST(GuiRefresh, InvalidationsFromInsideARefreshAreKeptForTheNext) {
    Rig rig(20, 20, 400, false, Completion::Immediate);
    gui_area_t later = {2, 2, 5, 5};
    rig.panel.invalidate_during_flush.push_back(later);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(rig.drv.inv_count, 1u);
    rig.panel.areas.clear();
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.areas.size(), 1u);
    EXPECT_EQ(rig.panel.areas[0].x1, 2);
    EXPECT_EQ(rig.panel.areas[0].y2, 5);
}
