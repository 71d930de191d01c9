// Transactions: validation, DMA buffer rules (bounce buffers), queueing with ticks_to_wait, results in order,
// polling transactions, and exclusive bus use.
#include <chrono>
#include <climits>
#include <cstring>

#include "esp_log.h"
#include "heap_caps.hpp"
#include "isr_dispatch.hpp"
#include "sim_clock.hpp"
#include "spi_engine.hpp"

using namespace esp_sim;

namespace {

const char *const kTag = "spi_master";
constexpr int64_t kTickNs = kNsPerSecond / configTICK_RATE_HZ;

bool is_half_duplex(const spi_device_t &dev) { return dev.cfg.flags & SPI_DEVICE_HALFDUPLEX; }

// ESP-IDF's check_trans_valid.
esp_err_t check_transaction(const spi_device_t &dev, const spi_transaction_t &t) {
    const Bus &bus = *dev.bus;
    const bool half = is_half_duplex(dev);
    const bool tx_enabled = (t.flags & SPI_TRANS_USE_TXDATA) || t.tx_buffer != nullptr;
    const bool rx_enabled = (t.flags & SPI_TRANS_USE_RXDATA) || t.rx_buffer != nullptr;
    const size_t max_bits = static_cast<size_t>(bus.max_transfer_sz) * 8;
    const char *why = nullptr;
    if ((t.flags & SPI_TRANS_USE_RXDATA) && t.rxlength > 32) {
        why = "SPI_TRANS_USE_RXDATA only available for rxdata transfer <= 32 bits";
    } else if ((t.flags & SPI_TRANS_USE_TXDATA) && t.length > 32) {
        why = "SPI_TRANS_USE_TXDATA only available for txdata transfer <= 32 bits";
    } else if (t.length > max_bits) {
        why = "txdata transfer > host maximum";
    } else if (t.rxlength > max_bits) {
        why = "rxdata transfer > host maximum";
    } else if (!half && t.rxlength > t.length) {
        why = "rx length > tx length in full duplex mode";
    } else if (half && bus.dma && rx_enabled && tx_enabled) {
        why = "SPI half duplex mode does not support using DMA with both MOSI and MISO phases";
    } else if ((t.flags & (SPI_TRANS_MODE_DIO | SPI_TRANS_MODE_QIO)) && (dev.cfg.flags & SPI_DEVICE_3WIRE)) {
        why = "incompatible iface params";
    } else if ((t.flags & (SPI_TRANS_MODE_DIO | SPI_TRANS_MODE_QIO)) && !half) {
        why = "incompatible iface params";
    } else if (t.length == 0 && tx_enabled) {
        why = "trans tx_buffer should be NULL and SPI_TRANS_USE_TXDATA should be cleared to skip MOSI phase";
    } else if (half && t.rxlength == 0 && rx_enabled) {
        why = "trans rx_buffer should be NULL and SPI_TRANS_USE_RXDATA should be cleared to skip MISO phase";
    }
    if (why != nullptr) {
        ESP_LOGE(kTag, "%s", why);
        return ESP_ERR_INVALID_ARG;
    }
    return ESP_OK;
}

void free_bounce(Job &job) {
    heap_dma_free(job.bounce_tx);
    heap_dma_free(job.bounce_rx);
    job.bounce_tx = job.bounce_rx = nullptr;
}

// ESP-IDF's setup_priv_desc: DMA reads only DMA-capable memory, so other TX buffers are copied into temporary DMA
// memory now; RX goes through temporary memory when not DMA-capable or not word-aligned.
esp_err_t prepare_job(spi_device_t &dev, spi_transaction_t &t, bool polling, std::unique_ptr<Job> &out) {
    Bus &bus = *dev.bus;
    auto job = std::make_unique<Job>();
    job->dev = &dev;
    job->desc = &t;
    job->polling = polling;
    const size_t rx_bits = (!is_half_duplex(dev) && t.rxlength == 0) ? t.length : t.rxlength;
    uint64_t bounces = 0;
    if (t.flags & SPI_TRANS_USE_TXDATA) {
        std::memcpy(job->inline_tx, t.tx_data, sizeof job->inline_tx);
        job->tx = job->inline_tx;
        job->tx_bytes = (t.length + 7) / 8;
    } else if (t.tx_buffer != nullptr) {
        job->tx_bytes = (t.length + 7) / 8;
        const auto *src = static_cast<const uint8_t *>(t.tx_buffer);
        if (!bus.dma || heap_is_dma_capable(src, job->tx_bytes)) {
            job->tx = src;
            job->check_race = bus.dma;
            job->tx_checksum = job->check_race ? fnv1a(src, job->tx_bytes) : 0;
        } else {
            job->bounce_tx = heap_dma_alloc(job->tx_bytes);
            if (job->bounce_tx == nullptr) {
                ESP_LOGE(kTag, "no DMA memory for a %u-byte bounce buffer", static_cast<unsigned>(job->tx_bytes));
                return ESP_ERR_NO_MEM;
            }
            std::memcpy(job->bounce_tx, src, job->tx_bytes);
            job->tx = static_cast<const uint8_t *>(job->bounce_tx);
            bounces++;
        }
    }
    if (t.flags & SPI_TRANS_USE_RXDATA) {
        job->rx = t.rx_data;
        job->rx_bytes = (rx_bits + 7) / 8;
    } else if (t.rx_buffer != nullptr && rx_bits > 0) {
        job->rx_bytes = (rx_bits + 7) / 8;
        auto *dst = static_cast<uint8_t *>(t.rx_buffer);
        const bool aligned = reinterpret_cast<uintptr_t>(dst) % 4 == 0;
        if (!bus.dma || (heap_is_dma_capable(dst, job->rx_bytes) && aligned)) {
            job->rx = dst;
        } else {
            job->bounce_rx = heap_dma_alloc(job->rx_bytes);
            if (job->bounce_rx == nullptr) {
                free_bounce(*job);
                ESP_LOGE(kTag, "no DMA memory for a %u-byte RX buffer", static_cast<unsigned>(job->rx_bytes));
                return ESP_ERR_NO_MEM;
            }
            job->rx = static_cast<uint8_t *>(job->bounce_rx);
            bounces++;
        }
    }
    job->bits = static_cast<uint64_t>(dev.cfg.command_bits) + dev.cfg.address_bits + dev.cfg.dummy_bits + t.length +
                (is_half_duplex(dev) ? rx_bits : 0);
    job->queued_ns = sim_clock().now_ns();
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        bus.stats.bounce_buffers += bounces;
    }
    out = std::move(job);
    return ESP_OK;
}

