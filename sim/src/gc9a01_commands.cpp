// GC9A01A datasheet command list: MIPI DCS commands, the documented extended commands, and the undocumented
// registers every published initialisation sequence writes (its vendor's, TFT_eSPI's, lv_binding's).
#include "panel_dcs.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    PANEL_DCS_RESET, PANEL_DCS_MODES, PANEL_DCS_MEMORY,
    PANEL_DCS_IDS,
    {0x04, 0, 0, "RDDID"},
    {0x09, 0, 0, "RDDST"},
    {0x2B, 4, 4, "RASET"},
    {0x33, 6, 6, "VSCRDEF"},
    {0x35, 0, 1, "TEON"},  // TFT_eSPI sends it without its mode parameter; the default mode (0) applies
    {0x37, 2, 2, "VSCSAD"},
    {0x3C, 0, kStream, "WRMEMC"},
    {0x44, 2, 2, "STE"},
    {0x45, 0, 0, "GSCAN"},
    {0x51, 1, 1, "WRDISBV"},
    {0x53, 1, 1, "WRCTRLD"},
    {0x62, 12, 12, "REG62"},
    {0x63, 12, 12, "REG63"},
    {0x64, 7, 7, "REG64"},
    {0x66, 10, 10, "REG66"},
    {0x67, 10, 10, "REG67"},
    {0x70, 9, 9, "REG70"},
    {0x74, 7, 7, "REG74"},
    {0x84, 1, 1, "REG84"},
    {0x85, 1, 1, "REG85"},
    {0x86, 1, 1, "REG86"},
    {0x87, 1, 1, "REG87"},
    {0x88, 1, 1, "REG88"},
    {0x89, 1, 1, "REG89"},
    {0x8A, 1, 1, "REG8A"},
    {0x8B, 1, 1, "REG8B"},
    {0x8C, 1, 1, "REG8C"},
    {0x8D, 1, 1, "REG8D"},
    {0x8E, 1, 1, "REG8E"},
    {0x8F, 1, 1, "REG8F"},
    {0x90, 4, 4, "REG90"},
    {0x98, 2, 2, "REG98"},
    {0xAE, 1, 1, "REGAE"},
    {0xB0, 1, 1, "RGBCTRL"},
    {0xB5, 4, 4, "BLKPORCH"},
    {0xB6, 2, 2, "DISFUNC"},
    {0xBC, 1, 1, "REGBC"},
    {0xBD, 1, 1, "REGBD"},
    {0xBE, 1, 1, "REGBE"},
    {0xC3, 1, 1, "VREG1A"},
    {0xC4, 1, 1, "VREG1B"},
    {0xC9, 1, 1, "VREG2A"},
    {0xCD, 1, 1, "REGCD"},
    {0xDF, 3, 3, "REGDF"},
    {0xE1, 2, 2, "REGE1"},
    {0xE8, 1, 1, "FRMRATE"},
    {0xE9, 1, 1, "SPI2DATA"},
    {0xEB, 1, 1, "REGEB"},
    {0xED, 2, 2, "REGED"},
    {0xEF, 0, 0, "INREGEN2"},
    {0xF0, 6, 6, "SETGAMMA1"},
    {0xF1, 6, 6, "SETGAMMA2"},
    {0xF2, 6, 6, "SETGAMMA3"},
    {0xF3, 6, 6, "SETGAMMA4"},
    {0xFE, 0, 0, "INREGEN1"},
    {0xFF, 3, 3, "REGFF"},
};

}  // namespace

const ControllerSpec &gc9a01_controller() {
    // 240x240 GRAM; serial pixels in 12, 16 or 18 bit; serial write cycle >= 16.6 ns (60 MHz, lv_binding's
    // default clock for it).
    static const ControllerSpec spec{"GC9A01", 240, 240, kCommands, sizeof kCommands / sizeof kCommands[0],
                                     (1 << kFormat12) | (1 << kFormat16) | (1 << kFormat18), 60000000, 5};
    return spec;
}

}  // namespace esp_sim
