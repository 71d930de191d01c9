// Every error path of the SPI master API returns ESP-IDF's code and never crashes.
#include <cstdlib>

#include "sim_fixture.hpp"

TEST_F(SimTest, BusInitializeErrors) {
    spi_bus_config_t cfg = seed_bus_config();
    EXPECT_EQ(spi_bus_initialize(SPI1_HOST, &cfg, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(static_cast<spi_host_device_t>(7), &cfg, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &cfg, static_cast<spi_dma_chan_t>(4)), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, nullptr, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    cfg.mosi_io_num = 24;  // does not exist
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &cfg, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    cfg.mosi_io_num = 34;  // input only
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &cfg, SPI_DMA_CH_AUTO), ESP_ERR_INVALID_ARG);
    cfg = seed_bus_config();
    cfg.miso_io_num = 34;  // input only is fine for MISO
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &cfg, SPI_DMA_CH1), ESP_OK);
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &cfg, SPI_DMA_CH1), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_bus_initialize(VSPI_HOST, &cfg, SPI_DMA_CH1), ESP_ERR_INVALID_STATE);  // channel taken
    EXPECT_EQ(spi_bus_initialize(VSPI_HOST, &cfg, SPI_DMA_CH_AUTO), ESP_OK);
}

TEST_F(SimTest, BusFreeErrors) {
    EXPECT_EQ(spi_bus_free(SPI1_HOST), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_free(HSPI_HOST), ESP_ERR_INVALID_STATE);
    spi_device_handle_t dev = make_device();
    EXPECT_EQ(spi_bus_free(HSPI_HOST), ESP_ERR_INVALID_STATE);  // a device is still attached
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_OK);
    EXPECT_EQ(spi_bus_free(HSPI_HOST), ESP_OK);
    EXPECT_EQ(spi_bus_free(HSPI_HOST), ESP_ERR_INVALID_STATE);
}

TEST_F(SimTest, AddDeviceErrors) {
    spi_device_interface_config_t cfg = device_config(40000000, 2);
    spi_device_handle_t dev = nullptr;
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_INVALID_STATE);  // bus not initialised
    EXPECT_EQ(spi_bus_add_device(SPI1_HOST, &cfg, &dev), ESP_ERR_INVALID_ARG);
    const spi_bus_config_t bus = seed_bus_config();
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, nullptr, &dev), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, nullptr), ESP_ERR_INVALID_ARG);
    cfg.spics_io_num = 34;
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_INVALID_ARG);
    cfg = device_config(0, 2);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_INVALID_ARG);
    cfg = device_config(-5, 2);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_INVALID_ARG);
    cfg = device_config(40000000, 0);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_INVALID_ARG);
    // Full duplex above 26.67 MHz through the GPIO matrix is refused unless half duplex or no-dummy is set.
    cfg = device_config(40000000, 2, 0);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_NOT_SUPPORTED);
    cfg = device_config(26000000, 2, 0);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
    cfg = device_config(40000000, 2, SPI_DEVICE_NO_DUMMY);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
    cfg = device_config(40000000, 2);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_ERR_NO_MEM);  // 3 CS slots per host
}

TEST_F(SimTest, FullDuplexAt40MHzWorksOnIomuxPins) {
    spi_bus_config_t bus = seed_bus_config();
    bus.sclk_io_num = 14;
    bus.miso_io_num = 12;
    bus.mosi_io_num = 13;
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    spi_device_interface_config_t cfg = device_config(40000000, 2, 0);
    cfg.spics_io_num = 15;
    spi_device_handle_t dev = nullptr;
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
}

TEST_F(SimTest, RemoveDeviceErrors) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    EXPECT_EQ(spi_bus_remove_device(nullptr), ESP_ERR_INVALID_ARG);
    spi_device_handle_t dev = make_device();
    spi_transaction_t t = {};
    t.length = 8;
    t.flags = SPI_TRANS_USE_TXDATA;
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_ERR_INVALID_STATE);  // unfinished transactions
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_OK);
    EXPECT_EQ(spi_bus_remove_device(dev), ESP_ERR_INVALID_ARG);       // stale handle
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
}