// Hands the result back to the user: RX copied out of its bounce buffer, temporary memory freed.
void finish_collection(Job &job) {
    if (job.bounce_rx != nullptr && job.desc->rx_buffer != nullptr) {
        std::memcpy(job.desc->rx_buffer, job.bounce_rx, job.rx_bytes);
    }
    free_bounce(job);
}

bool is_forever(TickType_t ticks) { return ticks == portMAX_DELAY; }

int64_t deadline_after(TickType_t ticks) {
    return is_forever(ticks) ? INT64_MAX : sim_clock().now_ns() + static_cast<int64_t>(ticks) * kTickNs;
}

// Waits until ready() holds (checked under the bus lock) or the deadline passes. Virtual mode runs bus events;
// when nothing can happen any more it gives up instead of hanging.
template <typename Ready>
bool wait_for(Bus &bus, int64_t deadline, Ready ready) {
    if (sim_clock().mode() == TimeMode::virtual_time) {
        for (;;) {
            {
                std::lock_guard<std::mutex> lock(bus.mutex);
                if (ready()) {
                    return true;
                }
            }
            const int64_t next = virtual_next_event_ns();
            if (next == INT64_MAX || next > deadline) {
                if (deadline != INT64_MAX) {
                    virtual_run_until(deadline);
                } else {
                    ESP_LOGE(kTag, "waiting forever for something no simulated event can bring");
                }
                return false;
            }
            virtual_run_until(next);
        }
    }
    std::unique_lock<std::mutex> lock(bus.mutex);
    while (!ready()) {
        if (deadline == INT64_MAX) {
            bus.changed.wait(lock);
            continue;
        }
        const int64_t left = deadline - sim_clock().now_ns();
        if (left <= 0) {
            return false;
        }
        bus.changed.wait_for(lock, std::chrono::nanoseconds(left));
    }
    return true;
}

