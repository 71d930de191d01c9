// Bus time: N bits at the actual clock plus ESP-IDF's per-transaction cost, exact in virtual time, within 5% in real time.
#include <chrono>

#include "sim_fixture.hpp"

namespace {

constexpr size_t kMegabitBytes = 125000;  // 1,000,000 bits
constexpr uint64_t kMegabitAt40MHzNs = 25000000;
constexpr uint64_t kQueuedDmaCostNs = 28000;

spi_transaction_t megabit(const uint8_t *buf) {
    spi_transaction_t t = {};
    t.length = kMegabitBytes * 8;
    t.tx_buffer = buf;
    return t;
}

}  // namespace

TEST_F(SimTest, MegabitAt40MHzTakesExactly25msInVirtualTime) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000);
    spi_transaction_t t = megabit(dma_buffer(kMegabitBytes, 0x5A));
    const int64_t before = esp_sim_now_ns();
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.bits_ns, kMegabitAt40MHzNs);
    EXPECT_EQ(s.overhead_ns, kQueuedDmaCostNs);
    EXPECT_EQ(s.busy_ns, kMegabitAt40MHzNs + kQueuedDmaCostNs);
    EXPECT_EQ(s.bytes, kMegabitBytes);
    EXPECT_EQ(esp_sim_now_ns() - before, static_cast<int64_t>(kMegabitAt40MHzNs + kQueuedDmaCostNs));
}

TEST_F(SimTest, MegabitAt40MHzTakes25msInRealTime) {
    spi_device_handle_t dev = make_device(40000000);
    spi_transaction_t t = megabit(dma_buffer(kMegabitBytes, 0x5A));
    const auto wall_start = std::chrono::steady_clock::now();
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    const auto wall = std::chrono::steady_clock::now() - wall_start;
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    // The engine's own account of the bus, independent of how late this thread was scheduled.
    EXPECT_NEAR(static_cast<double>(s.busy_ns), 25e6, 25e6 * 0.05);
    EXPECT_NEAR(static_cast<double>(s.last_end_ns - s.first_start_ns), 25e6, 25e6 * 0.05);
    // The caller really waited for the bus: never less than the transfer time.
    EXPECT_GE(wall, std::chrono::nanoseconds(kMegabitAt40MHzNs));
    EXPECT_LT(wall, std::chrono::milliseconds(500));
}

TEST_F(SimTest, QueuedTransfersKeepTheBusSaturatedInRealTime) {
    spi_device_handle_t dev = make_device(40000000, 4);
    uint8_t *buf = dma_buffer(12500);  // 2.5 ms each
    spi_transaction_t t[4] = {};
    for (auto &x : t) {
        x.length = 12500 * 8;
        x.tx_buffer = buf;
        ASSERT_EQ(spi_device_queue_trans(dev, &x, portMAX_DELAY), ESP_OK);
    }
    for (int i = 0; i < 4; ++i) {
        spi_transaction_t *done = nullptr;
        ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    }
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.transactions, 4u);
    EXPECT_EQ(s.bits_ns, 4u * 2500000u);
    // Back to back: the span equals the sum of the transfers (no gaps from thread wake-ups).
    EXPECT_EQ(static_cast<uint64_t>(s.last_end_ns - s.first_start_ns), s.busy_ns);
}

TEST_F(SimTest, BusTimeUsesTheActualClock) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(27000000);  // rounds to 80/3 MHz
    spi_transaction_t t = {};
    t.length = 1000 * 8;
    t.tx_buffer = dma_buffer(1000);
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.bits_ns, 8000ull * 1000000000ull / 26666666ull);
}

TEST_F(SimTest, PollingTransactionsCostLessThanQueuedOnes) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000);
    spi_transaction_t t = {};
    t.length = 8;
    t.flags = SPI_TRANS_USE_TXDATA;
    ASSERT_EQ(spi_device_polling_transmit(dev, &t), ESP_OK);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.overhead_ns, 10000u);  // polling + DMA
    EXPECT_EQ(s.polling_transactions, 1u);
    EXPECT_EQ(s.bits_ns, 200u);
}
