// ST7789V datasheet (Sitronix V1.0) command list: system function commands and panel function commands (command 2).
#include "panel_dcs.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    PANEL_DCS_RESET, PANEL_DCS_STATUS_READS, PANEL_DCS_MODES,
    PANEL_DCS_MEMORY, PANEL_DCS_BRIGHTNESS, PANEL_DCS_IDS,
    {0x04, 0, 0, "RDDID"},
    {0x26, 1, 1, "GAMSET"},
    {0x2B, 4, 4, "RASET"},
    {0x2E, 0, 0, "RAMRD"},
    {0x33, 6, 6, "VSCRDEF"},
    {0x35, 1, 1, "TEON"},
    {0x37, 2, 2, "VSCSAD"},
    {0x3C, 0, kStream, "WRMEMC"},
    {0x3E, 0, 0, "RDMEMC"},
    {0x44, 2, 2, "STE"},
    {0x45, 0, 0, "GSCAN"},
    {0x55, 1, 1, "WRCACE"},
    {0x5E, 1, 1, "WRCABCMB"},
    {0x5F, 0, 0, "RDCABCMB"},
    {0x68, 0, 0, "RDABCSDR"},
    {0xB0, 2, 2, "RAMCTRL"},
    {0xB1, 3, 3, "RGBCTRL"},
    {0xB2, 5, 5, "PORCTRL"},
    {0xB3, 3, 3, "FRCTRL1"},
    {0xB5, 1, 1, "PARCTRL"},
    {0xB7, 1, 1, "GCTRL"},
    {0xB8, 4, 4, "GTADJ"},
    {0xBA, 1, 1, "DGMEN"},
    {0xBB, 1, 1, "VCOMS"},
    {0xC0, 1, 1, "LCMCTRL"},
    {0xC1, 3, 3, "IDSET"},
    {0xC2, 1, 2, "VDVVRHEN"},
    {0xC3, 1, 1, "VRHS"},
    {0xC4, 1, 1, "VDVS"},
    {0xC5, 1, 1, "VCMOFSET"},
    {0xC6, 1, 1, "FRCTRL2"},
    {0xC7, 1, 1, "CABCCTRL"},
    {0xC8, 1, 1, "REGSEL1"},
    {0xCA, 1, 1, "REGSEL2"},
    {0xCC, 1, 1, "PWMFRSEL"},
    {0xD0, 2, 2, "PWCTRL1"},
    {0xD2, 1, 1, "VAPVANEN"},
    {0xDF, 4, 4, "CMD2EN"},
    {0xE0, 14, 14, "PVGAMCTRL"},
    {0xE1, 14, 14, "NVGAMCTRL"},
    {0xE2, 64, 64, "DGMLUTR"},
    {0xE3, 64, 64, "DGMLUTB"},
    {0xE4, 3, 3, "GATECTRL"},
    {0xE7, 1, 1, "SPI2EN"},
    {0xE8, 1, 1, "PWCTRL2"},
    {0xE9, 3, 3, "EQCTRL"},
    {0xEC, 1, 1, "PROMCTRL"},
    {0xFA, 4, 4, "PROMEN"},
    {0xFC, 2, 2, "NVMSET"},
    {0xFE, 2, 2, "PROMACT"},
};

}  // namespace

const ControllerSpec &st7789_controller() {
    // 240x320 GRAM; serial pixels in 12, 16 or 18 bit; serial write cycle >= 16 ns (62.5 MHz).
    static const ControllerSpec spec{"ST7789", 240, 320, kCommands, sizeof kCommands / sizeof kCommands[0],
                                     (1 << kFormat12) | (1 << kFormat16) | (1 << kFormat18), 62500000, 5};
    return spec;
}

}  // namespace esp_sim
