// Shared test fixture: a fresh simulation per test, and helpers to set up a bus, a device and a panel.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "driver/gpio.h"
#include "driver/spi_master.h"
#include "esp_heap_caps.h"
#include "esp_sim.h"
#include "freertos/task.h"

// The seed's wiring: miso=5, mosi=18, clk=19, cs=13, dc=12, rst=4, backlight=2 on HSPI (GPIO-matrix pins).
constexpr int kMiso = 5, kMosi = 18, kClk = 19, kCs = 13, kDc = 12, kRst = 4, kBacklight = 2;

class SimTest : public ::testing::Test {
protected:
    void SetUp() override { esp_sim_reset(); }
    void TearDown() override { esp_sim_reset(); }

    static spi_bus_config_t seed_bus_config(int max_transfer_sz = 0);
    static spi_device_interface_config_t device_config(int hz, int queue_size, uint32_t flags = SPI_DEVICE_HALFDUPLEX);
    // Initialises HSPI with DMA and adds one device; fails the test on error.
    spi_device_handle_t make_device(int hz = 40000000, int queue_size = 4, uint32_t flags = SPI_DEVICE_HALFDUPLEX);
    // A DMA-capable buffer of n bytes, freed by the next reset.
    static uint8_t *dma_buffer(size_t n, uint8_t fill = 0);
    // A command byte (D/C low) and its parameters (D/C high) to a panel on `dev`, by polling transactions of at most
    // 32 KiB (data from memory DMA cannot read goes through the driver's bounce buffers).
    static void send_command(spi_device_handle_t dev, uint8_t cmd, const std::vector<uint8_t> &params = {});
    static void send_data(spi_device_handle_t dev, const std::vector<uint8_t> &bytes);
};

// A panel wired as in the seed, driven by polling transactions with D/C set before each.
class PanelTest : public SimTest {
protected:
    void SetUp() override;
    void command(uint8_t cmd, std::vector<uint8_t> params = {});
    void data(const std::vector<uint8_t> &bytes);
    void hardware_reset();
    // Virtual time passes exactly (vTaskDelay would round to whole 10 ms ticks).
    void delay_ms(int ms) { esp_sim_advance_ns(static_cast<int64_t>(ms) * 1000000); }
    // The REFERENCE.md initialisation sequence with its delays (vTaskDelay, as a driver would).
    void init_sequence();
    esp_sim_ili9341_state_t state();

    spi_device_handle_t dev_ = nullptr;
    esp_sim_ili9341_t *panel_ = nullptr;
};
