// The SPI master model: buses, devices and jobs, and the engine that moves jobs over a bus in simulated time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "driver/spi_master.h"
#include "esp_sim.h"
#include "spi_frame.hpp"

namespace esp_sim {

struct Bus;

// One transaction from queueing to collection.
struct Job {
    spi_device_t *dev = nullptr;
    spi_transaction_t *desc = nullptr;
    bool polling = false;
    const uint8_t *tx = nullptr;   // what DMA reads: the user's buffer, a bounce copy or desc->tx_data
    size_t tx_bytes = 0;
    uint8_t *rx = nullptr;         // where DMA writes: the user's buffer, a bounce buffer or desc->rx_data
    size_t rx_bytes = 0;
    uint8_t inline_tx[4] = {0, 0, 0, 0};  // SPI_TRANS_USE_TXDATA, copied at queue time
    void *bounce_tx = nullptr;
    void *bounce_rx = nullptr;
    uint64_t bits = 0;             // every phase on the wire
    uint64_t tx_checksum = 0;      // of the user's DMA buffer at queue time (DMA-race check)
    bool check_race = false;
    int64_t queued_ns = 0;
    int64_t start_ns = -1;
    int64_t end_ns = -1;
    bool done = false;
    std::vector<uint8_t> miso;     // what the listening device drove, captured at the transfer's start
};

// What a peripheral model receives when a transfer starts; it samples its own pins (D/C) at that moment.
class SpiSink {
public:
    virtual ~SpiSink() = default;
    virtual void on_transfer(const uint8_t *data, size_t bytes, int64_t data_start_ns, double ns_per_byte) = 0;
    // The whole transaction; a device that answers writes the MISO bits the master captures into miso
    // (frame.rx_bits of them, MSB first). By default the MOSI data phase goes to on_transfer (spi_frame.cpp).
    virtual void on_frame(const SpiFrame &frame, uint8_t *miso);
};

struct Bus {
    spi_host_device_t host = SPI2_HOST;
    bool dma = false;
    bool iomux = false;
    int max_transfer_sz = 0;

    std::mutex mutex;
    std::condition_variable changed;                 // a job finished, was queued or the bus was released
    spi_device_t *slots[3] = {nullptr, nullptr, nullptr};
    std::deque<Job *> waiting;                       // queued, not started, in queue order across devices
    Job *current = nullptr;
    int64_t free_at_ns = 0;                          // end of the last transfer
    spi_device_t *owner = nullptr;                   // spi_device_acquire_bus
    spi_device_t *acquirer = nullptr;                // a device taking the bus lock for a polling transaction
    bool polling = false;
    bool stopping = false;
    std::thread engine;                              // real-time mode only
    int dma_chan = 0;
    esp_sim_spi_stats_t stats{};
};

}  // namespace esp_sim

// The ESP-IDF handle type names this struct (spi_device_handle_t is struct spi_device_t *).
struct spi_device_t {
    esp_sim::Bus *bus = nullptr;
    int slot = 0;
    spi_device_interface_config_t cfg{};
    int actual_hz = 0;
    std::deque<std::unique_ptr<esp_sim::Job>> jobs;     // queued or on the bus, FIFO (ESP-IDF's trans_queue + current)
    std::deque<std::unique_ptr<esp_sim::Job>> results;  // finished, not yet collected; at most queue_size (ret_queue)
    std::unique_ptr<esp_sim::Job> polling_job;
};

namespace esp_sim {

// ---- registry of buses and sinks (spi_registry.cpp) ----
std::mutex &registry_mutex();
std::unique_ptr<Bus> &bus_slot_locked(spi_host_device_t host);  // registry mutex held
Bus *bus_for_host(spi_host_device_t host);     // nullptr if not initialised
bool device_is_live(spi_device_t *dev);        // handle validity, so stale handles give errors, not crashes
void register_device(spi_device_t *dev);
void unregister_device(spi_device_t *dev);
void attach_sink(spi_host_device_t host, int cs_pin, std::shared_ptr<SpiSink> sink);
void detach_sink(const SpiSink *sink);
std::shared_ptr<SpiSink> sink_for(spi_host_device_t host, int cs_pin);

// ---- engine (spi_engine.cpp) ----
// Bus-lock held: next job allowed to start (not removed).
Job *next_startable_locked(Bus &bus);
// Bus-lock held: the device's transactions that the bus has not started (ESP-IDF's trans_queue, which queue_size
// bounds). A transaction the bus would start at once counts as started: the ESP-IDF ISR takes it off the queue
// the moment it is queued on an idle bus.
size_t queued_not_started_locked(Bus &bus, const spi_device_t &dev);
void engine_start(Bus &bus);   // real-time mode: starts the bus thread
void engine_stop(Bus &bus);
// Runs one job through the bus now: pre_cb, transfer, post_cb (used by polling transactions and the engine).
void run_job_begin(Bus &bus, Job &job, int64_t t_ready, bool in_isr);
void run_job_end(Bus &bus, Job &job, bool in_isr);
// Virtual mode: processes every bus event up to t_ns, then sets the clock to t_ns.
void virtual_run_until(int64_t t_ns);
// Virtual mode: time of the earliest pending bus event, INT64_MAX if none.
int64_t virtual_next_event_ns();
// Lets simulated time pass until t_ns (virtual: run events; real: sleep).
void wait_until_ns(int64_t t_ns);
uint64_t fnv1a(const uint8_t *data, size_t n);
int64_t transaction_overhead_ns(bool polling, bool dma);

// Tears down every bus (reset).
void spi_reset_all();
void spi_release_dma_channels();  // spi_bus.cpp
uint64_t spi_total_dma_races();

}  // namespace esp_sim