void count_timeout(Bus &bus) {
    std::lock_guard<std::mutex> lock(bus.mutex);
    bus.stats.queue_timeouts++;
}

esp_err_t enter_task_call(spi_device_handle_t handle, const void *arg) {
    if (isr_active()) {
        ESP_LOGE(kTag, "SPI master calls are not allowed in interrupt context");
        return ESP_ERR_INVALID_STATE;
    }
    if (arg == nullptr || !device_is_live(handle)) {
        ESP_LOGE(kTag, "invalid device handle or argument");
        return ESP_ERR_INVALID_ARG;
    }
    return ESP_OK;
}

}  // namespace

extern "C" {

esp_err_t spi_device_queue_trans(spi_device_handle_t handle, spi_transaction_t *trans_desc, TickType_t ticks_to_wait) {
    esp_err_t err = enter_task_call(handle, trans_desc);
    if (err == ESP_OK) {
        err = check_transaction(*handle, *trans_desc);
    }
    if (err != ESP_OK) {
        return err;
    }
    Bus &bus = *handle->bus;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        if (handle->polling_job) {
            ESP_LOGE(kTag, "Cannot queue new transaction while previous polling transaction is not terminated");
            return ESP_ERR_INVALID_STATE;
        }
    }
    const size_t limit = static_cast<size_t>(handle->cfg.queue_size);
    if (!wait_for(bus, deadline_after(ticks_to_wait), [&] { return handle->jobs.size() < limit; })) {
        count_timeout(bus);
        return ESP_ERR_TIMEOUT;
    }
    std::unique_ptr<Job> job;
    err = prepare_job(*handle, *trans_desc, false, job);
    if (err != ESP_OK) {
        return err;
    }
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        bus.waiting.push_back(job.get());
        handle->jobs.push_back(std::move(job));
        bus.changed.notify_all();
    }
    if (sim_clock().mode() == TimeMode::virtual_time) {
        virtual_run_until(sim_clock().now_ns());  // an idle bus starts it now
    }
    return ESP_OK;
}

esp_err_t spi_device_get_trans_result(spi_device_handle_t handle, spi_transaction_t **trans_desc,
                                      TickType_t ticks_to_wait) {
    const esp_err_t err = enter_task_call(handle, trans_desc);
    if (err != ESP_OK) {
        return err;
    }
    Bus &bus = *handle->bus;
    const auto ready = [&] { return !handle->jobs.empty() && handle->jobs.front()->done; };
    if (!wait_for(bus, deadline_after(ticks_to_wait), ready)) {
        count_timeout(bus);
        return ESP_ERR_TIMEOUT;
    }
    std::unique_ptr<Job> job;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        job = std::move(handle->jobs.front());
        handle->jobs.pop_front();
        bus.changed.notify_all();  // a queue slot is free
    }
    finish_collection(*job);
    *trans_desc = job->desc;
    return ESP_OK;
}

esp_err_t spi_device_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc) {
    esp_err_t err = spi_device_queue_trans(handle, trans_desc, portMAX_DELAY);
    if (err != ESP_OK) {
        return err;
    }
    spi_transaction_t *done = nullptr;
    err = spi_device_get_trans_result(handle, &done, portMAX_DELAY);
    if (err != ESP_OK) {
        return err;
    }
    if (done != trans_desc) {
        ESP_LOGE(kTag, "spi_device_transmit got an older queued transaction back: collect those first");
        return ESP_ERR_INVALID_STATE;
    }
    return ESP_OK;
}

