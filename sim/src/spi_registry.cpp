// Which SPI buses exist, which device handles are live, and which peripheral models listen on which CS pin.
#include <algorithm>
#include <set>

#include "enum_value.hpp"
#include "spi_engine.hpp"

namespace esp_sim {
namespace {

struct SinkEntry {
    spi_host_device_t host;
    int cs_pin;
    std::shared_ptr<SpiSink> sink;
};

struct Registry {
    std::unique_ptr<Bus> buses[SPI_HOST_MAX];
    std::set<spi_device_t *> devices;
    std::vector<SinkEntry> sinks;

    // A program may exit with a bus and devices still set up (a script that never frees them): stop the
    // engine threads, so no joinable std::thread is destroyed (that aborts), and free the devices.
    ~Registry() {
        for (auto &bus : buses) {
            if (bus) {
                engine_stop(*bus);
            }
        }
        for (spi_device_t *dev : devices) {
            delete dev;
        }
    }
};

Registry &registry() {
    static Registry r;
    return r;
}

}  // namespace

std::mutex &registry_mutex() {
    static std::mutex m;
    return m;
}

Bus *bus_for_host(spi_host_device_t host_id) {
    const int host = enum_value(host_id);
    if (host < 0 || host >= SPI_HOST_MAX) {
        return nullptr;
    }
    std::lock_guard<std::mutex> lock(registry_mutex());
    return registry().buses[host].get();
}

// Bus lifetime is managed by spi_bus.cpp through these two (registry mutex held by the caller).
std::unique_ptr<Bus> &bus_slot_locked(spi_host_device_t host) { return registry().buses[host]; }

bool device_is_live(spi_device_t *dev) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    return dev != nullptr && registry().devices.count(dev) != 0;
}

void register_device(spi_device_t *dev) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry().devices.insert(dev);
}

void unregister_device(spi_device_t *dev) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry().devices.erase(dev);
}

void attach_sink(spi_host_device_t host, int cs_pin, std::shared_ptr<SpiSink> sink) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry().sinks.push_back(SinkEntry{host, cs_pin, std::move(sink)});
}

void detach_sink(const SpiSink *sink) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    auto &sinks = registry().sinks;
    sinks.erase(std::remove_if(sinks.begin(), sinks.end(), [&](const SinkEntry &e) { return e.sink.get() == sink; }),
                sinks.end());
}

std::shared_ptr<SpiSink> sink_for(spi_host_device_t host, int cs_pin) {
    std::lock_guard<std::mutex> lock(registry_mutex());
    for (const SinkEntry &e : registry().sinks) {
        if (e.host == host && e.cs_pin == cs_pin) {
            return e.sink;
        }
    }
    return nullptr;
}

void spi_reset_all() {
    std::unique_ptr<Bus> buses[SPI_HOST_MAX];
    std::set<spi_device_t *> devices;
    {
        std::lock_guard<std::mutex> lock(registry_mutex());
        for (int h = 0; h < SPI_HOST_MAX; ++h) {
            buses[h] = std::move(registry().buses[h]);
        }
        devices.swap(registry().devices);
        registry().sinks.clear();
    }
    for (auto &bus : buses) {
        if (bus) {
            engine_stop(*bus);
        }
    }
    for (spi_device_t *dev : devices) {
        delete dev;  // jobs and their bounce buffers go with the heap reset
    }
}

uint64_t spi_total_dma_races() {
    uint64_t total = 0;
    for (int h = 0; h < SPI_HOST_MAX; ++h) {
        if (Bus *bus = bus_for_host(static_cast<spi_host_device_t>(h))) {
            std::lock_guard<std::mutex> lock(bus->mutex);
            total += bus->stats.dma_races;
        }
    }
    return total;
}

}  // namespace esp_sim
