// Queued transactions as ESP-IDF v4.4 runs them: queue depth and ticks_to_wait, FIFO results, dropped results,
// transmit, the bus lock of polling transactions, exclusive bus use.
#include <atomic>
#include <chrono>
#include <vector>

#include "sim_fixture.hpp"

namespace {

// Transaction ids in post_cb order; a fixed array because handlers must not allocate.
int g_finished[16];
std::atomic<int> g_finished_count{0};

void record_post(spi_transaction_t *t) {
    g_finished[g_finished_count++ & 15] = static_cast<int>(reinterpret_cast<intptr_t>(t->user));
}

spi_transaction_t bytes_trans(const uint8_t *buf, size_t n, int id = 0) {
    spi_transaction_t t = {};
    t.length = n * 8;
    t.tx_buffer = buf;
    t.user = reinterpret_cast<void *>(static_cast<intptr_t>(id));
    return t;
}

}  // namespace

// Devices on HSPI (with DMA) whose post_cb records the ids (trans.user) of finished transactions, in order.
class QueueOrderTest : public SimTest {
protected:
    void SetUp() override {
        SimTest::SetUp();
        g_finished_count = 0;
    }
    // A recording device with chip select cs; the first one initialises the bus (set the time mode before).
    spi_device_handle_t recording_device(int queue_size, int cs = kCs) {
        if (!bus_up_) {
            const spi_bus_config_t bus = seed_bus_config(4092);
            EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
            bus_up_ = true;
        }
        spi_device_interface_config_t cfg = device_config(40000000, queue_size);
        cfg.post_cb = record_post;
        cfg.spics_io_num = cs;
        spi_device_handle_t dev = nullptr;
        EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
        return dev;
    }
    static std::vector<int> finished() { return std::vector<int>(g_finished, g_finished + g_finished_count.load()); }

private:
    bool bus_up_ = false;
};

// ESP-IDF v4.4 spi_master.c, spi_device_queue_trans(): queue_size bounds trans_queue, the transactions the ISR has
// not started yet. A transaction queued on an idle bus starts at once, so queue_size 2 takes three.
TEST_F(SimTest, QueueFullTimesOutAfterTicksToWaitInVirtualTime) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000, 2);
    uint8_t *buf = dma_buffer(100);
    spi_transaction_t a = bytes_trans(buf, 100), b = bytes_trans(buf, 100), c = bytes_trans(buf, 100),
                      d = bytes_trans(buf, 100);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);  // on the bus
    ASSERT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);  // waiting
    ASSERT_EQ(spi_device_queue_trans(dev, &c, 0), ESP_OK);  // waiting
    EXPECT_EQ(spi_device_queue_trans(dev, &d, 0), ESP_ERR_TIMEOUT);
    // 5 ticks of 10 ms: the three transfers end long before, so d finds room as soon as b starts.
    const int64_t before = esp_sim_now_ns();
    EXPECT_EQ(spi_device_queue_trans(dev, &d, 5), ESP_OK);
    EXPECT_LT(esp_sim_now_ns() - before, 1000000);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.queue_timeouts, 1u);
}

TEST_F(SimTest, QueueWaitsTicksToWaitThenTimesOutInVirtualTime) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    // 100 kHz: 4000 bytes take 320 ms on the wire, longer than the 5 ticks waited.
    spi_device_handle_t dev = make_device(100000, 1);
    uint8_t *buf = dma_buffer(4000);
    spi_transaction_t a = bytes_trans(buf, 4000), b = bytes_trans(buf, 4000), c = bytes_trans(buf, 4000);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);
    const int64_t before = esp_sim_now_ns();
    EXPECT_EQ(spi_device_queue_trans(dev, &c, 5), ESP_ERR_TIMEOUT);
    EXPECT_EQ(esp_sim_now_ns() - before, 5 * 10 * 1000000);
}

TEST_F(SimTest, QueueFullTimesOutInRealTime) {
    // 100 kHz: 1000 bytes take 80 ms on the wire, so b is still waiting when c is queued.
    spi_device_handle_t dev = make_device(100000, 1);
    uint8_t *buf = dma_buffer(1000);
    spi_transaction_t a = bytes_trans(buf, 1000, 1), b = bytes_trans(buf, 1000, 2), c = bytes_trans(buf, 1000, 3);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(spi_device_queue_trans(dev, &c, 2), ESP_ERR_TIMEOUT);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(20));
    // Without collecting anything: room again once b is on the bus.
    EXPECT_EQ(spi_device_queue_trans(dev, &c, portMAX_DELAY), ESP_OK);
    ASSERT_EQ(esp_sim_run_until_idle(), ESP_OK);
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_OK);
    EXPECT_EQ(done, &a);  // the result queue (queue_size 1) kept the first; b's and c's were dropped
    EXPECT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_ERR_TIMEOUT);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.dropped_results, 2u);
    EXPECT_EQ(s.transactions, 3u);
}

