// ESP-IDF v4.4 SPI master driver (driver/spi_master.h): devices, transactions, queued and polling transfers.
#pragma once

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "esp_err.h"
#include "freertos/FreeRTOS.h"
#include "driver/spi_common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SPI_MASTER_FREQ_8M      (80 * 1000 * 1000 / 10)
#define SPI_MASTER_FREQ_9M      (80 * 1000 * 1000 / 9)
#define SPI_MASTER_FREQ_10M     (80 * 1000 * 1000 / 8)
#define SPI_MASTER_FREQ_11M     (80 * 1000 * 1000 / 7)
#define SPI_MASTER_FREQ_13M     (80 * 1000 * 1000 / 6)
#define SPI_MASTER_FREQ_16M     (80 * 1000 * 1000 / 5)
#define SPI_MASTER_FREQ_20M     (80 * 1000 * 1000 / 4)
#define SPI_MASTER_FREQ_26M     (80 * 1000 * 1000 / 3)
#define SPI_MASTER_FREQ_40M     (80 * 1000 * 1000 / 2)
#define SPI_MASTER_FREQ_80M     (80 * 1000 * 1000 / 1)

#define SPI_DEVICE_TXBIT_LSBFIRST   (1 << 0)
#define SPI_DEVICE_RXBIT_LSBFIRST   (1 << 1)
#define SPI_DEVICE_BIT_LSBFIRST     (SPI_DEVICE_TXBIT_LSBFIRST | SPI_DEVICE_RXBIT_LSBFIRST)
#define SPI_DEVICE_3WIRE            (1 << 2)
#define SPI_DEVICE_POSITIVE_CS      (1 << 3)
#define SPI_DEVICE_HALFDUPLEX       (1 << 4)
#define SPI_DEVICE_CLK_AS_CS        (1 << 5)
#define SPI_DEVICE_NO_DUMMY         (1 << 6)
#define SPI_DEVICE_DDRCLK           (1 << 7)

typedef struct spi_transaction_t spi_transaction_t;
typedef void (*transaction_cb_t)(spi_transaction_t *trans);

typedef struct {
    uint8_t command_bits;
    uint8_t address_bits;
    uint8_t dummy_bits;
    uint8_t mode;
    uint16_t duty_cycle_pos;
    uint16_t cs_ena_pretrans;
    uint8_t cs_ena_posttrans;
    int clock_speed_hz;
    int input_delay_ns;
    int spics_io_num;
    uint32_t flags;
    int queue_size;
    transaction_cb_t pre_cb;
    transaction_cb_t post_cb;
} spi_device_interface_config_t;

#define SPI_TRANS_MODE_DIO          (1 << 0)
#define SPI_TRANS_MODE_QIO          (1 << 1)
#define SPI_TRANS_USE_RXDATA        (1 << 2)
#define SPI_TRANS_USE_TXDATA        (1 << 3)
#define SPI_TRANS_MODE_DIOQIO_ADDR  (1 << 4)
#define SPI_TRANS_VARIABLE_CMD      (1 << 5)
#define SPI_TRANS_VARIABLE_ADDR     (1 << 6)
#define SPI_TRANS_VARIABLE_DUMMY    (1 << 7)
#define SPI_TRANS_CS_KEEP_ACTIVE    (1 << 8)
#define SPI_TRANS_MULTILINE_CMD     (1 << 9)
#define SPI_TRANS_MODE_OCT          (1 << 10)
#define SPI_TRANS_MULTILINE_ADDR    SPI_TRANS_MODE_DIOQIO_ADDR

struct spi_transaction_t {
    uint32_t flags;
    uint16_t cmd;
    uint64_t addr;
    size_t length;
    size_t rxlength;
    void *user;
    union {
        const void *tx_buffer;
        uint8_t tx_data[4];
    };
    union {
        void *rx_buffer;
        uint8_t rx_data[4];
    };
};

typedef struct spi_device_t *spi_device_handle_t;

esp_err_t spi_bus_add_device(spi_host_device_t host_id, const spi_device_interface_config_t *dev_config,
                             spi_device_handle_t *handle);
esp_err_t spi_bus_remove_device(spi_device_handle_t handle);
esp_err_t spi_device_queue_trans(spi_device_handle_t handle, spi_transaction_t *trans_desc, TickType_t ticks_to_wait);
esp_err_t spi_device_get_trans_result(spi_device_handle_t handle, spi_transaction_t **trans_desc,
                                      TickType_t ticks_to_wait);
esp_err_t spi_device_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc);
esp_err_t spi_device_polling_start(spi_device_handle_t handle, spi_transaction_t *trans_desc, TickType_t ticks_to_wait);
esp_err_t spi_device_polling_end(spi_device_handle_t handle, TickType_t ticks_to_wait);
esp_err_t spi_device_polling_transmit(spi_device_handle_t handle, spi_transaction_t *trans_desc);
esp_err_t spi_device_acquire_bus(spi_device_handle_t device, TickType_t wait);
void spi_device_release_bus(spi_device_handle_t dev);
int spi_cal_clock(int fapb, int hz, int duty_cycle, uint32_t *reg_o);
int spi_get_actual_clock(int fapb, int hz, int duty_cycle);
int spi_get_freq_limit(bool gpio_is_used, int input_delay_ns);

#ifdef __cplusplus
}
#endif
