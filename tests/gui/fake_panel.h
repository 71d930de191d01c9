// fake_panel.h: a fake panel for the engine's tests: records every flush, decodes the wire pixels into an image,
// completes flushes at once, on demand, from a "DMA" thread, or never, and catches buffers changed while on the bus.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "gui.h"

enum class Completion {
    Immediate, // flush_ready inside flush_cb
    Deferred,  // flush_ready when the test (or a wait_cb) calls complete_pending()
    Thread,    // flush_ready from a worker thread after a delay, as a DMA-completion interrupt would
    Never,     // no flush_ready until complete_pending()
};

class FakePanel {
public:
    FakePanel(int32_t width, int32_t height, Completion mode, int dma_delay_us = 300);
    ~FakePanel();
    FakePanel(const FakePanel &) = delete;
    FakePanel &operator=(const FakePanel &) = delete;

    // Installs flush_cb, time_us_cb and user_data into the driver.
    void attach(gui_disp_drv_t *drv);
    // Finishes the flush in progress, if any (Deferred, Never).
    void complete_pending();
    // Waits until the worker thread has finished every flush (Thread).
    void wait_idle();
    uint16_t pixel(int32_t x, int32_t y) const { return image[static_cast<size_t>(y) * width + x]; }

    const int32_t width, height;
    std::vector<uint16_t> image;           // RGB565 as the panel stores it, row-major
    std::vector<gui_area_t> areas;         // every flushed strip, in order
    std::vector<const void *> buffers;     // the draw buffer of every strip
    std::vector<int> last_flags;           // gui_disp_flush_is_last() seen inside each flush_cb
    std::atomic<int> overlapping_flushes{0}; // flush_cb called while the previous flush was not finished
    std::atomic<int> corrupted_buffers{0};   // a buffer changed between flush_cb and its completion
    std::atomic<uint32_t> clock_us{0};       // the driver's clock when time_us_cb is this panel's
    uint32_t clock_step_per_flush_us = 0;    // flush_cb advances clock_us by this much
    std::vector<gui_area_t> invalidate_during_flush; // invalidated from inside the next flush_cb

private:
    struct Job {
        gui_area_t area;
        const unsigned char *px;
        std::vector<unsigned char> snapshot;
    };
    static void flush_cb(gui_disp_drv_t *drv, const gui_area_t *area, gui_color_t *color_p);
    static uint32_t time_us(gui_disp_drv_t *drv);
    void finish(const Job &job); // decode into the image, check the buffer, flush_ready
    void worker_loop();

    Completion mode_;
    int dma_delay_us_;
    gui_disp_drv_t *drv_ = nullptr;
    std::atomic<bool> in_flight_{false};
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<Job> queue_;
    bool have_pending_ = false;
    Job pending_;
    bool stop_ = false;
    bool busy_ = false;
    std::thread worker_;
};
