// The esp_sim_ili9341_* API: the ILI9341 module of the panel models (panel_model.cpp) behind the names, config,
// state and violation/warning kinds older scripts and tests use. Handles are checked against the live set.
#include <vector>

#include "enum_value.hpp"
#include "model_handles.hpp"
#include "panel_model.hpp"

struct esp_sim_ili9341 {
    std::shared_ptr<esp_sim::PanelModel> model;
    std::string text;  // the last string handed out for this panel
};

namespace esp_sim {
namespace {

// The kinds are the panel models' first ones, in the same order.
constexpr bool same(int ili9341_kind, int panel_kind) { return ili9341_kind == panel_kind; }
static_assert(same(ESP_SIM_ILI9341_PIXELS_ASLEEP, ESP_SIM_VIOLATION_PIXELS_ASLEEP) &&
                  same(ESP_SIM_ILI9341_NO_WINDOW, ESP_SIM_VIOLATION_NO_WINDOW) &&
                  same(ESP_SIM_ILI9341_UNKNOWN_COMMAND, ESP_SIM_VIOLATION_UNKNOWN_COMMAND) &&
                  same(ESP_SIM_ILI9341_DATA_WITHOUT_COMMAND, ESP_SIM_VIOLATION_DATA_WITHOUT_COMMAND) &&
                  same(ESP_SIM_ILI9341_SHORT_PARAMS, ESP_SIM_VIOLATION_SHORT_PARAMS) &&
                  same(ESP_SIM_ILI9341_TIMING, ESP_SIM_VIOLATION_TIMING) &&
                  same(ESP_SIM_ILI9341_DURING_RESET, ESP_SIM_VIOLATION_DURING_RESET) &&
                  same(ESP_SIM_ILI9341_BAD_PARAM, ESP_SIM_VIOLATION_BAD_PARAM) &&
                  same(ESP_SIM_ILI9341_SPI_MODE, ESP_SIM_VIOLATION_SPI_MODE) &&
                  same(ESP_SIM_ILI9341_VIOLATION_KINDS, ESP_SIM_VIOLATION_KINDS),
              "ILI9341 violation kinds are the panel models' kinds");
static_assert(same(ESP_SIM_ILI9341_WARN_IGNORED_DATA, ESP_SIM_WARNING_IGNORED_DATA) &&
                  same(ESP_SIM_ILI9341_WARN_EARLY_SLPOUT, ESP_SIM_WARNING_EARLY_SLPOUT),
              "ILI9341 warning kinds are the panel models' first kinds");
constexpr int kWarningKinds = ESP_SIM_ILI9341_WARNING_KINDS;
constexpr int kWidth = ESP_SIM_ILI9341_WIDTH, kHeight = ESP_SIM_ILI9341_HEIGHT;

ModelHandles<esp_sim_ili9341> &ili9341_panels() {
    static ModelHandles<esp_sim_ili9341> set;
    return set;
}

std::vector<uint8_t> glass_rgb888(PanelModel &model) {
    std::vector<uint8_t> rgb(static_cast<size_t>(kWidth) * kHeight * 3);
    model.render_rgb888(rgb.data());
    return rgb;
}

uint16_t rgb888_to_565(const uint8_t *px) {
    return static_cast<uint16_t>(((px[0] >> 3) << 11) | ((px[1] >> 2) << 5) | (px[2] >> 3));
}

}  // namespace

void ili9341_panels_reset() { ili9341_panels().clear(); }

}  // namespace esp_sim

using esp_sim::ili9341_panels;

