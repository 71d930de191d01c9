// The C API of the touch controller model (esp_sim_xpt2046_*): handles are checked against the live set.
#include "enum_value.hpp"
#include "gpio_pins.hpp"
#include "model_handles.hpp"
#include "xpt2046_model.hpp"

struct esp_sim_xpt2046 {
    std::shared_ptr<esp_sim::Xpt2046> model;
    std::string text;
};

namespace esp_sim {
namespace {

ModelHandles<esp_sim_xpt2046> &touches() {
    static ModelHandles<esp_sim_xpt2046> set;
    return set;
}

}  // namespace

void touch_models_reset() { touches().clear(); }

}  // namespace esp_sim

using esp_sim::touches;

extern "C" {

esp_err_t esp_sim_xpt2046_attach(const esp_sim_xpt2046_config_t *config, esp_sim_xpt2046_t **out) {
    if (config == nullptr || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    const int host = esp_sim::enum_value(config->host);
    if ((host != SPI2_HOST && host != SPI3_HOST) ||
        (config->cs_io_num >= 0 && !esp_sim::gpio_pin_output_capable(config->cs_io_num)) || config->width < 0 ||
        config->height < 0) {
        return ESP_ERR_INVALID_ARG;
    }
    return touches().attach_out(config->host, config->cs_io_num, std::make_shared<esp_sim::Xpt2046>(*config), out);
}

esp_err_t esp_sim_xpt2046_detach(esp_sim_xpt2046_t *touch) {
    return touches().detach(touch) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_xpt2046_stroke(esp_sim_xpt2046_t *touch, int64_t t0_ns, int64_t t1_ns, int x0, int y0, int x1, int y1,
                                 int ohms) {
    auto model = touches().model_of(touch);
    return model && model->stroke(t0_ns, t1_ns, x0, y0, x1, y1, ohms) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_xpt2046_clear(esp_sim_xpt2046_t *touch) {
    auto model = touches().model_of(touch);
    if (!model) {
        return ESP_ERR_INVALID_ARG;
    }
    model->clear();
    return ESP_OK;
}

esp_err_t esp_sim_xpt2046_get_state(esp_sim_xpt2046_t *touch, esp_sim_xpt2046_state_t *out) {
    return touches().copy_state(touch, out);
}

uint32_t esp_sim_xpt2046_violations(esp_sim_xpt2046_t *touch, esp_sim_violation_t kind) {
    return touches().violations(touch, kind);
}

uint32_t esp_sim_xpt2046_warnings(esp_sim_xpt2046_t *touch, esp_sim_warning_t kind) {
    return touches().warnings(touch, kind);
}

const char *esp_sim_xpt2046_last_violation(esp_sim_xpt2046_t *touch) {
    auto model = touches().model_of(touch);
    return model ? touches().keep(touch, model->last_violation()) : "";
}

esp_err_t esp_sim_xpt2046_ideal(esp_sim_xpt2046_t *touch, int x, int y, int ohms, uint16_t *out) {
    auto model = touches().model_of(touch);
    if (!model || out == nullptr || ohms <= 0) {
        return ESP_ERR_INVALID_ARG;
    }
    model->ideal(x, y, ohms, out);
    return ESP_OK;
}

}  // extern "C"
