// Transaction set-up shared by queued and polling paths: ESP-IDF's validity rules and DMA buffer handling.
#pragma once

#include <memory>

#include "spi_engine.hpp"

namespace esp_sim {

// ESP-IDF's check_trans_valid: ESP_ERR_INVALID_ARG, logged with its reason, for a transaction the bus cannot do.
esp_err_t check_transaction(const spi_device_t &dev, const spi_transaction_t &t);
// ESP-IDF's setup_priv_desc: a Job with its DMA-readable TX and DMA-writable RX (bounce copies where needed).
esp_err_t prepare_job(spi_device_t &dev, spi_transaction_t &t, bool polling, std::unique_ptr<Job> &out);
// Hands the result back: RX copied out of its bounce buffer, temporary memory freed.
void finish_collection(Job &job);
void free_bounce(Job &job);

}  // namespace esp_sim
