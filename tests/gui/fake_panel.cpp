// fake_panel.cpp: the fake panel's flush handling and its DMA-completion thread.
#include "fake_panel.h"

#include <chrono>
#include <cstring>

FakePanel::FakePanel(int32_t w, int32_t h, Completion mode, int dma_delay_us)
    : width(w), height(h), image(static_cast<size_t>(w) * h, 0xDEAD), mode_(mode), dma_delay_us_(dma_delay_us) {
    if (mode_ == Completion::Thread) {
        worker_ = std::thread([this] { worker_loop(); });
    }
}

FakePanel::~FakePanel() {
    if (worker_.joinable()) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stop_ = true;
        }
        cv_.notify_all();
        worker_.join();
    }
}

void FakePanel::attach(gui_disp_drv_t *drv) {
    drv_ = drv;
    drv->flush_cb = flush_cb;
    drv->time_us_cb = time_us;
    drv->user_data = this;
}

uint32_t FakePanel::time_us(gui_disp_drv_t *drv) {
    return static_cast<FakePanel *>(drv->user_data)->clock_us.load();
}

void FakePanel::flush_cb(gui_disp_drv_t *drv, const gui_area_t *area, gui_color_t *color_p) {
    auto *self = static_cast<FakePanel *>(drv->user_data);
    if (self->in_flight_.exchange(true)) {
        self->overlapping_flushes++;
    }
    self->areas.push_back(*area);
    self->buffers.push_back(color_p);
    self->last_flags.push_back(gui_disp_flush_is_last(drv));
    self->clock_us += self->clock_step_per_flush_us;
    for (const gui_area_t &a : self->invalidate_during_flush) {
        gui_disp_invalidate(drv, &a);
    }
    self->invalidate_during_flush.clear();

    size_t bytes = 2u * static_cast<size_t>(area->x2 - area->x1 + 1) * static_cast<size_t>(area->y2 - area->y1 + 1);
    Job job{*area, reinterpret_cast<const unsigned char *>(color_p), {}};
    job.snapshot.assign(job.px, job.px + bytes);
    switch (self->mode_) {
    case Completion::Immediate:
        self->finish(job);
        break;
    case Completion::Deferred:
    case Completion::Never:
        self->pending_ = std::move(job);
        self->have_pending_ = true;
        break;
    case Completion::Thread: {
        std::lock_guard<std::mutex> lock(self->mutex_);
        self->queue_.push_back(std::move(job));
        self->busy_ = true;
        self->cv_.notify_all();
        break;
    }
    }
}

void FakePanel::complete_pending() {
    if (have_pending_) {
        have_pending_ = false;
        finish(pending_);
    }
}

void FakePanel::finish(const Job &job) {
    // What the panel receives is the buffer's content now; it must still be what flush_cb was given.
    if (std::memcmp(job.px, job.snapshot.data(), job.snapshot.size()) != 0) {
        corrupted_buffers++;
    }
    const unsigned char *p = job.px;
    for (int32_t y = job.area.y1; y <= job.area.y2; y++) {
        for (int32_t x = job.area.x1; x <= job.area.x2; x++, p += 2) {
            image[static_cast<size_t>(y) * width + x] = static_cast<uint16_t>((p[0] << 8) | p[1]);
        }
    }
    in_flight_ = false;
    gui_disp_flush_ready(drv_);
}

void FakePanel::worker_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) {
            return;
        }
        Job job = std::move(queue_.front());
        queue_.erase(queue_.begin());
        lock.unlock();
        // The bus is busy for a while: a buggy engine would render into this buffer meanwhile.
        std::this_thread::sleep_for(std::chrono::microseconds(dma_delay_us_));
        finish(job);
        lock.lock();
        busy_ = !queue_.empty();
        cv_.notify_all();
    }
}

void FakePanel::wait_idle() {
    if (mode_ != Completion::Thread) {
        return;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return !busy_; });
}
