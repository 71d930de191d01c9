// The bus engine: a job's life on the wire (pre_cb, bytes to the panel, timing, post_cb), run by a thread per bus
// in real-time mode and by the waiting caller, event by event, in virtual-time mode.
#include "spi_engine.hpp"

#include <algorithm>
#include <climits>
#include <cstring>

#include "esp_log.h"
#include "gpio_pins.hpp"
#include "isr_dispatch.hpp"
#include "sim_clock.hpp"

namespace esp_sim {
namespace {

const char *const kTag = "sim.spi";

// ESP-IDF's documented cost of one transaction beyond its bits (v4.4-v5.5 SPI master performance table).
constexpr int64_t kInterruptDmaNs = 28000;
constexpr int64_t kInterruptNs = 25000;
constexpr int64_t kPollingDmaNs = 10000;
constexpr int64_t kPollingNs = 8000;

Bus *all_buses(int i) { return bus_for_host(static_cast<spi_host_device_t>(i)); }

void run_callback(Bus &bus, transaction_cb_t cb, spi_transaction_t *desc, bool in_isr) {
    if (cb == nullptr) {
        return;
    }
    if (in_isr) {
        isr_deliver(cb, desc);
    } else {
        cb(desc);
    }
    std::lock_guard<std::mutex> lock(bus.mutex);
    (in_isr ? bus.stats.isr_count : bus.stats.task_callbacks)++;
}

// Bus lock held. A queued transaction is done: its result goes to the device's result queue, as spi_intr() does
// with xQueueSendFromISR (ESP-IDF v4.4 spi_master.c). That send fails silently when the queue already holds
// queue_size uncollected results: the result is dropped, and the temporary DMA buffers setup_priv_desc() made for
// it are never freed (only spi_device_get_trans_result frees them), so they stay allocated here too.
// Returns the bytes leaked by a dropped result when they are the bus's first (worth one log line), else 0.
size_t hand_back_locked(Bus &bus, Job &job) {
    spi_device_t &dev = *job.dev;
    std::unique_ptr<Job> owned = std::move(dev.jobs.front());  // a device's transactions finish in queue order
    dev.jobs.pop_front();
    if (dev.results.size() < static_cast<size_t>(dev.cfg.queue_size)) {
        dev.results.push_back(std::move(owned));
        return 0;
    }
    bus.stats.dropped_results++;
    const size_t leaked = (job.bounce_tx != nullptr ? job.tx_bytes : 0) + (job.bounce_rx != nullptr ? job.rx_bytes : 0);
    const bool first = bus.stats.leaked_bytes == 0;
    bus.stats.leaked_bytes += leaked;
    return first ? leaked : 0;
}

void engine_loop(Bus *bus) {
    isr_block_in_this_thread();
    std::unique_lock<std::mutex> lock(bus->mutex);
    while (!bus->stopping) {
        Job *job = next_startable_locked(*bus);
        if (job == nullptr) {
            bus->changed.wait(lock);
            continue;
        }
        bus->waiting.erase(std::find(bus->waiting.begin(), bus->waiting.end(), job));
        bus->current = job;
        // Back-to-back transfers follow the ideal timeline, so thread wake-up latency never inflates bus time.
        const int64_t t_ready = std::max(job->queued_ns, bus->free_at_ns);
        lock.unlock();
        sim_clock().sleep_until(t_ready);
        run_job_begin(*bus, *job, t_ready, true);
        sim_clock().sleep_until(job->end_ns);
        run_job_end(*bus, *job, true);
        lock.lock();
    }
}

// Bus lock held. Time of this bus's next event, INT64_MAX if none.
int64_t next_event_locked(Bus &bus) {
    if (bus.current != nullptr) {
        return bus.current->end_ns;
    }
    if (Job *job = next_startable_locked(bus)) {
        return std::max(job->queued_ns, bus.free_at_ns);
    }
    return INT64_MAX;
}

}  // namespace

uint64_t fnv1a(const uint8_t *data, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; ++i) {
        h = (h ^ data[i]) * 1099511628211ull;
    }
    return h;
}

int64_t transaction_overhead_ns(bool polling, bool dma) {
    if (polling) {
        return dma ? kPollingDmaNs : kPollingNs;
    }
    return dma ? kInterruptDmaNs : kInterruptNs;
}

Job *next_startable_locked(Bus &bus) {
    if (bus.current != nullptr || bus.polling || bus.stopping) {
        return nullptr;
    }
    // While a device holds the bus lock (spi_device_acquire_bus) or waits for it (a polling transaction), the
    // ISR serves only that device's queue: ESP-IDF v4.4 spi_bus_lock.c, schedule_core().
    spi_device_t *holder = bus.owner != nullptr ? bus.owner : bus.acquirer;
    for (Job *job : bus.waiting) {
        if (holder == nullptr || job->dev == holder) {
            return job;
        }
    }
    return nullptr;
}

