// ESP-IDF v4.4 SPI bus definitions shared by master and slave (driver/spi_common.h with hal/spi_types.h).
#pragma once

#include <stdint.h>
#include <stdbool.h>
#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

// Largest block one DMA descriptor moves; max_transfer_sz is rounded up to a multiple of it.
#define SPI_MAX_DMA_LEN (4096 - 4)

typedef enum {
    SPI1_HOST = 0,
    SPI2_HOST = 1,
    SPI3_HOST = 2,
    SPI_HOST_MAX,
} spi_host_device_t;

// ESP32 legacy names.
#define SPI_HOST    SPI1_HOST
#define HSPI_HOST   SPI2_HOST
#define VSPI_HOST   SPI3_HOST

typedef enum {
    SPI_DMA_DISABLED = 0,
    SPI_DMA_CH1 = 1,
    SPI_DMA_CH2 = 2,
    SPI_DMA_CH_AUTO = 3,
} spi_common_dma_t;

typedef spi_common_dma_t spi_dma_chan_t;

#define SPICOMMON_BUSFLAG_SLAVE         0
#define SPICOMMON_BUSFLAG_MASTER        (1 << 0)
#define SPICOMMON_BUSFLAG_IOMUX_PINS    (1 << 1)
#define SPICOMMON_BUSFLAG_GPIO_PINS     (1 << 2)
#define SPICOMMON_BUSFLAG_SCLK          (1 << 3)
#define SPICOMMON_BUSFLAG_MISO          (1 << 4)
#define SPICOMMON_BUSFLAG_MOSI          (1 << 5)
#define SPICOMMON_BUSFLAG_DUAL          (1 << 6)
#define SPICOMMON_BUSFLAG_WPHD          (1 << 7)
#define SPICOMMON_BUSFLAG_QUAD          (SPICOMMON_BUSFLAG_DUAL | SPICOMMON_BUSFLAG_WPHD)
#define SPICOMMON_BUSFLAG_IO4_IO7       (1 << 8)
#define SPICOMMON_BUSFLAG_OCTAL         (SPICOMMON_BUSFLAG_QUAD | SPICOMMON_BUSFLAG_IO4_IO7)
#define SPICOMMON_BUSFLAG_NATIVE_PINS   SPICOMMON_BUSFLAG_IOMUX_PINS

typedef struct {
    union {
        int mosi_io_num;
        int data0_io_num;
    };
    union {
        int miso_io_num;
        int data1_io_num;
    };
    int sclk_io_num;
    union {
        int quadwp_io_num;
        int data2_io_num;
    };
    union {
        int quadhd_io_num;
        int data3_io_num;
    };
    int data4_io_num;
    int data5_io_num;
    int data6_io_num;
    int data7_io_num;
    int max_transfer_sz;
    uint32_t flags;
    int intr_flags;
} spi_bus_config_t;

esp_err_t spi_bus_initialize(spi_host_device_t host_id, const spi_bus_config_t *bus_config, spi_dma_chan_t dma_chan);
esp_err_t spi_bus_free(spi_host_device_t host_id);

#ifdef __cplusplus
}
#endif