extern "C" {

esp_err_t esp_sim_ili9341_attach(const esp_sim_ili9341_config_t *config, esp_sim_ili9341_t **out) {
    if (config == nullptr || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    esp_sim_panel_config_t panel{};
    panel.module = ESP_SIM_MODULE_ILI9341_240X320;
    panel.host = static_cast<spi_host_device_t>(esp_sim::enum_value(config->host));
    panel.cs_io_num = config->cs_io_num;
    panel.dc_io_num = config->dc_io_num;
    panel.reset_io_num = config->reset_io_num;
    panel.backlight_io_num = config->backlight_io_num;
    panel.backlight_active_low = config->backlight_active_low;
    panel.power_io_num = -1;
    panel.seed = config->seed;
    return ili9341_panels().attach_out(panel.host, panel.cs_io_num, esp_sim::make_panel_model(panel), out);
}

esp_err_t esp_sim_ili9341_detach(esp_sim_ili9341_t *panel) {
    return ili9341_panels().detach(panel) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_ili9341_get_state(esp_sim_ili9341_t *panel, esp_sim_ili9341_state_t *out) {
    auto model = ili9341_panels().model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    const esp_sim_panel_state_t s = model->state(esp_sim::kWarningKinds);
    *out = esp_sim_ili9341_state_t{};
    out->awake = s.awake;
    out->display_on = s.display_on;
    out->inverted = s.inverted;
    out->backlight_on = s.backlight_on;
    out->in_reset = s.in_reset;
    out->madctl = s.madctl;
    out->colmod = s.colmod;
    out->col_start = s.col_start;
    out->col_end = s.col_end;
    out->page_start = s.row_start;
    out->page_end = s.row_end;
    out->commands = s.commands;
    out->pixels_written = s.pixels_written;
    out->violations = s.violations;
    out->warnings = s.warnings;
    return ESP_OK;
}

uint32_t esp_sim_ili9341_violations(esp_sim_ili9341_t *panel, esp_sim_ili9341_violation_t kind) {
    return ili9341_panels().violations(panel, kind);
}

uint32_t esp_sim_ili9341_violation_total(esp_sim_ili9341_t *panel) {
    auto model = ili9341_panels().model_of(panel);
    return model ? model->violation_total() : 0;
}

const char *esp_sim_ili9341_violation_name(esp_sim_ili9341_violation_t kind) {
    const int k = esp_sim::enum_value(kind);
    return k >= 0 && k < ESP_SIM_ILI9341_VIOLATION_KINDS ? esp_sim_violation_name(static_cast<esp_sim_violation_t>(k))
                                                         : "invalid kind";
}

const char *esp_sim_ili9341_last_violation(esp_sim_ili9341_t *panel) {
    auto model = ili9341_panels().model_of(panel);
    return model ? ili9341_panels().keep(panel, model->last_violation()) : "";
}

uint32_t esp_sim_ili9341_warnings(esp_sim_ili9341_t *panel, esp_sim_ili9341_warning_t kind) {
    const int k = esp_sim::enum_value(kind);
    auto model = ili9341_panels().model_of(panel);
    return model && k >= 0 && k < esp_sim::kWarningKinds ? model->warnings(k) : 0;
}

uint32_t esp_sim_ili9341_warning_total(esp_sim_ili9341_t *panel) {
    auto model = ili9341_panels().model_of(panel);
    return model ? model->warning_total(esp_sim::kWarningKinds) : 0;
}

const char *esp_sim_ili9341_warning_name(esp_sim_ili9341_warning_t kind) {
    const int k = esp_sim::enum_value(kind);
    return k >= 0 && k < esp_sim::kWarningKinds ? esp_sim_warning_name(static_cast<esp_sim_warning_t>(k))
                                                : "invalid kind";
}

const char *esp_sim_ili9341_last_warning(esp_sim_ili9341_t *panel) {
    auto model = ili9341_panels().model_of(panel);
    return model ? ili9341_panels().keep(panel, model->last_warning(esp_sim::kWarningKinds)) : "";
}

int esp_sim_ili9341_get_params(esp_sim_ili9341_t *panel, uint8_t command, uint8_t *buf, size_t cap) {
    auto model = ili9341_panels().model_of(panel);
    return model ? model->params(command, buf, cap) : -1;
}

esp_err_t esp_sim_ili9341_read_gram_rgb565(esp_sim_ili9341_t *panel, uint16_t *out) {
    auto model = ili9341_panels().model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    std::vector<uint8_t> gram(static_cast<size_t>(esp_sim::kWidth) * esp_sim::kHeight * 3);
    model->read_gram_rgb666(0, 0, esp_sim::kWidth, esp_sim::kHeight, gram.data());
    for (size_t i = 0; i < gram.size() / 3; ++i) {
        out[i] = esp_sim::rgb565_of_levels(gram[3 * i], gram[3 * i + 1], gram[3 * i + 2]);
    }
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_read_logical_rgb565(esp_sim_ili9341_t *panel, int x, int y, int w, int h, uint16_t *out) {
    auto model = ili9341_panels().model_of(panel);
    return model && out != nullptr && model->read_logical_rgb565(x, y, w, h, out) ? ESP_OK : ESP_ERR_INVALID_ARG;
}

esp_err_t esp_sim_ili9341_render_rgb888(esp_sim_ili9341_t *panel, uint8_t *out) {
    auto model = ili9341_panels().model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    model->render_rgb888(out);
    return ESP_OK;
}

esp_err_t esp_sim_ili9341_render_rgb565(esp_sim_ili9341_t *panel, uint16_t *out) {
    auto model = ili9341_panels().model_of(panel);
    if (!model || out == nullptr) {
        return ESP_ERR_INVALID_ARG;
    }
    const std::vector<uint8_t> rgb = esp_sim::glass_rgb888(*model);
    for (size_t i = 0; i < rgb.size() / 3; ++i) {
        out[i] = esp_sim::rgb888_to_565(&rgb[3 * i]);
    }
    return ESP_OK;
}

uint64_t esp_sim_ili9341_glass_hash(esp_sim_ili9341_t *panel) {
    auto model = ili9341_panels().model_of(panel);
    if (!model) {
        return 0;
    }
    const std::vector<uint8_t> rgb = esp_sim::glass_rgb888(*model);
    return esp_sim::fnv1a(rgb.data(), rgb.size());
}

esp_err_t esp_sim_ili9341_write_png(esp_sim_ili9341_t *panel, const char *path) {
    auto model = ili9341_panels().model_of(panel);
    return model && path != nullptr ? esp_sim::write_glass_png(*model, path) : ESP_ERR_INVALID_ARG;
}

}  // extern "C"
