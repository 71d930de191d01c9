// The C API of the panel model (esp_sim_ili9341_*): handles are checked against the live set, never trusted.
#include <lodepng.h>

#include <memory>
#include <set>
#include <vector>

#include "enum_value.hpp"
#include "gpio_pins.hpp"
#include "ili9341_model.hpp"

struct esp_sim_ili9341 {
    std::shared_ptr<esp_sim::Ili9341> model;
    std::string last_violation;  // keeps the string esp_sim_ili9341_last_violation returns alive
    std::string last_warning;    // the same for esp_sim_ili9341_last_warning
};

namespace esp_sim {
namespace {

std::mutex g_panels_mutex;

// The live panel handles; a program may exit with panels still attached, so the set owns them.
struct PanelSet : std::set<esp_sim_ili9341 *> {
    ~PanelSet() {
        for (esp_sim_ili9341 *p : *this) {
            delete p;
        }
    }
};
PanelSet g_panels;

std::shared_ptr<Ili9341> model_of(esp_sim_ili9341 *panel) {
    std::lock_guard<std::mutex> lock(g_panels_mutex);
    return g_panels.count(panel) != 0 ? panel->model : nullptr;
}

}  // namespace

// Called by esp_sim_reset after the buses are gone.
void panels_reset() {
    std::lock_guard<std::mutex> lock(g_panels_mutex);
    for (esp_sim_ili9341 *p : g_panels) {
        delete p;
    }
    g_panels.clear();
}

}  // namespace esp_sim

using esp_sim::model_of;