size_t queued_not_started_locked(Bus &bus, const spi_device_t &dev) {
    size_t n = static_cast<size_t>(std::count_if(bus.waiting.begin(), bus.waiting.end(),
                                                 [&](const Job *job) { return job->dev == &dev; }));
    const Job *next = next_startable_locked(bus);
    return next != nullptr && next->dev == &dev ? n - 1 : n;
}

void run_job_begin(Bus &bus, Job &job, int64_t t_ready, bool in_isr) {
    spi_device_t &dev = *job.dev;
    run_callback(bus, dev.cfg.pre_cb, job.desc, in_isr);
    int64_t start = t_ready;
    if (dev.cfg.pre_cb != nullptr) {
        start = std::max(start, sim_clock().now_ns());  // a slow handler delays the transfer, as on the chip
    }
    const int64_t overhead = transaction_overhead_ns(job.polling, bus.dma);
    const int64_t bits_ns = static_cast<int64_t>(job.bits * kNsPerSecond / static_cast<uint64_t>(dev.actual_hz));
    frame_deliver(bus, job, start + overhead);
    std::lock_guard<std::mutex> lock(bus.mutex);
    job.start_ns = start;
    job.end_ns = start + overhead + bits_ns;
    bus.free_at_ns = job.end_ns;
    esp_sim_spi_stats_t &s = bus.stats;
    s.transactions++;
    s.polling_transactions += job.polling ? 1 : 0;
    s.bytes += job.tx_bytes;
    s.bits_ns += static_cast<uint64_t>(bits_ns);
    s.overhead_ns += static_cast<uint64_t>(overhead);
    s.busy_ns += static_cast<uint64_t>(job.end_ns - job.start_ns);
    if (s.first_start_ns < 0) {
        s.first_start_ns = start;
    }
    s.last_end_ns = job.end_ns;
}

void run_job_end(Bus &bus, Job &job, bool in_isr) {
    if (job.check_race && fnv1a(job.tx, job.tx_bytes) != job.tx_checksum) {
        std::lock_guard<std::mutex> lock(bus.mutex);
        if (bus.stats.dma_races++ == 0) {
            ESP_LOGW(kTag, "TX buffer %p was written while queued or on the bus (DMA race)", job.tx);
        }
    }
    frame_collect_miso(job);
    run_callback(bus, job.dev->cfg.post_cb, job.desc, in_isr);
    size_t first_leak = 0;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        job.done = true;
        if (bus.current == &job) {
            bus.current = nullptr;
        }
        if (!job.polling) {
            first_leak = hand_back_locked(bus, job);  // job may be gone now
        }
        bus.changed.notify_all();
    }
    if (first_leak > 0) {
        ESP_LOGW(kTag, "a result was dropped (result queue full) with its %u bytes of temporary DMA memory, which "
                 "ESP-IDF never frees: collect results, or queue DMA-capable buffers", static_cast<unsigned>(first_leak));
    }
}

void engine_start(Bus &bus) { bus.engine = std::thread(engine_loop, &bus); }

void engine_stop(Bus &bus) {
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        bus.stopping = true;
        bus.changed.notify_all();
    }
    if (bus.engine.joinable()) {
        bus.engine.join();
    }
}

int64_t virtual_next_event_ns() {
    int64_t best = INT64_MAX;
    for (int h = 0; h < SPI_HOST_MAX; ++h) {
        if (Bus *bus = all_buses(h)) {
            std::lock_guard<std::mutex> lock(bus->mutex);
            best = std::min(best, next_event_locked(*bus));
        }
    }
    return best;
}

void virtual_run_until(int64_t t_ns) {
    for (;;) {
        Bus *bus = nullptr;
        int64_t when = INT64_MAX;
        for (int h = 0; h < SPI_HOST_MAX; ++h) {
            if (Bus *b = all_buses(h)) {
                std::lock_guard<std::mutex> lock(b->mutex);
                const int64_t t = next_event_locked(*b);
                if (t < when) {
                    when = t;
                    bus = b;
                }
            }
        }
        if (bus == nullptr || when > t_ns) {
            break;
        }
        sim_clock().advance_virtual_to(when);
        std::unique_lock<std::mutex> lock(bus->mutex);
        if (Job *job = bus->current) {
            lock.unlock();
            run_job_end(*bus, *job, true);
        } else if (Job *next = next_startable_locked(*bus)) {
            bus->waiting.erase(std::find(bus->waiting.begin(), bus->waiting.end(), next));
            bus->current = next;
            lock.unlock();
            run_job_begin(*bus, *next, when, true);
        }
    }
    sim_clock().advance_virtual_to(t_ns);
}

void wait_until_ns(int64_t t_ns) {
    if (sim_clock().mode() == TimeMode::virtual_time) {
        virtual_run_until(t_ns);
    } else {
        sim_clock().sleep_until(t_ns);
    }
}

}  // namespace esp_sim
