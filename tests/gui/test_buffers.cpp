// test_buffers.cpp: double buffering against a panel that completes later: buffers alternate, the engine never
// renders into a buffer on the bus, waits through wait_cb, and gives up with GUI_RES_TIMEOUT when told to.
#include <gtest/gtest.h>

#include "rig.h"

namespace {

FakePanel *waiting_panel = nullptr;
int wait_calls = 0;

// Plays the DMA interrupt arriving while the engine waits (in MicroPython: a scheduled callback run here).
void complete_while_waiting(gui_disp_drv_t *) {
    wait_calls++;
    waiting_panel->complete_pending();
}

void advance_clock_while_waiting(gui_disp_drv_t *drv) {
    wait_calls++;
    static_cast<FakePanel *>(drv->user_data)->clock_us += 100;
}

} // namespace

TEST(GuiBuffers, TwoBuffersAlternate) {
    Rig rig(40, 40, 40 * 5, true, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    ASSERT_EQ(rig.panel.buffers.size(), 8u);
    for (size_t i = 0; i < rig.panel.buffers.size(); i++) {
        EXPECT_TRUE(i % 2 == 0 ? rig.is_buf1(rig.panel.buffers[i]) : rig.is_buf2(rig.panel.buffers[i])) << i;
    }
    // The next refresh carries on with the other buffer.
    gui_disp_invalidate(&rig.drv, nullptr);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_TRUE(rig.is_buf1(rig.panel.buffers[8]));
}

TEST(GuiBuffers, OneBufferIsReused) {
    Rig rig(40, 40, 40 * 5, false, Completion::Immediate);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    for (const void *b : rig.panel.buffers) {
        EXPECT_TRUE(rig.is_buf1(b));
    }
}

TEST(GuiBuffers, DoubleBufferingNeverTouchesTheBufferOnTheBus) {
    Rig rig(120, 90, 120 * 10, true, Completion::Thread, 400);
    for (uint32_t frame = 0; frame < 5; frame++) {
        rig.canvas.fill(10 + frame);
        gui_disp_invalidate(&rig.drv, nullptr);
        ASSERT_EQ(rig.refresh(), GUI_RES_OK);
        EXPECT_EQ(rig.mismatches(), 0) << "frame " << frame;
    }
    EXPECT_EQ(rig.panel.areas.size(), 5u * 9u); // the register-time invalidation merged into frame 0
    EXPECT_EQ(rig.panel.corrupted_buffers.load(), 0);
    EXPECT_EQ(rig.panel.overlapping_flushes.load(), 0);
}

TEST(GuiBuffers, SingleBufferingWaitsBeforeRendering) {
    Rig rig(60, 60, 60 * 7, false, Completion::Thread, 400);
    rig.canvas.fill(3);
    gui_disp_invalidate(&rig.drv, nullptr);
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(rig.mismatches(), 0);
    EXPECT_EQ(rig.panel.corrupted_buffers.load(), 0);
    EXPECT_EQ(rig.panel.overlapping_flushes.load(), 0);
}

TEST(GuiBuffers, RefreshReturnsWithTheLastStripStillOnTheBus) {
    Rig rig(20, 20, 20 * 10, true, Completion::Never);
    rig.drv.wait_cb = complete_while_waiting;
    waiting_panel = &rig.panel;
    ASSERT_EQ(gui_refresh(&rig.drv), GUI_RES_OK);
    EXPECT_EQ(rig.disp_buf.flushing, 1); // the second strip has not been completed
    rig.panel.complete_pending();
    EXPECT_EQ(rig.disp_buf.flushing, 0);
    EXPECT_EQ(rig.mismatches(), 0);
}

TEST(GuiBuffers, WaitCallbackRunsWhileWaiting) {
    Rig rig(20, 20, 20 * 4, true, Completion::Deferred);
    waiting_panel = &rig.panel;
    wait_calls = 0;
    rig.drv.wait_cb = complete_while_waiting;
    ASSERT_EQ(gui_refresh(&rig.drv), GUI_RES_OK);
    EXPECT_EQ(wait_calls, 4); // 5 strips: the engine waited before flushing each of the last four
    rig.panel.complete_pending();
    EXPECT_EQ(rig.mismatches(), 0);
}

TEST(GuiBuffers, MissingFlushReadyTimesOutAndRecovers) {
    Rig rig(20, 20, 20 * 5, true, Completion::Never);
    rig.drv.wait_cb = advance_clock_while_waiting;
    rig.drv.wait_timeout_us = 1000;
    wait_calls = 0;
    EXPECT_EQ(gui_refresh(&rig.drv), GUI_RES_TIMEOUT);
    EXPECT_EQ(rig.drv.stats.timeouts, 1u);
    EXPECT_EQ(wait_calls, 11); // 100 us per call until more than 1000 us have passed
    EXPECT_EQ(rig.panel.areas.size(), 1u);
    EXPECT_EQ(rig.drv.stats.frames, 0u);
    EXPECT_EQ(rig.drv.inv_count, 1u); // the unfinished area is kept

    // The panel comes back: the next refresh redraws everything that was not finished.
    rig.panel.complete_pending();
    rig.panel.areas.clear();
    rig.drv.wait_cb = complete_while_waiting;
    waiting_panel = &rig.panel;
    ASSERT_EQ(gui_refresh(&rig.drv), GUI_RES_OK);
    rig.panel.complete_pending();
    EXPECT_EQ(rig.panel.areas.size(), 4u);
    EXPECT_EQ(rig.mismatches(), 0);
}

TEST(GuiBuffers, FlushWaitTimesOutToo) {
    Rig rig(10, 10, 100, false, Completion::Never);
    rig.drv.wait_cb = advance_clock_while_waiting;
    rig.drv.wait_timeout_us = 500;
    ASSERT_EQ(gui_refresh(&rig.drv), GUI_RES_OK); // one strip, handed over
    EXPECT_EQ(gui_disp_flush_wait(&rig.drv), GUI_RES_TIMEOUT);
    rig.panel.complete_pending();
    EXPECT_EQ(gui_disp_flush_wait(&rig.drv), GUI_RES_OK);
}