extern "C" {

esp_err_t esp_sim_ili9341_attach(const esp_sim_ili9341_config_t *config, esp_sim_ili9341_t **out) {
    if (config == nullptr || out == nullptr || (esp_sim::enum_value(config->host) != SPI2_HOST && esp_sim::enum_value(config->host) != SPI3_HOST) ||
        !esp_sim::gpio_pin_output_capable(config->dc_io_num) ||
        (config->cs_io_num >= 0 && !esp_sim::gpio_pin_output_capable(config->cs_io_num)) ||
        (config->reset_io_num >= 0 && !esp_sim::gpio_pin_output_capable(config->reset_io_num)) ||
        (config->backlight_io_num >= 0 && !esp_sim::gpio_pin_output_capable(config->backlight_io_num))) {
        return ESP_ERR_INVALID_ARG;
    }
    if (esp_sim::sink_for(config->host, config->cs_io_num) != nullptr) {
        return ESP_ERR_INVALID_STATE;  // something already listens on this CS
    }
    auto *panel = new esp_sim_ili9341;
    panel->model = std::make_shared<esp_sim::Ili9341>(*config);
    esp_sim::attach_sink(config->host, config->cs_io_num, panel->model);
    {
        std::lock_guard<std::mutex> lock(esp_sim::g_panels_mutex);
        esp_sim::g_panels.insert(panel);
    }
    *out = panel;
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_detach(esp_sim_ili9341_t *panel) {
    {
        std::lock_guard<std::mutex> lock(esp_sim::g_panels_mutex);
        if (esp_sim::g_panels.erase(panel) == 0) {
            return ESP_ERR_INVALID_ARG;
        }
    }
    esp_sim::detach_sink(panel->model.get());
    delete panel;
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_get_state(esp_sim_ili9341_t *panel, esp_sim_ili9341_state_t *out) {
    auto model = model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    *out = model->state();
    return ESP_OK;
}

uint32_t esp_sim_ili9341_violations(esp_sim_ili9341_t *panel, esp_sim_ili9341_violation_t kind) {
    auto model = model_of(panel);
    return model ? model->violations(kind) : 0;
}

uint32_t esp_sim_ili9341_violation_total(esp_sim_ili9341_t *panel) {
    auto model = model_of(panel);
    return model ? model->violation_total() : 0;
}

const char *esp_sim_ili9341_violation_name(esp_sim_ili9341_violation_t kind) {
    static const char *const kNames[] = {"pixels while asleep", "pixels before a window", "unknown command",
                                         "data without command", "short parameter list", "timing",
                                         "bytes during reset", "bad parameter"};
    const int k = esp_sim::enum_value(kind);
    return k >= 0 && k < ESP_SIM_ILI9341_VIOLATION_KINDS ? kNames[k] : "invalid kind";
}

const char *esp_sim_ili9341_last_violation(esp_sim_ili9341_t *panel) {
    auto model = model_of(panel);
    if (!model) {
        return "";
    }
    panel->last_violation = model->last_violation();
    return panel->last_violation.c_str();
}

uint32_t esp_sim_ili9341_warnings(esp_sim_ili9341_t *panel, esp_sim_ili9341_warning_t kind) {
    auto model = model_of(panel);
    return model ? model->warnings(kind) : 0;
}

uint32_t esp_sim_ili9341_warning_total(esp_sim_ili9341_t *panel) {
    auto model = model_of(panel);
    return model ? model->warning_total() : 0;
}

const char *esp_sim_ili9341_warning_name(esp_sim_ili9341_warning_t kind) {
    static const char *const kNames[] = {"ignored data", "early sleep out"};
    const int k = esp_sim::enum_value(kind);
    return k >= 0 && k < ESP_SIM_ILI9341_WARNING_KINDS ? kNames[k] : "invalid kind";
}

const char *esp_sim_ili9341_last_warning(esp_sim_ili9341_t *panel) {
    auto model = model_of(panel);
    if (!model) {
        return "";
    }
    panel->last_warning = model->last_warning();
    return panel->last_warning.c_str();
}

int esp_sim_ili9341_get_params(esp_sim_ili9341_t *panel, uint8_t command, uint8_t *buf, size_t cap) {
    auto model = model_of(panel);
    return model ? model->params(command, buf, cap) : -1;
}

esp_err_t esp_sim_ili9341_read_gram_rgb565(esp_sim_ili9341_t *panel, uint16_t *out) {
    auto model = model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    model->read_gram_rgb565(out);
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_read_logical_rgb565(esp_sim_ili9341_t *panel, int x, int y, int w, int h, uint16_t *out) {
    auto model = model_of(panel);
    if (!model || out == nullptr || !model->read_logical_rgb565(x, y, w, h, out)) {
        return ESP_ERR_INVALID_ARG;
    }
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_render_rgb888(esp_sim_ili9341_t *panel, uint8_t *out) {
    auto model = model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    model->render_rgb888(out);
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_render_rgb565(esp_sim_ili9341_t *panel, uint16_t *out) {
    auto model = model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    std::vector<uint8_t> rgb(esp_sim::Ili9341::kWidth * esp_sim::Ili9341::kHeight * 3);
    model->render_rgb888(rgb.data());
    for (size_t i = 0; i < rgb.size() / 3; ++i) {
        out[i] = static_cast<uint16_t>(((rgb[3 * i] >> 3) << 11) | ((rgb[3 * i + 1] >> 2) << 5) | (rgb[3 * i + 2] >> 3));
    }
    return ESP_OK;
}

uint64_t esp_sim_ili9341_glass_hash(esp_sim_ili9341_t *panel) {
    auto model = model_of(panel);
    if (!model) {
        return 0;
    }
    std::vector<uint8_t> rgb(esp_sim::Ili9341::kWidth * esp_sim::Ili9341::kHeight * 3);
    model->render_rgb888(rgb.data());
    return esp_sim::fnv1a(rgb.data(), rgb.size());
}

esp_err_t esp_sim_ili9341_write_png(esp_sim_ili9341_t *panel, const char *path) {
    auto model = model_of(panel);
    if (!model || path == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    std::vector<uint8_t> rgb(esp_sim::Ili9341::kWidth * esp_sim::Ili9341::kHeight * 3);
    model->render_rgb888(rgb.data());
    const unsigned err = lodepng_encode24_file(path, rgb.data(), esp_sim::Ili9341::kWidth, esp_sim::Ili9341::kHeight);
    return err == 0 ? ESP_OK : ESP_FAIL;
}

}  // extern "C"
