// The live handles of one kind of peripheral model (panels, touch controllers): C API calls check a handle against
// this set, so a stale or foreign pointer gives an error, never a crash. A program may exit with models attached,
// so the set owns them.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "enum_value.hpp"
#include "esp_err.h"
#include "spi_engine.hpp"

namespace esp_sim {

// Handle is the C API's opaque struct: {std::shared_ptr<Model> model; std::string text;}.
template <typename Handle>
class ModelHandles {
public:
    ~ModelHandles() { clear(); }

    // Registers the model as the device on (host, cs); false if something already listens there.
    template <typename Model>
    Handle *attach(spi_host_device_t host, int cs, std::shared_ptr<Model> model) {
        if (sink_for(host, cs) != nullptr) {
            return nullptr;
        }
        auto *h = new Handle{model, {}};
        attach_sink(host, cs, model);
        std::lock_guard<std::mutex> lock(mutex_);
        live_.insert(h);
        return h;
    }

    // attach() as the C API answers it: ESP_ERR_INVALID_ARG without a model, ESP_ERR_INVALID_STATE when something
    // already listens on (host, cs).
    template <typename Model>
    esp_err_t attach_out(spi_host_device_t host, int cs, std::shared_ptr<Model> model, Handle **out) {
        if (!model) {
            return ESP_ERR_INVALID_ARG;
        }
        Handle *h = attach(host, cs, std::move(model));
        if (h == nullptr) {
            return ESP_ERR_INVALID_STATE;
        }
        *out = h;
        return ESP_OK;
    }

    bool detach(Handle *h) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (live_.erase(h) == 0) {
                return false;
            }
        }
        detach_sink(h->model.get());
        delete h;
        return true;
    }

    // The model behind a live handle, nullptr otherwise.
    auto model_of(Handle *h) -> decltype(h->model) {
        std::lock_guard<std::mutex> lock(mutex_);
        return live_.count(h) != 0 ? h->model : nullptr;
    }

    // The model's state copied to *out; ESP_ERR_INVALID_ARG for a handle that is not live or no out.
    template <typename State>
    esp_err_t copy_state(Handle *h, State *out) {
        auto model = model_of(h);
        if (!model || out == nullptr) {
            return ESP_ERR_INVALID_ARG;
        }
        *out = model->state();
        return ESP_OK;
    }

    // The model's count of violations / warnings of one kind (a C enum); 0 for a handle that is not live.
    template <typename Kind>
    uint32_t violations(Handle *h, Kind kind) {
        auto model = model_of(h);
        return model ? model->violations(enum_value(kind)) : 0;
    }
    template <typename Kind>
    uint32_t warnings(Handle *h, Kind kind) {
        auto model = model_of(h);
        return model ? model->warnings(enum_value(kind)) : 0;
    }

    // Keeps a string a C caller receives alive until the next call on this handle.
    const char *keep(Handle *h, std::string s) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (live_.count(h) == 0) {
            return "";
        }
        h->text = std::move(s);
        return h->text.c_str();
    }

    // esp_sim_reset: the buses (and their sink lists) are already gone.
    void clear() {
        std::lock_guard<std::mutex> lock(mutex_);
        for (Handle *h : live_) {
            delete h;
        }
        live_.clear();
    }

private:
    std::mutex mutex_;
    std::set<Handle *> live_;
};

}  // namespace esp_sim