esp_err_t spi_device_polling_start(spi_device_handle_t handle, spi_transaction_t *trans_desc, TickType_t ticks_to_wait) {
    esp_err_t err = enter_task_call(handle, trans_desc);
    if (err != ESP_OK) {
        return err;
    }
    if (!is_forever(ticks_to_wait)) {
        ESP_LOGE(kTag, "currently timeout is not available for polling transactions");
        return ESP_ERR_INVALID_ARG;
    }
    err = check_transaction(*handle, *trans_desc);
    if (err != ESP_OK) {
        return err;
    }
    Bus &bus = *handle->bus;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        if (handle->polling_job) {
            ESP_LOGE(kTag, "Cannot send polling transaction while the previous polling transaction is not terminated");
            return ESP_ERR_INVALID_STATE;
        }
        if (!handle->jobs.empty()) {
            ESP_LOGE(kTag, "collect the queued transactions of this device before a polling one");
            return ESP_ERR_INVALID_STATE;
        }
    }
    std::unique_ptr<Job> job;
    err = prepare_job(*handle, *trans_desc, true, job);
    if (err != ESP_OK) {
        return err;
    }
    // The bus must be idle (other devices' queued transfers finish first) and not held by another device.
    const auto idle = [&] {
        return bus.current == nullptr && bus.waiting.empty() && !bus.polling &&
               (bus.owner == nullptr || bus.owner == handle);
    };
    if (!wait_for(bus, INT64_MAX, idle)) {
        free_bounce(*job);
        return ESP_ERR_INVALID_STATE;
    }
    int64_t t_ready;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        bus.polling = true;
        t_ready = std::max(sim_clock().now_ns(), bus.free_at_ns);
        handle->polling_job = std::move(job);
    }
    run_job_begin(bus, *handle->polling_job, t_ready, false);
    return ESP_OK;
}

esp_err_t spi_device_polling_end(spi_device_handle_t handle, TickType_t ticks_to_wait) {
    if (isr_active()) {
        return ESP_ERR_INVALID_STATE;
    }
    if (!device_is_live(handle)) {
        return ESP_ERR_INVALID_ARG;
    }
    Bus &bus = *handle->bus;
    Job *job;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        job = handle->polling_job.get();
    }
    if (job == nullptr) {
        ESP_LOGE(kTag, "no polling transaction to end");
        return ESP_ERR_INVALID_STATE;
    }
    const int64_t deadline = deadline_after(ticks_to_wait);
    if (job->end_ns > deadline) {
        wait_until_ns(deadline);
        return ESP_ERR_TIMEOUT;
    }
    wait_until_ns(job->end_ns);
    run_job_end(bus, *job, false);
    finish_collection(*job);
    std::lock_guard<std::mutex> lock(bus.mutex);
    handle->polling_job.reset();
    bus.polling = false;
    bus.changed.notify_all();
    return ESP_OK;
}

esp_err_t spi_device_polling_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc) {
    const esp_err_t err = spi_device_polling_start(handle, trans_desc, portMAX_DELAY);
    return err != ESP_OK ? err : spi_device_polling_end(handle, portMAX_DELAY);
}

esp_err_t spi_device_acquire_bus(spi_device_handle_t device, TickType_t wait) {
    const esp_err_t err = enter_task_call(device, device);
    if (err != ESP_OK) {
        return err;
    }
    if (!is_forever(wait)) {
        ESP_LOGE(kTag, "acquire finite time not supported now");
        return ESP_ERR_INVALID_ARG;
    }
    Bus &bus = *device->bus;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        if (bus.owner == device) {
            ESP_LOGE(kTag, "bus already acquired by this device");
            return ESP_ERR_INVALID_STATE;
        }
    }
    if (!wait_for(bus, INT64_MAX, [&] { return bus.owner == nullptr; })) {
        return ESP_ERR_INVALID_STATE;
    }
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        bus.owner = device;
    }
    // Another device's transfer already on the wire finishes first.
    wait_for(bus, INT64_MAX, [&] { return bus.current == nullptr || bus.current->dev == device; });
    return ESP_OK;
}

void spi_device_release_bus(spi_device_handle_t dev) {
    if (isr_active() || !device_is_live(dev)) {
        return;
    }
    Bus &bus = *dev->bus;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        if (bus.owner != dev) {
            ESP_LOGE(kTag, "spi_device_release_bus: the bus is not acquired by this device");
            return;
        }
        bus.owner = nullptr;
        bus.changed.notify_all();
    }
    if (sim_clock().mode() == TimeMode::virtual_time) {
        virtual_run_until(sim_clock().now_ns());
    }
}

}  // extern "C"
