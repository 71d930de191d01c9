// spi_bus_initialize/free and spi_bus_add/remove_device with ESP-IDF's argument checks and error codes.
#include <algorithm>

#include "enum_value.hpp"
#include "esp_log.h"
#include "gpio_pins.hpp"
#include "isr_dispatch.hpp"
#include "sim_clock.hpp"
#include "spi_engine.hpp"

using namespace esp_sim;

namespace {

const char *const kTag = "spi";
constexpr int kApbHz = 80 * 1000 * 1000;
constexpr int kNonDmaMaxTransfer = 64;  // SOC_SPI_MAXIMUM_BUFFER_SIZE

struct IomuxPins {
    int sclk, miso, mosi, quadwp, quadhd;
};

bool host_is_usable(const spi_host_device_t &host) {
    const int h = enum_value(host);
    return h == SPI2_HOST || h == SPI3_HOST;
}

IomuxPins iomux_pins(spi_host_device_t host) {
    return host == SPI2_HOST ? IomuxPins{14, 12, 13, 2, 4} : IomuxPins{18, 19, 23, 22, 21};
}

// A pin of -1 is unused; others must exist, and those the master drives must be outputs.
bool bus_pin_ok(int pin, bool drives) {
    return pin < 0 || (drives ? gpio_pin_output_capable(pin) : gpio_pin_valid(pin));
}

bool uses_iomux(spi_host_device_t host, const spi_bus_config_t &cfg) {
    const IomuxPins io = iomux_pins(host);
    auto match = [](int pin, int native) { return pin < 0 || pin == native; };
    return match(cfg.sclk_io_num, io.sclk) && match(cfg.miso_io_num, io.miso) && match(cfg.mosi_io_num, io.mosi) &&
           match(cfg.quadwp_io_num, io.quadwp) && match(cfg.quadhd_io_num, io.quadhd);
}

// DMA channels 1 and 2 are shared by both hosts.
int dma_channel_owner[3] = {-1, -1, -1};

int claim_dma_channel(spi_host_device_t host, spi_dma_chan_t requested) {
    if (requested == SPI_DMA_DISABLED) {
        return 0;
    }
    for (int ch = 1; ch <= 2; ++ch) {
        if ((requested == SPI_DMA_CH_AUTO || requested == ch) && dma_channel_owner[ch] < 0) {
            dma_channel_owner[ch] = host;
            return ch;
        }
    }
    return -1;
}

}  // namespace

void esp_sim::spi_release_dma_channels() {
    std::lock_guard<std::mutex> lock(registry_mutex());
    dma_channel_owner[1] = dma_channel_owner[2] = -1;
}

