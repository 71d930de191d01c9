// A driver-style panel session in real time: D/C set by pre_cb from each transaction's user field, transactions
// queued back to back, so the panel must see each D/C level at the moment its transfer starts.
#include <cstring>

#include "sim_fixture.hpp"

namespace {

void dc_from_user(spi_transaction_t *t) {
    gpio_set_level(static_cast<gpio_num_t>(kDc), reinterpret_cast<intptr_t>(t->user) != 0);
}

}  // namespace

TEST_F(SimTest, PanelFollowsDcSetByPreCallbacksInRealTime) {
    gpio_config_t io = {};
    io.pin_bit_mask = 1ULL << kDc;
    io.mode = GPIO_MODE_OUTPUT;
    ASSERT_EQ(gpio_config(&io), ESP_OK);
    esp_sim_ili9341_config_t pc = {};
    pc.host = HSPI_HOST;
    pc.cs_io_num = kCs;
    pc.dc_io_num = kDc;
    pc.reset_io_num = -1;
    pc.backlight_io_num = -1;
    esp_sim_ili9341_t *panel = nullptr;
    ASSERT_EQ(esp_sim_ili9341_attach(&pc, &panel), ESP_OK);
    const spi_bus_config_t bus = seed_bus_config(4092);
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    spi_device_interface_config_t cfg = device_config(40000000, 10);
    cfg.pre_cb = dc_from_user;
    spi_device_handle_t dev = nullptr;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);

    // Command and data pieces; bytes live in DMA memory, as a driver's would.
    struct Piece {
        int dc;
        std::vector<uint8_t> bytes;
    };
    const std::vector<Piece> session = {
        {0, {0x3A}}, {1, {0x55}}, {0, {0x36}}, {1, {0x08}}, {0, {0x2A}}, {1, {0, 10, 0, 11}},
        {0, {0x2B}}, {1, {0, 20, 0, 21}}, {0, {0x2C}}, {1, {0xF8, 0x00, 0x07, 0xE0, 0x00, 0x1F, 0xFF, 0xFF}},
    };
    spi_transaction_t sleep_out = {};
    sleep_out.flags = SPI_TRANS_USE_TXDATA;
    sleep_out.length = 8;
    sleep_out.tx_data[0] = 0x11;
    ASSERT_EQ(spi_device_transmit(dev, &sleep_out), ESP_OK);
    vTaskDelay(1);  // 10 ms: more than the 5 ms SLPOUT needs
    std::vector<spi_transaction_t> trans(session.size());
    for (size_t i = 0; i < session.size(); ++i) {
        uint8_t *buf = dma_buffer(session[i].bytes.size());
        std::memcpy(buf, session[i].bytes.data(), session[i].bytes.size());
        trans[i] = {};
        trans[i].length = session[i].bytes.size() * 8;
        trans[i].tx_buffer = buf;
        trans[i].user = reinterpret_cast<void *>(static_cast<intptr_t>(session[i].dc));
        ASSERT_EQ(spi_device_queue_trans(dev, &trans[i], portMAX_DELAY), ESP_OK);
    }
    for (size_t i = 0; i < session.size(); ++i) {
        spi_transaction_t *done = nullptr;
        ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
        EXPECT_EQ(done, &trans[i]);
    }
    uint16_t px[4];
    ASSERT_EQ(esp_sim_ili9341_read_logical_rgb565(panel, 10, 20, 2, 2, px), ESP_OK);
    EXPECT_EQ(px[0], 0xF800);
    EXPECT_EQ(px[1], 0x07E0);
    EXPECT_EQ(px[2], 0x001F);
    EXPECT_EQ(px[3], 0xFFFF);
    EXPECT_EQ(esp_sim_ili9341_violation_total(panel), 0u) << esp_sim_ili9341_last_violation(panel);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.isr_count, session.size() + 1);
}
