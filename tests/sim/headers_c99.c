// Compiles every public header of the simulation as C99 with warnings as errors (built with the test suite), in
// the v4.4 layout and, with ESP_SIM_IDF_V5, in the v5.x one.
#include "driver/gpio.h"
#include "driver/spi_common.h"
#include "driver/spi_master.h"
#include "esp_idf_version.h"
#if ESP_IDF_VERSION_MAJOR < 5
#include "esp32/clk.h"
#include "esp_clk.h"
#endif
#include "esp_private/esp_clk.h"
#include "esp_cpu.h"
#include "esp_err.h"
#include "esp_heap_caps.h"
#include "esp_log.h"
#include "esp_sim.h"
#include "esp_sim_panel.h"
#include "esp_sim_touch.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

// Field names a driver writes must exist with ESP-IDF's spelling, unions included.
int sim_headers_c99_probe(void);
int sim_headers_c99_probe(void) {
    spi_bus_config_t bus = {.mosi_io_num = 18, .miso_io_num = 5, .sclk_io_num = 19, .quadwp_io_num = -1,
                            .quadhd_io_num = -1, .max_transfer_sz = 4092};
    spi_device_interface_config_t dev = {.clock_speed_hz = 40000000, .mode = 0, .spics_io_num = 13,
                                         .queue_size = 2, .flags = SPI_DEVICE_HALFDUPLEX};
    spi_transaction_t t = {.length = 8, .flags = SPI_TRANS_USE_TXDATA};
    t.tx_data[0] = 0x2C;
    gpio_config_t io = {.pin_bit_mask = 1ULL << 12, .mode = GPIO_MODE_OUTPUT};
#if ESP_IDF_VERSION_MAJOR >= 5
    const uint32_t cycles = esp_cpu_get_cycle_count();
#else
    const uint32_t cycles = esp_cpu_get_ccount();
#endif
    return bus.data0_io_num + dev.queue_size + (int)t.length + (int)io.mode + VSPI_HOST + (int)pdMS_TO_TICKS(120) +
           (int)(cycles & 1) + esp_clk_cpu_freq();
}
