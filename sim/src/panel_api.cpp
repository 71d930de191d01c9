// The C API of the panel models (esp_sim_panel_*): handles are checked against the live set, never trusted.
#include <lodepng.h>

#include <vector>

#include "enum_value.hpp"
#include "gpio_pins.hpp"
#include "model_handles.hpp"
#include "panel_model.hpp"

struct esp_sim_panel {
    std::shared_ptr<esp_sim::PanelModel> model;
    std::string text;  // the last string handed out for this panel
};

namespace esp_sim {
namespace {

ModelHandles<esp_sim_panel> &panels() {
    static ModelHandles<esp_sim_panel> set;
    return set;
}

// A pin that is not wired (-1) or can drive an output.
bool optional_output(int pin) { return pin < 0 || gpio_pin_output_capable(pin); }

}  // namespace

std::shared_ptr<PanelModel> make_panel_model(const esp_sim_panel_config_t &config) {
    const ModuleSpec *module = module_spec(config.module);
    const int host = enum_value(config.host);
    if (module == nullptr || (host != SPI2_HOST && host != SPI3_HOST) || !gpio_pin_output_capable(config.dc_io_num) ||
        !optional_output(config.cs_io_num) || !optional_output(config.reset_io_num) ||
        !optional_output(config.backlight_io_num) || !optional_output(config.power_io_num)) {
        return nullptr;
    }
    return std::make_shared<PanelModel>(*module, config);
}

void panel_models_reset() { panels().clear(); }

esp_err_t write_glass_png(PanelModel &model, const char *path) {
    const ModuleSpec &m = model.module();
    std::vector<uint8_t> rgb(static_cast<size_t>(m.width) * m.height * 3);
    model.render_rgb888(rgb.data());
    const unsigned err = lodepng_encode24_file(path, rgb.data(), static_cast<unsigned>(m.width),
                                               static_cast<unsigned>(m.height));
    return err == 0 ? ESP_OK : ESP_FAIL;
}

}  // namespace esp_sim

using esp_sim::panels;

extern "C" {

const char *esp_sim_module_controller(esp_sim_module_t module) {
    const esp_sim::ModuleSpec *m = esp_sim::module_spec(module);
    return m != nullptr ? m->controller->name : nullptr;
}

esp_err_t esp_sim_panel_attach(const esp_sim_panel_config_t *config, esp_sim_panel_t **out) {
    if (config == nullptr || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    return panels().attach_out(config->host, config->cs_io_num, esp_sim::make_panel_model(*config), out);
}

esp_err_t esp_sim_panel_detach(esp_sim_panel_t *panel) {
    return panels().detach(panel) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_panel_get_state(esp_sim_panel_t *panel, esp_sim_panel_state_t *out) {
    return panels().copy_state(panel, out);
}

uint32_t esp_sim_panel_violations(esp_sim_panel_t *panel, esp_sim_violation_t kind) {
    return panels().violations(panel, kind);
}

uint32_t esp_sim_panel_warnings(esp_sim_panel_t *panel, esp_sim_warning_t kind) {
    return panels().warnings(panel, kind);
}

const char *esp_sim_violation_name(esp_sim_violation_t kind) {
    static const char *const kNames[] = {"pixels while asleep", "pixels before a window", "unknown command",
                                         "data without command", "short parameter list", "timing",
                                         "bytes during reset", "bad parameter", "wrong SPI mode"};
    static_assert(sizeof kNames / sizeof kNames[0] == ESP_SIM_VIOLATION_KINDS, "a name per kind");
    const int k = esp_sim::enum_value(kind);
    return k >= 0 && k < ESP_SIM_VIOLATION_KINDS ? kNames[k] : "invalid kind";
}

const char *esp_sim_warning_name(esp_sim_warning_t kind) {
    static const char *const kNames[] = {"ignored data", "early sleep out", "clock above the datasheet's"};
    static_assert(sizeof kNames / sizeof kNames[0] == ESP_SIM_WARNING_KINDS, "a name per kind");
    const int k = esp_sim::enum_value(kind);
    return k >= 0 && k < ESP_SIM_WARNING_KINDS ? kNames[k] : "invalid kind";
}

const char *esp_sim_panel_last_violation(esp_sim_panel_t *panel) {
    auto model = panels().model_of(panel);
    return model ? panels().keep(panel, model->last_violation()) : "";
}

const char *esp_sim_panel_last_warning(esp_sim_panel_t *panel) {
    auto model = panels().model_of(panel);
    return model ? panels().keep(panel, model->last_warning()) : "";
}

int esp_sim_panel_get_params(esp_sim_panel_t *panel, uint8_t command, uint8_t *buf, size_t cap) {
    auto model = panels().model_of(panel);
    return model ? model->params(command, buf, cap) : -1;
}

esp_err_t esp_sim_panel_read_gram_rgb666(esp_sim_panel_t *panel, int x, int y, int w, int h, uint8_t *out) {
    auto model = panels().model_of(panel);
    return model && out != nullptr && model->read_gram_rgb666(x, y, w, h, out) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_panel_read_view_rgb565(esp_sim_panel_t *panel, int rotation, uint16_t *out) {
    auto model = panels().model_of(panel);
    return model && out != nullptr && model->read_view_rgb565(rotation, out) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_panel_render_rgb888(esp_sim_panel_t *panel, uint8_t *out) {
    auto model = panels().model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    model->render_rgb888(out);
    return ESP_OK;
}

esp_err_t esp_sim_panel_write_png(esp_sim_panel_t *panel, const char *path) {
    auto model = panels().model_of(panel);
    return model && path != nullptr ? esp_sim::write_glass_png(*model, path) : ESP_ERR_INVALID_ARG;
}

}  // extern "C"
