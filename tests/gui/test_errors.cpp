// test_errors.cpp: bad input gives an error code, never a crash: NULLs, missing buffer/flush_cb/source, bad geometry.
#include <gtest/gtest.h>

#include <string>

#include "rig.h"

namespace {

void noop_flush(gui_disp_drv_t *drv, const gui_area_t *, gui_color_t *) {
    gui_disp_flush_ready(drv);
}

struct Bare {
    Bare() {
        gui_disp_drv_init(&drv);
        drv.hor_res = 16;
        drv.ver_res = 8;
        gui_disp_buf_init(&buf, px, nullptr, 64);
        drv.buffer = &buf;
        drv.flush_cb = noop_flush;
    }
    uint16_t px[64];
    uint32_t canvas[16 * 8] = {};
    gui_disp_buf_t buf;
    gui_disp_drv_t drv;
};

} // namespace

TEST(GuiErrors, NullArgumentsAreRejected) {
    EXPECT_EQ(gui_disp_drv_register(nullptr), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_refresh(nullptr), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_invalidate(nullptr, nullptr), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_flush_wait(nullptr), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_set_source(nullptr, nullptr, 0, 1, 1, 4, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    gui_disp_flush_ready(nullptr); // must simply return, as in an interrupt
    EXPECT_EQ(gui_disp_flush_is_last(nullptr), 0);
    gui_disp_buf_init(nullptr, nullptr, nullptr, 0);
    gui_disp_drv_init(nullptr);
    gui_disp_stats_reset(nullptr);
}

TEST(GuiErrors, RegisterChecksTheDriver) {
    Bare b;
    b.drv.flush_cb = nullptr;
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_NO_FLUSH_CB);
    b.drv.flush_cb = noop_flush;
    b.drv.buffer = nullptr;
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_NO_BUFFER);
    b.drv.buffer = &b.buf;
    b.buf.size = 0;
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_NO_BUFFER);
    b.buf.size = 64;
    b.buf.buf1 = nullptr;
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_NO_BUFFER);
    b.buf.buf1 = b.px;
    b.drv.hor_res = 0;
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_INVALID_ARG);
    b.drv.hor_res = GUI_MAX_RES + 1;
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_INVALID_ARG);
    b.drv.hor_res = 16;
    EXPECT_EQ(b.drv.registered, 0);
    EXPECT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_OK);
    EXPECT_EQ(b.drv.inv_count, 1u);
}

TEST(GuiErrors, RefreshNeedsRegistrationBufferAndSource) {
    Bare b;
    ASSERT_EQ(gui_disp_set_source(&b.drv, b.canvas, sizeof b.canvas, 16, 8, 64, GUI_SRC_ARGB32), GUI_RES_OK);
    EXPECT_EQ(gui_refresh(&b.drv), GUI_RES_NOT_REGISTERED);
    ASSERT_EQ(gui_disp_drv_register(&b.drv), GUI_RES_OK);
    b.drv.buffer = nullptr; // taken away after registration
    EXPECT_EQ(gui_refresh(&b.drv), GUI_RES_NO_BUFFER);
    b.drv.buffer = &b.buf;
    b.drv.source.data = nullptr;
    EXPECT_EQ(gui_refresh(&b.drv), GUI_RES_NO_SOURCE);
    ASSERT_EQ(gui_disp_set_source(&b.drv, b.canvas, sizeof b.canvas, 16, 7, 64, GUI_SRC_ARGB32), GUI_RES_OK);
    EXPECT_EQ(gui_refresh(&b.drv), GUI_RES_NO_SOURCE); // one row short of the screen
    ASSERT_EQ(gui_disp_set_source(&b.drv, b.canvas, sizeof b.canvas, 16, 8, 64, GUI_SRC_ARGB32), GUI_RES_OK);
    EXPECT_EQ(gui_refresh(&b.drv), GUI_RES_OK);
}

TEST(GuiErrors, SourceGeometryIsChecked) {
    Bare b;
    const uint32_t size = sizeof b.canvas;
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 16, 8, 60, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 16, 8, 66, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 16, 8, -64, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size - 1, 16, 8, 64, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 0, 8, 64, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 16, 8, 64, 7), GUI_RES_INVALID_ARG);
    const unsigned char *odd = reinterpret_cast<const unsigned char *>(b.canvas) + 1;
    EXPECT_EQ(gui_disp_set_source(&b.drv, odd, size - 4, 8, 8, 32, GUI_SRC_ARGB32), GUI_RES_INVALID_ARG);
    // The last row need not be padded to a full stride.
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, 64 * 7 + 40, 10, 8, 64, GUI_SRC_ARGB32), GUI_RES_OK);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 16, 8, 32, GUI_SRC_RGB565), GUI_RES_OK);
    EXPECT_EQ(gui_disp_set_source(&b.drv, b.canvas, size, 16, 8, 31, GUI_SRC_RGB565), GUI_RES_INVALID_ARG);
}

TEST(GuiErrors, ResultsHaveNames) {
    EXPECT_EQ(std::string(gui_res_str(GUI_RES_OK)), "GUI_RES_OK");
    EXPECT_EQ(std::string(gui_res_str(GUI_RES_TIMEOUT)), "GUI_RES_TIMEOUT");
    EXPECT_EQ(std::string(gui_res_str(GUI_RES_NO_SOURCE)), "GUI_RES_NO_SOURCE");
    EXPECT_EQ(std::string(gui_res_str(42)), "unknown");
}

namespace {

int nested_result = 0;

void refresh_from_monitor(gui_disp_drv_t *drv, uint32_t, uint32_t) {
    nested_result = gui_refresh(drv);
}

} // namespace

TEST(GuiErrors, RefreshFromInsideARefreshIsRefused) {
    Rig rig(8, 8, 64, false, Completion::Immediate);
    rig.drv.monitor_cb = refresh_from_monitor;
    nested_result = 0;
    ASSERT_EQ(rig.refresh(), GUI_RES_OK);
    EXPECT_EQ(nested_result, GUI_RES_BUSY);
    EXPECT_EQ(rig.drv.refreshing, 0);
    gui_disp_invalidate(&rig.drv, nullptr);
    EXPECT_EQ(rig.refresh(), GUI_RES_OK); // the guard was released
    EXPECT_EQ(std::string(gui_res_str(GUI_RES_BUSY)), "GUI_RES_BUSY");
}