// spi_intr() returns a finished transaction with xQueueSendFromISR, which fails when the result queue (queue_size
// deep) is full: a driver that never collects (the 2019 ILI9341 driver) keeps running, and its later results are lost.
TEST_F(QueueOrderTest, UncollectedResultsAreDroppedNotBlocking) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = recording_device(2);
    uint8_t *buf = dma_buffer(64);
    spi_transaction_t t[6];
    for (int i = 0; i < 6; ++i) {
        t[i] = bytes_trans(buf, 64, i);
        ASSERT_EQ(spi_device_queue_trans(dev, &t[i], portMAX_DELAY), ESP_OK);
    }
    ASSERT_EQ(esp_sim_run_until_idle(), ESP_OK);
    EXPECT_EQ(finished(), (std::vector<int>{0, 1, 2, 3, 4, 5}));  // every transfer ran, post_cb included
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_OK);
    EXPECT_EQ(done, &t[0]);
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_OK);
    EXPECT_EQ(done, &t[1]);
    EXPECT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_ERR_TIMEOUT);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.dropped_results, 4u);
    EXPECT_EQ(s.leaked_bytes, 0u);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_OK);  // nothing left to collect
}

// A dropped result's temporary DMA buffer is never freed: ESP-IDF frees it only in spi_device_get_trans_result.
TEST_F(SimTest, DroppedResultLeaksItsBounceBufferAsEspIdfDoes) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000, 1);
    std::vector<uint8_t> host_buf(1000, 0x22);  // not DMA-capable: copied into temporary DMA memory
    spi_transaction_t a = {}, b = {};
    a.tx_buffer = b.tx_buffer = host_buf.data();
    a.length = b.length = 1000 * 8;
    const size_t free_before = heap_caps_get_free_size(MALLOC_CAP_DMA);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, portMAX_DELAY), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b, portMAX_DELAY), ESP_OK);
    ASSERT_EQ(esp_sim_run_until_idle(), ESP_OK);
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_OK);  // frees a's copy
    EXPECT_EQ(done, &a);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.dropped_results, 1u);
    EXPECT_EQ(s.leaked_bytes, 1000u);
    EXPECT_LE(heap_caps_get_free_size(MALLOC_CAP_DMA), free_before - 1000);
}

TEST_F(QueueOrderTest, ResultsComeBackInQueueOrderAcrossDevices) {
    spi_device_handle_t d1 = recording_device(3), d2 = recording_device(3, 15);
    uint8_t *buf = dma_buffer(64);
    spi_transaction_t t[6];
    for (int i = 0; i < 6; ++i) {
        t[i] = bytes_trans(buf, 16 + 8 * i, i);
        ASSERT_EQ(spi_device_queue_trans(i % 2 ? d2 : d1, &t[i], portMAX_DELAY), ESP_OK);
    }
    for (int i = 0; i < 6; i += 2) {
        spi_transaction_t *done = nullptr;
        ASSERT_EQ(spi_device_get_trans_result(d1, &done, portMAX_DELAY), ESP_OK);
        EXPECT_EQ(done, &t[i]);
    }
    for (int i = 1; i < 6; i += 2) {
        spi_transaction_t *done = nullptr;
        ASSERT_EQ(spi_device_get_trans_result(d2, &done, portMAX_DELAY), ESP_OK);
        EXPECT_EQ(done, &t[i]);
    }
    EXPECT_EQ(finished(), (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST_F(SimTest, GetTransResultTimesOutWhenNothingIsQueued) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device();
    spi_transaction_t *done = nullptr;
    EXPECT_EQ(spi_device_get_trans_result(dev, &done, 3), ESP_ERR_TIMEOUT);
    EXPECT_EQ(esp_sim_now_ns(), 30 * 1000000);
    EXPECT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_ERR_TIMEOUT);  // would hang on a chip
}

TEST_F(SimTest, TransmitRefusesWhenOlderResultsAreUncollected) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device();
    uint8_t *buf = dma_buffer(8);
    spi_transaction_t a = bytes_trans(buf, 8), b = bytes_trans(buf, 8);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    EXPECT_EQ(spi_device_transmit(dev, &b), ESP_ERR_INVALID_STATE);
}

