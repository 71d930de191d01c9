// rig.cpp: the test display's set-up and comparisons.
#include "rig.h"

#include <gtest/gtest.h>

void Canvas::fill(uint32_t seed) {
    for (int32_t y = 0; y < height; y++) {
        for (int32_t x = 0; x < width; x++) {
            uint32_t v = (static_cast<uint32_t>(x) * 2654435761u) ^ (static_cast<uint32_t>(y) * 40503u) ^ (seed * 97u);
            v ^= v >> 13;
            at(x, y) = 0xFF000000u | (v & 0x00FFFFFFu);
        }
    }
}

void Canvas::fill_area(const gui_area_t &a, uint32_t argb) {
    for (int32_t y = a.y1; y <= a.y2; y++) {
        for (int32_t x = a.x1; x <= a.x2; x++) {
            at(x, y) = argb;
        }
    }
}

uint16_t expected_rgb565(uint32_t argb) {
    uint32_t r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
    return static_cast<uint16_t>(((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3));
}

Rig::Rig(int32_t w, int32_t h, uint32_t buf_px, bool two_buffers, Completion mode, int dma_delay_us)
    : canvas(w, h), buf1(buf_px), buf2(two_buffers ? buf_px : 0), panel(w, h, mode, dma_delay_us) {
    canvas.fill(1);
    gui_disp_buf_init(&disp_buf, buf1.data(), two_buffers ? buf2.data() : nullptr, buf_px);
    gui_disp_drv_init(&drv);
    drv.hor_res = w;
    drv.ver_res = h;
    drv.buffer = &disp_buf;
    panel.attach(&drv);
    EXPECT_EQ(gui_disp_drv_register(&drv), GUI_RES_OK);
    EXPECT_EQ(gui_disp_set_source(&drv, canvas.px.data(), canvas.size_bytes(), w, h, canvas.stride_bytes(),
                                  GUI_SRC_ARGB32), GUI_RES_OK);
}

int Rig::refresh() {
    int res = gui_refresh(&drv);
    if (res == GUI_RES_OK) {
        EXPECT_EQ(gui_disp_flush_wait(&drv), GUI_RES_OK);
    }
    panel.wait_idle();
    return res;
}

int Rig::mismatches(const gui_area_t *only) {
    int bad = 0;
    for (int32_t y = 0; y < canvas.height; y++) {
        for (int32_t x = 0; x < canvas.width; x++) {
            if (only && (x < only->x1 || x > only->x2 || y < only->y1 || y > only->y2)) {
                continue;
            }
            bad += panel.pixel(x, y) != expected_rgb565(canvas.at(x, y));
        }
    }
    return bad;
}
