// Transactions: queueing with ticks_to_wait, results in order, transmit, polling transactions, exclusive bus use.
#include <algorithm>
#include <chrono>
#include <climits>

#include "esp_log.h"
#include "isr_dispatch.hpp"
#include "sim_clock.hpp"
#include "spi_engine.hpp"
#include "spi_trans_prepare.hpp"

using namespace esp_sim;

namespace {

const char *const kTag = "spi_master";
constexpr int64_t kTickNs = kNsPerSecond / configTICK_RATE_HZ;

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

// ESP-IDF v4.4's bus lock as a device task takes it (spi_bus_lock.c: acquire_core, schedule_core, bg_exit_core):
// once no other device holds or waits for it, the device becomes the acquiring one; from then on the ISR serves
// only that device's queue (next_startable_locked), and the call returns when the transfer on the wire has ended
// and the device's own queued transactions are done. Other devices' queued transactions wait for the release.
// A device that already acquired the bus (spi_device_acquire_bus) only waits for its own queue
// (spi_bus_lock_wait_bg_done). False when, in virtual time, nothing could ever free the bus.
bool take_bus_lock(Bus &bus, spi_device_t *dev) {
    bool held;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        held = bus.owner == dev;
    }
    if (!held) {
        const auto take = [&] {  // checked and taken under the bus lock, so two devices cannot both take it
            if (bus.owner != nullptr || bus.acquirer != nullptr) {
                return false;
            }
            bus.acquirer = dev;
            return true;
        };
        if (!wait_for(bus, INT64_MAX, take)) {
            return false;
        }
    }
    const auto own_work_done = [&] {
        return bus.current == nullptr && !bus.polling &&
               std::none_of(bus.waiting.begin(), bus.waiting.end(), [&](const Job *j) { return j->dev == dev; });
    };
    if (!wait_for(bus, INT64_MAX, own_work_done)) {
        std::lock_guard<std::mutex> lock(bus.mutex);
        if (bus.acquirer == dev) {
            bus.acquirer = nullptr;
            bus.changed.notify_all();
        }
        return false;
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
    // queue_size bounds the transactions not yet started (xQueueSend to trans_queue); finished results waiting
    // for collection do not count (ESP-IDF v4.4 spi_master.c, spi_device_queue_trans()).
    const size_t limit = static_cast<size_t>(handle->cfg.queue_size);
    const auto room = [&] { return queued_not_started_locked(bus, *handle) < limit; };
    if (!wait_for(bus, deadline_after(ticks_to_wait), room)) {
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
    const auto ready = [&] { return !handle->results.empty(); };
    if (!wait_for(bus, deadline_after(ticks_to_wait), ready)) {
        count_timeout(bus);
        return ESP_ERR_TIMEOUT;
    }
    std::unique_ptr<Job> job;
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        job = std::move(handle->results.front());
        handle->results.pop_front();
        bus.changed.notify_all();
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
        // ESP-IDF asserts here (assert(ret_trans == trans_desc)): an older queued result was still uncollected.
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
    }
    std::unique_ptr<Job> job;
    err = prepare_job(*handle, *trans_desc, true, job);
    if (err != ESP_OK) {
        return err;
    }
    // ESP-IDF v4.4 takes the bus lock here (spi_bus_lock_acquire_start, or spi_bus_lock_wait_bg_done when the
    // device acquired the bus): uncollected results do not matter, the device's own queued transactions finish first.
    if (!take_bus_lock(bus, handle)) {
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
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        handle->polling_job.reset();
        bus.polling = false;
        if (bus.acquirer == handle) {
            bus.acquirer = nullptr;  // spi_bus_lock_acquire_end: other devices' queues run again
        }
        bus.changed.notify_all();
    }
    if (sim_clock().mode() == TimeMode::virtual_time) {
        virtual_run_until(sim_clock().now_ns());
    }
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
        if (device->polling_job) {
            ESP_LOGE(kTag, "Cannot acquire bus when a polling transaction is in progress");
            return ESP_ERR_INVALID_STATE;
        }
        if (bus.owner == device) {
            // ESP-IDF would wait for itself forever (the lock bit is already set).
            ESP_LOGE(kTag, "bus already acquired by this device");
            return ESP_ERR_INVALID_STATE;
        }
    }
    if (!take_bus_lock(bus, device)) {
        return ESP_ERR_INVALID_STATE;
    }
    std::lock_guard<std::mutex> lock(bus.mutex);
    bus.owner = device;
    bus.acquirer = nullptr;
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
