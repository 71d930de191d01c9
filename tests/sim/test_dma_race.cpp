// The DMA-race check: a TX buffer written between queueing and the end of its transfer is counted.
#include "sim_fixture.hpp"

TEST_F(SimTest, WritingAQueuedBufferIsADmaRace) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000, 2);
    uint8_t *a = dma_buffer(4000, 1);
    uint8_t *b = dma_buffer(4000, 2);
    spi_transaction_t ta = {}, tb = {};
    ta.length = tb.length = 4000 * 8;
    ta.tx_buffer = a;
    tb.tx_buffer = b;
    ASSERT_EQ(spi_device_queue_trans(dev, &ta, 0), ESP_OK);
    ASSERT_EQ(spi_device_queue_trans(dev, &tb, 0), ESP_OK);
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    a[0] = 9;  // fine: a's transfer is over
    EXPECT_EQ(esp_sim_dma_race_count(), 0u);
    b[100] = 9;  // b is still on the bus
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(esp_sim_dma_race_count(), 1u);
}

TEST_F(SimTest, BounceBufferedTransfersCannotRace) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device(40000000, 2);
    std::vector<uint8_t> host(4000, 3);
    spi_transaction_t t = {};
    t.length = 4000 * 8;
    t.tx_buffer = host.data();
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    host[0] = 7;  // the bounce copy was taken at queue time, as ESP-IDF does
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(esp_sim_dma_race_count(), 0u);
}
