// ST7735S datasheet (Sitronix V1.1) command list: system function commands and panel function commands. It has no
// memory write continue (3Ch): every write starts at the window origin with RAMWR.
#include "panel_dcs.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    PANEL_DCS_RESET, PANEL_DCS_STATUS_READS, PANEL_DCS_MODES,
    PANEL_DCS_MEMORY, PANEL_DCS_IDS,
    {0x04, 0, 0, "RDDID"},
    {0x26, 1, 1, "GAMSET"},
    {0x2B, 4, 4, "RASET"},
    {0x2D, 128, 128, "RGBSET"},
    {0x2E, 0, 0, "RAMRD"},
    {0x33, 6, 6, "SCRLAR"},
    {0x35, 1, 1, "TEON"},
    {0x37, 2, 2, "VSCSAD"},
    {0xB1, 3, 3, "FRMCTR1"},
    {0xB2, 3, 3, "FRMCTR2"},
    {0xB3, 6, 6, "FRMCTR3"},
    {0xB4, 1, 1, "INVCTR"},
    {0xB6, 2, 2, "DISSET5"},
    {0xC0, 2, 3, "PWCTR1"},
    {0xC1, 1, 1, "PWCTR2"},
    {0xC2, 2, 2, "PWCTR3"},
    {0xC3, 2, 2, "PWCTR4"},
    {0xC4, 2, 2, "PWCTR5"},
    {0xC5, 1, 2, "VMCTR1"},
    {0xC7, 1, 1, "VMOFCTR"},
    {0xD1, 1, 1, "WRID2"},
    {0xD2, 1, 1, "WRID3"},
    {0xD9, 1, 1, "NVFCTR1"},
    {0xDE, 2, 2, "NVFCTR2"},
    {0xDF, 2, 2, "NVFCTR3"},
    {0xE0, 16, 16, "GMCTRP1"},
    {0xE1, 16, 16, "GMCTRN1"},
    {0xFC, 1, 2, "PWCTR6"},
};

}  // namespace

const ControllerSpec &st7735_controller() {
    // 132x162 GRAM (GM = 11); serial pixels in 12, 16 or 18 bit; serial write cycle >= 66 ns (15 MHz).
    static const ControllerSpec spec{"ST7735", 132, 162, kCommands, sizeof kCommands / sizeof kCommands[0],
                                     (1 << kFormat12) | (1 << kFormat16) | (1 << kFormat18), 15151515, 120};
    return spec;
}

}  // namespace esp_sim
