// Receive paths: RXDATA, and RX buffers that are not DMA-capable go through temporary DMA memory.
#include <cstring>

#include "sim_fixture.hpp"

class RxTest : public SimTest {
protected:
    spi_device_handle_t full_duplex_device() {
        const spi_bus_config_t bus = seed_bus_config(4092);
        EXPECT_EQ(spi_bus_initialize(VSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
        spi_device_interface_config_t cfg = device_config(10000000, 2, 0);
        spi_device_handle_t dev = nullptr;
        EXPECT_EQ(spi_bus_add_device(VSPI_HOST, &cfg, &dev), ESP_OK);
        return dev;
    }
};

TEST_F(RxTest, RxDataIsFilledWithWhatMisoCarries) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = full_duplex_device();
    spi_transaction_t t = {};
    t.flags = SPI_TRANS_USE_TXDATA | SPI_TRANS_USE_RXDATA;
    t.length = 32;
    std::memset(t.rx_data, 0xAA, 4);
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    for (uint8_t b : t.rx_data) {
        EXPECT_EQ(b, 0);  // nothing drives MISO
    }
}

TEST_F(RxTest, NonDmaOrUnalignedRxBuffersAreBounced) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = full_duplex_device();
    uint8_t *tx = dma_buffer(16, 0x33);
    uint8_t *rx_dma = dma_buffer(20, 0xAA);
    std::vector<uint8_t> rx_host(16, 0xAA);
    spi_transaction_t t = {};
    t.tx_buffer = tx;
    t.length = 16 * 8;
    t.rx_buffer = rx_dma;  // DMA-capable and aligned: used directly
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    t.rx_buffer = rx_dma + 1;  // DMA-capable but not word-aligned
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    t.rx_buffer = rx_host.data();  // host memory
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(VSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.bounce_buffers, 2u);
    EXPECT_EQ(rx_host, std::vector<uint8_t>(16, 0));  // copied back at collection
    EXPECT_EQ(rx_dma[16], 0);     // the unaligned transfer wrote bytes 1..16 through its bounce copy
    EXPECT_EQ(rx_dma[17], 0xAA);  // and nothing beyond
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), heap_caps_get_total_size(MALLOC_CAP_DMA) - 16 - 24);
}