TEST_F(SimTest, TransactionValidation) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device();  // half duplex, DMA, max 155496 bytes
    uint8_t *buf = dma_buffer(16);
    spi_transaction_t t = {};
    EXPECT_EQ(spi_device_queue_trans(nullptr, &t, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_queue_trans(dev, nullptr, 0), ESP_ERR_INVALID_ARG);
    t.flags = SPI_TRANS_USE_TXDATA;
    t.length = 40;
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    t = {};
    t.flags = SPI_TRANS_USE_RXDATA;
    t.rxlength = 40;
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    t = {};
    t.tx_buffer = buf;
    t.length = (155496 + 1) * 8;
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    t = {};
    t.tx_buffer = buf;  // a TX buffer with length 0
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    t = {};
    t.tx_buffer = buf;
    t.length = 8;
    t.rx_buffer = buf + 8;
    t.rxlength = 8;  // half duplex with DMA cannot do both phases
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
    spi_transaction_t *done = nullptr;
    EXPECT_EQ(spi_device_get_trans_result(dev, nullptr, 0), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_get_trans_result(nullptr, &done, 0), ESP_ERR_INVALID_ARG);
    t = {};
    t.flags = SPI_TRANS_USE_TXDATA;
    t.length = 8;
    EXPECT_EQ(spi_device_polling_start(dev, &t, 10), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_polling_end(dev, portMAX_DELAY), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(spi_device_polling_transmit(nullptr, &t), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_acquire_bus(dev, 10), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(spi_device_acquire_bus(dev, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(spi_device_acquire_bus(dev, portMAX_DELAY), ESP_ERR_INVALID_STATE);
    spi_device_release_bus(dev);
    spi_device_release_bus(dev);  // not held: logged, harmless
    spi_device_release_bus(nullptr);
}

TEST_F(SimTest, FullDuplexRxLongerThanTxIsRefused) {
    spi_bus_config_t bus = seed_bus_config();
    ASSERT_EQ(spi_bus_initialize(VSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    spi_device_interface_config_t cfg = device_config(10000000, 2, 0);
    spi_device_handle_t dev = nullptr;
    ASSERT_EQ(spi_bus_add_device(VSPI_HOST, &cfg, &dev), ESP_OK);
    uint8_t *buf = dma_buffer(16);
    spi_transaction_t t = {};
    t.tx_buffer = buf;
    t.length = 8;
    t.rx_buffer = buf + 8;
    t.rxlength = 16;
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_INVALID_ARG);
}

TEST_F(SimTest, MaxTransferSizeIsRoundedToDmaDescriptors) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_bus_config_t bus = seed_bus_config(5000);  // two descriptors: 8184 bytes
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    bus = seed_bus_config(0);  // no DMA: 64 bytes
    ASSERT_EQ(spi_bus_initialize(VSPI_HOST, &bus, SPI_DMA_DISABLED), ESP_OK);
    spi_device_interface_config_t cfg = device_config(40000000, 2);
    spi_device_handle_t dma_dev = nullptr, cpu_dev = nullptr;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dma_dev), ESP_OK);
    ASSERT_EQ(spi_bus_add_device(VSPI_HOST, &cfg, &cpu_dev), ESP_OK);
    uint8_t *buf = dma_buffer(8200);
    spi_transaction_t t = {};
    t.tx_buffer = buf;
    t.length = 8184 * 8;
    EXPECT_EQ(spi_device_polling_transmit(dma_dev, &t), ESP_OK);
    t.length = 8185 * 8;
    EXPECT_EQ(spi_device_polling_transmit(dma_dev, &t), ESP_ERR_INVALID_ARG);
    t.length = 64 * 8;
    EXPECT_EQ(spi_device_polling_transmit(cpu_dev, &t), ESP_OK);
    t.length = 65 * 8;
    EXPECT_EQ(spi_device_polling_transmit(cpu_dev, &t), ESP_ERR_INVALID_ARG);
}

TEST_F(SimTest, NonDmaTxBufferNeedsABounceBufferOrFailsWithNoMem) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    spi_device_handle_t dev = make_device();
    std::vector<uint8_t> host_buf(1000, 0x11);  // ordinary host memory: not DMA-capable
    spi_transaction_t t = {};
    t.tx_buffer = host_buf.data();
    t.length = 1000 * 8;
    const size_t free_before = heap_caps_get_free_size(MALLOC_CAP_DMA);
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    EXPECT_LT(heap_caps_get_free_size(MALLOC_CAP_DMA), free_before);  // the bounce copy lives until collection
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), free_before);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.bounce_buffers, 1u);
    // Exhaust DMA memory: the copy cannot be made.
    while (heap_caps_malloc(4096, MALLOC_CAP_DMA) != nullptr) {
    }
    while (heap_caps_malloc(8, MALLOC_CAP_DMA) != nullptr) {
    }
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_ERR_NO_MEM);
    t.flags = SPI_TRANS_USE_TXDATA;  // inline data needs no DMA memory
    t.length = 8;
    EXPECT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
}
