// SimTest/PanelTest helpers.
#include "sim_fixture.hpp"

#include <algorithm>
#include <cstring>

spi_bus_config_t SimTest::seed_bus_config(int max_transfer_sz) {
    spi_bus_config_t cfg = {};
    cfg.mosi_io_num = kMosi;
    cfg.miso_io_num = kMiso;
    cfg.sclk_io_num = kClk;
    cfg.quadwp_io_num = -1;
    cfg.quadhd_io_num = -1;
    cfg.data4_io_num = cfg.data5_io_num = cfg.data6_io_num = cfg.data7_io_num = -1;
    cfg.max_transfer_sz = max_transfer_sz;
    return cfg;
}

spi_device_interface_config_t SimTest::device_config(int hz, int queue_size, uint32_t flags) {
    spi_device_interface_config_t cfg = {};
    cfg.clock_speed_hz = hz;
    cfg.mode = 0;
    cfg.spics_io_num = kCs;
    cfg.queue_size = queue_size;
    cfg.flags = flags;
    return cfg;
}

spi_device_handle_t SimTest::make_device(int hz, int queue_size, uint32_t flags) {
    const spi_bus_config_t bus = seed_bus_config(240 * 320 * 2);
    EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    const spi_device_interface_config_t cfg = device_config(hz, queue_size, flags);
    spi_device_handle_t dev = nullptr;
    EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
    return dev;
}

uint8_t *SimTest::dma_buffer(size_t n, uint8_t fill) {
    auto *p = static_cast<uint8_t *>(heap_caps_malloc(n, MALLOC_CAP_DMA));
    EXPECT_NE(p, nullptr);
    if (p != nullptr) {
        std::memset(p, fill, n);
    }
    return p;
}

void PanelTest::SetUp() {
    SimTest::SetUp();
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    gpio_config_t io = {};
    io.pin_bit_mask = (1ULL << kDc) | (1ULL << kRst) | (1ULL << kBacklight);
    io.mode = GPIO_MODE_OUTPUT;
    ASSERT_EQ(gpio_config(&io), ESP_OK);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    gpio_set_level(static_cast<gpio_num_t>(kBacklight), 1);
    esp_sim_ili9341_config_t pc = {};
    pc.host = HSPI_HOST;
    pc.cs_io_num = kCs;
    pc.dc_io_num = kDc;
    pc.reset_io_num = kRst;
    pc.backlight_io_num = kBacklight;
    pc.seed = 1;
    ASSERT_EQ(esp_sim_ili9341_attach(&pc, &panel_), ESP_OK);
    dev_ = make_device();
}

static void send(spi_device_handle_t dev, const uint8_t *bytes, size_t n) {
    constexpr size_t kChunk = 32768;
    for (size_t at = 0; at < n; at += kChunk) {
        spi_transaction_t t = {};
        t.length = std::min(kChunk, n - at) * 8;
        t.tx_buffer = bytes + at;
        ASSERT_EQ(spi_device_polling_transmit(dev, &t), ESP_OK);
    }
}

void SimTest::send_command(spi_device_handle_t dev, uint8_t cmd, const std::vector<uint8_t> &params) {
    gpio_set_level(static_cast<gpio_num_t>(kDc), 0);
    send(dev, &cmd, 1);
    send_data(dev, params);
}

void SimTest::send_data(spi_device_handle_t dev, const std::vector<uint8_t> &bytes) {
    gpio_set_level(static_cast<gpio_num_t>(kDc), 1);
    send(dev, bytes.data(), bytes.size());
}

void PanelTest::command(uint8_t cmd, std::vector<uint8_t> params) { send_command(dev_, cmd, params); }

void PanelTest::data(const std::vector<uint8_t> &bytes) { send_data(dev_, bytes); }

void PanelTest::hardware_reset() {
    gpio_set_level(static_cast<gpio_num_t>(kRst), 0);
    delay_ms(10);
    gpio_set_level(static_cast<gpio_num_t>(kRst), 1);
    delay_ms(120);
}

void PanelTest::init_sequence() {
    hardware_reset();
    command(0xCF, {0x00, 0x83, 0x30});
    command(0xED, {0x64, 0x03, 0x12, 0x81});
    command(0xE8, {0x85, 0x01, 0x79});
    command(0xCB, {0x39, 0x2C, 0x00, 0x34, 0x02});
    command(0xF7, {0x20});
    command(0xEA, {0x00, 0x00});
    command(0xC0, {0x26});
    command(0xC1, {0x11});
    command(0xC5, {0x35, 0x3E});
    command(0xC7, {0xBE});
    command(0x36, {0x48});
    command(0x3A, {0x55});
    command(0xB1, {0x00, 0x1B});
    command(0xF2, {0x08});
    command(0x26, {0x01});
    command(0xE0, {0x1F, 0x1A, 0x18, 0x0A, 0x0F, 0x06, 0x45, 0x87, 0x32, 0x0A, 0x07, 0x02, 0x07, 0x05, 0x00});
    command(0xE1, {0x00, 0x25, 0x27, 0x05, 0x10, 0x09, 0x3A, 0x78, 0x4D, 0x05, 0x18, 0x0D, 0x38, 0x3A, 0x1F});
    command(0x2A, {0x00, 0x00, 0x00, 0xEF});
    command(0x2B, {0x00, 0x00, 0x01, 0x3F});
    command(0x2C, {0x00});
    command(0xB7, {0x07});
    command(0xB6, {0x0A, 0x82, 0x27, 0x00});
    command(0x11);
    vTaskDelay(pdMS_TO_TICKS(120));
    command(0x29);
    vTaskDelay(pdMS_TO_TICKS(100));
}

esp_sim_ili9341_state_t PanelTest::state() {
    esp_sim_ili9341_state_t s = {};
    EXPECT_EQ(esp_sim_ili9341_get_state(panel_, &s), ESP_OK);
    return s;
}
