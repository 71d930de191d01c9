// check_transaction and prepare_job: what ESP-IDF validates, and how DMA buffers are chosen or copied.
#include "spi_trans_prepare.hpp"

#include <cstring>

#include "esp_log.h"
#include "heap_caps.hpp"
#include "sim_clock.hpp"

namespace esp_sim {
namespace {

const char *const kTag = "spi_master";

bool is_half_duplex(const spi_device_t &dev) { return dev.cfg.flags & SPI_DEVICE_HALFDUPLEX; }

}  // namespace

esp_err_t check_transaction(const spi_device_t &dev, const spi_transaction_t &t) {
    const Bus &bus = *dev.bus;
    const bool half = is_half_duplex(dev);
    const bool tx_enabled = (t.flags & SPI_TRANS_USE_TXDATA) || t.tx_buffer != nullptr;
    const bool rx_enabled = (t.flags & SPI_TRANS_USE_RXDATA) || t.rx_buffer != nullptr;
    const size_t max_bits = static_cast<size_t>(bus.max_transfer_sz) * 8;
    const char *why = nullptr;
    if ((t.flags & SPI_TRANS_USE_RXDATA) && t.rxlength > 32) {
        why = "SPI_TRANS_USE_RXDATA only available for rxdata transfer <= 32 bits";
    } else if ((t.flags & SPI_TRANS_USE_TXDATA) && t.length > 32) {
        why = "SPI_TRANS_USE_TXDATA only available for txdata transfer <= 32 bits";
    } else if (t.length > max_bits) {
        why = "txdata transfer > host maximum";
    } else if (t.rxlength > max_bits) {
        why = "rxdata transfer > host maximum";
    } else if (!half && t.rxlength > t.length) {
        why = "rx length > tx length in full duplex mode";
    } else if (half && bus.dma && rx_enabled && tx_enabled) {
        why = "SPI half duplex mode does not support using DMA with both MOSI and MISO phases";
    } else if ((t.flags & (SPI_TRANS_MODE_DIO | SPI_TRANS_MODE_QIO)) && (dev.cfg.flags & SPI_DEVICE_3WIRE)) {
        why = "incompatible iface params";
    } else if ((t.flags & (SPI_TRANS_MODE_DIO | SPI_TRANS_MODE_QIO)) && !half) {
        why = "incompatible iface params";
    } else if (t.length == 0 && tx_enabled) {
        why = "trans tx_buffer should be NULL and SPI_TRANS_USE_TXDATA should be cleared to skip MOSI phase";
    } else if (half && t.rxlength == 0 && rx_enabled) {
        why = "trans rx_buffer should be NULL and SPI_TRANS_USE_RXDATA should be cleared to skip MISO phase";
    }
    if (why != nullptr) {
        ESP_LOGE(kTag, "%s", why);
        return ESP_ERR_INVALID_ARG;
    }
    return ESP_OK;
}

void free_bounce(Job &job) {
    heap_dma_free(job.bounce_tx);
    heap_dma_free(job.bounce_rx);
    job.bounce_tx = job.bounce_rx = nullptr;
}

// ESP-IDF's setup_priv_desc: DMA reads only DMA-capable memory, so other TX buffers are copied into temporary DMA
// memory now; RX goes through temporary memory when not DMA-capable or not word-aligned.
esp_err_t prepare_job(spi_device_t &dev, spi_transaction_t &t, bool polling, std::unique_ptr<Job> &out) {
    Bus &bus = *dev.bus;
    auto job = std::make_unique<Job>();
    job->dev = &dev;
    job->desc = &t;
    job->polling = polling;
    const size_t rx_bits = (!is_half_duplex(dev) && t.rxlength == 0) ? t.length : t.rxlength;
    uint64_t bounces = 0;
    if (t.flags & SPI_TRANS_USE_TXDATA) {
        std::memcpy(job->inline_tx, t.tx_data, sizeof job->inline_tx);
        job->tx = job->inline_tx;
        job->tx_bytes = (t.length + 7) / 8;
    } else if (t.tx_buffer != nullptr) {
        job->tx_bytes = (t.length + 7) / 8;
        const auto *src = static_cast<const uint8_t *>(t.tx_buffer);
        if (!bus.dma || heap_is_dma_capable(src, job->tx_bytes)) {
            job->tx = src;
            job->check_race = bus.dma;
            job->tx_checksum = job->check_race ? fnv1a(src, job->tx_bytes) : 0;
        } else {
            job->bounce_tx = heap_dma_alloc(job->tx_bytes);
            if (job->bounce_tx == nullptr) {
                ESP_LOGE(kTag, "no DMA memory for a %u-byte bounce buffer", static_cast<unsigned>(job->tx_bytes));
                return ESP_ERR_NO_MEM;
            }
            std::memcpy(job->bounce_tx, src, job->tx_bytes);
            job->tx = static_cast<const uint8_t *>(job->bounce_tx);
            bounces++;
        }
    }
    if (t.flags & SPI_TRANS_USE_RXDATA) {
        job->rx = t.rx_data;
        job->rx_bytes = (rx_bits + 7) / 8;
    } else if (t.rx_buffer != nullptr && rx_bits > 0) {
        job->rx_bytes = (rx_bits + 7) / 8;
        auto *dst = static_cast<uint8_t *>(t.rx_buffer);
        const bool aligned = reinterpret_cast<uintptr_t>(dst) % 4 == 0;
        if (!bus.dma || (heap_is_dma_capable(dst, job->rx_bytes) && aligned)) {
            job->rx = dst;
        } else {
            job->bounce_rx = heap_dma_alloc(job->rx_bytes);
            if (job->bounce_rx == nullptr) {
                free_bounce(*job);
                ESP_LOGE(kTag, "no DMA memory for a %u-byte RX buffer", static_cast<unsigned>(job->rx_bytes));
                return ESP_ERR_NO_MEM;
            }
            job->rx = static_cast<uint8_t *>(job->bounce_rx);
            bounces++;
        }
    }
    job->bits = static_cast<uint64_t>(dev.cfg.command_bits) + dev.cfg.address_bits + dev.cfg.dummy_bits + t.length +
                (is_half_duplex(dev) ? rx_bits : 0);
    job->queued_ns = sim_clock().now_ns();
    {
        std::lock_guard<std::mutex> lock(bus.mutex);
        bus.stats.bounce_buffers += bounces;
    }
    out = std::move(job);
    return ESP_OK;
}

// Hands the result back to the user: RX copied out of its bounce buffer, temporary memory freed.
void finish_collection(Job &job) {
    if (job.bounce_rx != nullptr && job.desc->rx_buffer != nullptr) {
        std::memcpy(job.desc->rx_buffer, job.bounce_rx, job.rx_bytes);
    }
    free_bounce(job);
}

}  // namespace esp_sim