// spi_device_polling_start() takes the bus lock (ESP-IDF v4.4 spi_bus_lock_acquire_start): it waits for the
// device's queued transactions to finish; their results may stay uncollected.
TEST_F(QueueOrderTest, PollingWaitsForTheDevicesQueueNotForCollection) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = recording_device(2);
    uint8_t *buf = dma_buffer(4000);
    spi_transaction_t a = bytes_trans(buf, 4000, 1), b = bytes_trans(buf, 4000, 2), p = bytes_trans(buf, 8, 3);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);
    ASSERT_EQ(spi_device_polling_transmit(dev, &p), ESP_OK);
    EXPECT_EQ(finished(), (std::vector<int>{1, 2, 3}));
    // Both queued results are still there, in order.
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_OK);
    EXPECT_EQ(done, &a);
    ASSERT_EQ(spi_device_polling_transmit(dev, &p), ESP_OK);  // one result still uncollected: fine
    // While a polling transaction is in flight, queueing and a second polling start are refused.
    ASSERT_EQ(spi_device_polling_start(dev, &p, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_device_polling_start(dev, &p, portMAX_DELAY), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_device_acquire_bus(dev, portMAX_DELAY), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_device_polling_end(dev, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
}

// The bus lock hands the bus to the polling device once the transfer on the wire ends; other devices' queued
// transactions wait until the polling transaction releases it (spi_bus_lock.c, schedule_core()).
TEST_F(QueueOrderTest, PollingGoesBeforeOtherDevicesQueuedTransactions) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t d1 = recording_device(2), d2 = recording_device(2, 15);
    uint8_t *buf = dma_buffer(4000);
    spi_transaction_t a = bytes_trans(buf, 4000, 1), b = bytes_trans(buf, 4000, 2), p = bytes_trans(buf, 8, 3);
    ASSERT_EQ(spi_device_queue_trans(d1, &a, 0), ESP_OK);  // on the bus
    ASSERT_EQ(spi_device_queue_trans(d2, &b, 0), ESP_OK);  // waiting
    ASSERT_EQ(spi_device_polling_transmit(d1, &p), ESP_OK);
    ASSERT_EQ(esp_sim_run_until_idle(), ESP_OK);
    EXPECT_EQ(finished(), (std::vector<int>{1, 3, 2}));
}

// spi_device_acquire_bus() returns once the device's own queued transactions are done (spi_bus_lock.c:
// "requests of this device should already be handled").
TEST_F(QueueOrderTest, AcquireBusWaitsForTheDevicesOwnQueue) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = recording_device(2);
    uint8_t *buf = dma_buffer(4000);
    spi_transaction_t a = bytes_trans(buf, 4000, 1), b = bytes_trans(buf, 4000, 2);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);
    EXPECT_EQ(finished(), (std::vector<int>{}));
    ASSERT_EQ(spi_device_acquire_bus(dev, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(finished(), (std::vector<int>{1, 2}));
    spi_device_release_bus(dev);
}

TEST_F(SimTest, AcquiredBusHoldsOtherDevicesBack) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t d1 = make_device();
    spi_device_interface_config_t cfg = device_config(40000000, 2);
    cfg.spics_io_num = 15;
    spi_device_handle_t d2 = nullptr;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &d2), ESP_OK);
    ASSERT_EQ(spi_device_acquire_bus(d1, portMAX_DELAY), ESP_OK);
    uint8_t *buf = dma_buffer(8);
    spi_transaction_t a = bytes_trans(buf, 8), b = bytes_trans(buf, 8);
    ASSERT_EQ(spi_device_queue_trans(d2, &b, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(d1, &a, 0), ESP_OK);
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(d1, &done, 1), ESP_OK);  // the owner goes first
    EXPECT_EQ(spi_device_get_trans_result(d2, &done, 1), ESP_ERR_TIMEOUT);
    spi_device_release_bus(d1);
    EXPECT_EQ(spi_device_get_trans_result(d2, &done, 1), ESP_OK);
    EXPECT_EQ(done, &b);
}
