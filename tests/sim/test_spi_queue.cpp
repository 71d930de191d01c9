// Queued transactions: queue depth and ticks_to_wait, FIFO results, transmit, polling rules, exclusive bus use.
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

TEST_F(SimTest, QueueFullTimesOutAfterTicksToWaitInVirtualTime) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000, 2);
    uint8_t *buf = dma_buffer(100);
    spi_transaction_t a = bytes_trans(buf, 100), b = bytes_trans(buf, 100), c = bytes_trans(buf, 100);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);
    EXPECT_EQ(spi_device_queue_trans(dev, &c, 0), ESP_ERR_TIMEOUT);
    const int64_t before = esp_sim_now_ns();
    EXPECT_EQ(spi_device_queue_trans(dev, &c, 5), ESP_ERR_TIMEOUT);
    EXPECT_EQ(esp_sim_now_ns() - before, 5 * 10 * 1000000);  // 5 ticks of 10 ms
    // Finished but uncollected transactions still occupy the queue; collecting one frees a slot.
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, 0), ESP_OK);
    EXPECT_EQ(done, &a);
    EXPECT_EQ(spi_device_queue_trans(dev, &c, 0), ESP_OK);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.queue_timeouts, 2u);
}

TEST_F(SimTest, QueueFullTimesOutInRealTime) {
    spi_device_handle_t dev = make_device(40000000, 1);
    uint8_t *buf = dma_buffer(100);
    spi_transaction_t a = bytes_trans(buf, 100), b = bytes_trans(buf, 100);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(spi_device_queue_trans(dev, &b, 2), ESP_ERR_TIMEOUT);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(20));
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_device_queue_trans(dev, &b, 0), ESP_OK);
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(done, &b);
}

TEST_F(SimTest, ResultsComeBackInQueueOrderAcrossDevices) {
    g_finished_count = 0;
    spi_device_interface_config_t cfg = device_config(40000000, 3);
    cfg.post_cb = record_post;
    const spi_bus_config_t bus = seed_bus_config(4092);
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    spi_device_handle_t d1 = nullptr, d2 = nullptr;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &d1), ESP_OK);
    cfg.spics_io_num = 15;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &d2), ESP_OK);
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
    ASSERT_EQ(g_finished_count.load(), 6);
    EXPECT_EQ(std::vector<int>(g_finished, g_finished + 6), (std::vector<int>{0, 1, 2, 3, 4, 5}));
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

TEST_F(SimTest, PollingNeedsQueuedResultsCollectedAndBlocksQueueing) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device();
    uint8_t *buf = dma_buffer(8);
    spi_transaction_t a = bytes_trans(buf, 8), p = bytes_trans(buf, 8);
    ASSERT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
    EXPECT_EQ(spi_device_polling_transmit(dev, &p), ESP_ERR_INVALID_STATE);
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    ASSERT_EQ(spi_device_polling_start(dev, &p, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_device_polling_start(dev, &p, portMAX_DELAY), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_device_polling_end(dev, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_device_queue_trans(dev, &a, 0), ESP_OK);
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
