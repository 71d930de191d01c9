// rig.h: a test display: a source canvas, draw buffers, a registered driver and a fake panel, plus the expected image.
#pragma once

#include <cstdint>
#include <vector>

#include "fake_panel.h"
#include "gui.h"

// An ARGB32 canvas laid out as a cairo image surface, with padding at the end of each row.
struct Canvas {
    Canvas(int32_t w, int32_t h, int32_t pad_px = 3) : width(w), height(h), stride_px(w + pad_px),
        px(static_cast<size_t>(stride_px) * h, 0) {}
    uint32_t &at(int32_t x, int32_t y) { return px[static_cast<size_t>(y) * stride_px + x]; }
    // Every pixel different from its neighbours and from one seed to the next, so any misplaced copy shows.
    void fill(uint32_t seed);
    void fill_area(const gui_area_t &a, uint32_t argb);
    int32_t stride_bytes() const { return stride_px * 4; }
    uint32_t size_bytes() const { return static_cast<uint32_t>(px.size() * 4); }

    int32_t width, height, stride_px;
    std::vector<uint32_t> px;
};

// RGB565 of an ARGB32 pixel, written independently of the engine: 5/6/5 high bits of each channel.
uint16_t expected_rgb565(uint32_t argb);

struct Rig {
    Rig(int32_t w, int32_t h, uint32_t buf_px, bool two_buffers, Completion mode, int dma_delay_us = 300);
    int refresh();
    // Pixels of the panel that differ from the canvas (inside `only`, when given).
    int mismatches(const gui_area_t *only = nullptr);
    bool is_buf1(const void *p) const { return p == buf1.data(); }
    bool is_buf2(const void *p) const { return p == buf2.data(); }

    Canvas canvas;
    std::vector<uint16_t> buf1, buf2;
    gui_disp_buf_t disp_buf;
    gui_disp_drv_t drv;
    FakePanel panel;
};