extern "C" {

esp_err_t spi_bus_initialize(spi_host_device_t host_id, const spi_bus_config_t *cfg, spi_dma_chan_t dma_chan) {
    if (!host_is_usable(host_id)) {
        ESP_LOGE(kTag, "invalid host_id %d (use SPI2_HOST/HSPI_HOST or SPI3_HOST/VSPI_HOST)", enum_value(host_id));
        return ESP_ERR_INVALID_ARG;
    }
    if (enum_value(dma_chan) < SPI_DMA_DISABLED || enum_value(dma_chan) > SPI_DMA_CH_AUTO) {
        ESP_LOGE(kTag, "invalid dma channel %d", enum_value(dma_chan));
        return ESP_ERR_INVALID_ARG;
    }
    if (cfg == nullptr || !bus_pin_ok(cfg->mosi_io_num, true) || !bus_pin_ok(cfg->miso_io_num, false) ||
        !bus_pin_ok(cfg->sclk_io_num, true) || !bus_pin_ok(cfg->quadwp_io_num, true) ||
        !bus_pin_ok(cfg->quadhd_io_num, true)) {
        ESP_LOGE(kTag, "invalid bus configuration or pin");
        return ESP_ERR_INVALID_ARG;
    }
    if (isr_active()) {
        return ESP_ERR_INVALID_STATE;
    }
    std::lock_guard<std::mutex> lock(registry_mutex());
    std::unique_ptr<Bus> &slot = bus_slot_locked(host_id);
    if (slot) {
        ESP_LOGE(kTag, "SPI bus already initialized");
        return ESP_ERR_INVALID_STATE;
    }
    const int channel = claim_dma_channel(host_id, dma_chan);
    if (channel < 0) {
        ESP_LOGE(kTag, "dma channel already in use");
        return ESP_ERR_INVALID_STATE;
    }
    auto bus = std::make_unique<Bus>();
    bus->host = host_id;
    bus->dma = channel > 0;
    bus->dma_chan = channel;
    bus->iomux = uses_iomux(host_id, *cfg) && !(cfg->flags & SPICOMMON_BUSFLAG_GPIO_PINS);
    if (bus->dma) {
        const int descriptors = std::max(1, (std::max(0, cfg->max_transfer_sz) + SPI_MAX_DMA_LEN - 1) / SPI_MAX_DMA_LEN);
        bus->max_transfer_sz = descriptors * SPI_MAX_DMA_LEN;
    } else {
        bus->max_transfer_sz = kNonDmaMaxTransfer;
    }
    bus->stats.first_start_ns = -1;
    bus->stats.last_end_ns = -1;
    bus->free_at_ns = sim_clock().now_ns();
    isr_default_app_thread();
    if (sim_clock().mode() == TimeMode::real) {
        engine_start(*bus);
    }
    slot = std::move(bus);
    return ESP_OK;
}

esp_err_t spi_bus_free(spi_host_device_t host_id) {
    if (!host_is_usable(host_id)) {
        return ESP_ERR_INVALID_ARG;
    }
    std::unique_ptr<Bus> bus;
    {
        std::lock_guard<std::mutex> lock(registry_mutex());
        std::unique_ptr<Bus> &slot = bus_slot_locked(host_id);
        if (!slot) {
            ESP_LOGE(kTag, "SPI bus not initialized");
            return ESP_ERR_INVALID_STATE;
        }
        for (spi_device_t *dev : slot->slots) {
            if (dev != nullptr) {
                ESP_LOGE(kTag, "not all CSses freed");
                return ESP_ERR_INVALID_STATE;
            }
        }
        if (slot->dma_chan > 0) {
            dma_channel_owner[slot->dma_chan] = -1;
        }
        bus = std::move(slot);
    }
    engine_stop(*bus);
    return ESP_OK;
}

esp_err_t spi_bus_add_device(spi_host_device_t host_id, const spi_device_interface_config_t *cfg,
                             spi_device_handle_t *handle) {
    if (!host_is_usable(host_id)) {
        ESP_LOGE(kTag, "invalid host");
        return ESP_ERR_INVALID_ARG;
    }
    Bus *bus = bus_for_host(host_id);
    if (bus == nullptr) {
        ESP_LOGE(kTag, "host not initialized");
        return ESP_ERR_INVALID_STATE;
    }
    if (cfg == nullptr || handle == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    if (cfg->spics_io_num >= 0 && !gpio_pin_output_capable(cfg->spics_io_num)) {
        ESP_LOGE(kTag, "spics pin invalid");
        return ESP_ERR_INVALID_ARG;
    }
    if (cfg->clock_speed_hz <= 0) {
        ESP_LOGE(kTag, "invalid sclk speed");
        return ESP_ERR_INVALID_ARG;
    }
    if (cfg->mode > 3) {
        ESP_LOGE(kTag, "invalid SPI mode %d", cfg->mode);
        return ESP_ERR_INVALID_ARG;
    }
    if (cfg->queue_size <= 0) {
        // ESP-IDF asserts here; the simulation refuses instead of aborting.
        ESP_LOGE(kTag, "queue_size must be at least 1");
        return ESP_ERR_INVALID_ARG;
    }
    const int actual = spi_get_actual_clock(kApbHz, cfg->clock_speed_hz, cfg->duty_cycle_pos);
    const bool half_duplex = cfg->flags & SPI_DEVICE_HALFDUPLEX;
    const bool no_dummy = cfg->flags & SPI_DEVICE_NO_DUMMY;
    std::lock_guard<std::mutex> lock(bus->mutex);
    int free_slot = -1;
    for (int i = 0; i < 3 && free_slot < 0; ++i) {
        if (bus->slots[i] == nullptr) {
            free_slot = i;
        }
    }
    if (free_slot < 0) {
        ESP_LOGE(kTag, "no free CS slot on host %d (3 per host)", static_cast<int>(host_id));
        return ESP_ERR_NO_MEM;
    }
    const int limit = spi_get_freq_limit(!bus->iomux, cfg->input_delay_ns);
    if (!half_duplex && !no_dummy && actual > limit) {
        ESP_LOGE(kTag, "full duplex at %d Hz is above %d Hz on these pins: set SPI_DEVICE_HALFDUPLEX or lower the clock",
                 actual, limit);
        return ESP_ERR_NOT_SUPPORTED;
    }
    auto *dev = new spi_device_t;
    dev->bus = bus;
    dev->slot = free_slot;
    dev->cfg = *cfg;
    dev->actual_hz = actual;
    bus->slots[free_slot] = dev;
    register_device(dev);
    *handle = dev;
    return ESP_OK;
}

esp_err_t spi_bus_remove_device(spi_device_handle_t handle) {
    if (!device_is_live(handle)) {
        return ESP_ERR_INVALID_ARG;
    }
    Bus *bus = handle->bus;
    {
        std::lock_guard<std::mutex> lock(bus->mutex);
        // ESP-IDF v4.4 refuses while its trans_queue or ret_queue holds anything: uncollected results too.
        if (!handle->jobs.empty() || !handle->results.empty() || handle->polling_job) {
            ESP_LOGE(kTag, "Have unfinished transactions");
            return ESP_ERR_INVALID_STATE;
        }
        if (bus->owner == handle) {
            bus->owner = nullptr;
            bus->changed.notify_all();
        }
        bus->slots[handle->slot] = nullptr;
    }
    unregister_device(handle);
    delete handle;
    return ESP_OK;
}

}  // extern "C"
