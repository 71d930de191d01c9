// The modules the simulation offers: which glass sits on which controller, and where (sim/README.md cites the
// drivers whose offsets and rotation tables these reproduce).
#include "panel_spec.hpp"

#include "enum_value.hpp"

namespace esp_sim {

const PanelCommand *find_command(const ControllerSpec &controller, uint8_t code) {
    for (size_t i = 0; i < controller.command_count; ++i) {
        if (controller.commands[i].code == code) {
            return &controller.commands[i];
        }
    }
    return nullptr;
}

const ModuleSpec *module_spec(esp_sim_module_t module) {
    using G = GlassMapping;
    static const ModuleSpec kModules[] = {
        {ESP_SIM_MODULE_ILI9341_240X320, &ili9341_controller(), 240, 320, 0, 0, G::mirror_x, true, false, false},
        {ESP_SIM_MODULE_ST7789_240X320, &st7789_controller(), 240, 320, 0, 0, G::identity, false, true, false},
        {ESP_SIM_MODULE_ST7789_240X240, &st7789_controller(), 240, 240, 0, 0, G::identity, true, true, false},
        {ESP_SIM_MODULE_ST7789_135X240, &st7789_controller(), 135, 240, 52, 40, G::identity, true, true, false},
        {ESP_SIM_MODULE_ILI9488_320X480, &ili9488_controller(), 320, 480, 0, 0, G::mirror_x, true, false, false},
        {ESP_SIM_MODULE_GC9A01_240X240, &gc9a01_controller(), 240, 240, 0, 0, G::identity, true, true, true},
        {ESP_SIM_MODULE_ST7735_128X160, &st7735_controller(), 128, 160, 2, 1, G::rotate_180, true, false, false},
        {ESP_SIM_MODULE_ST7735_80X160, &st7735_controller(), 80, 160, 26, 1, G::rotate_180, true, true, false},
    };
    const int m = enum_value(module);
    return m >= 0 && m < ESP_SIM_MODULE_KINDS ? &kModules[m] : nullptr;
}

}  // namespace esp_sim
