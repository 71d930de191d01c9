// ILI9341 datasheet V1.05 command list: level-1 (system) and level-2 (panel, power, gamma) commands.
#include "panel_dcs.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    PANEL_DCS_RESET, PANEL_DCS_STATUS_READS, PANEL_DCS_MODES,
    PANEL_DCS_MEMORY, PANEL_DCS_BRIGHTNESS, PANEL_DCS_IDS,
    {0x04, 0, 0, "RDDIDIF"},
    {0x26, 1, 1, "GAMSET"},
    {0x2B, 4, 4, "PASET"},
    {0x2D, 128, 128, "RGBSET"},
    {0x2E, 0, 0, "RAMRD"},
    {0x33, 6, 6, "VSCRDEF"},
    {0x35, 1, 1, "TEON"},
    {0x37, 2, 2, "VSCRSADD"},
    {0x3C, 0, kStream, "RAMWRC"},
    {0x3E, 0, 0, "RAMRDC"},
    {0x44, 2, 2, "TESL"},
    {0x45, 0, 0, "GETSCAN"},
    {0x55, 1, 1, "WRCABC"},
    {0x5E, 1, 1, "WRCABCMIN"},
    {0x5F, 0, 0, "RDCABCMIN"},
    {0xB0, 1, 1, "IFMODE"},
    {0xB1, 2, 2, "FRMCTR1"},
    {0xB2, 2, 2, "FRMCTR2"},
    {0xB3, 2, 2, "FRMCTR3"},
    {0xB4, 1, 1, "INVTR"},
    {0xB5, 4, 4, "PRCTR"},
    {0xB6, 3, 4, "DISCTRL"},
    {0xB7, 1, 1, "ETMOD"},
    {0xB8, 1, 1, "BLCTRL1"},
    {0xC0, 1, 1, "PWCTR1"},
    {0xC1, 1, 1, "PWCTR2"},
    {0xC5, 2, 2, "VMCTR1"},
    {0xC7, 1, 1, "VMCTR2"},
    {0xCB, 5, 5, "PWCTRA"},
    {0xCF, 3, 3, "PWCTRB"},
    {0xD9, 1, 1, "NVMEMWR"},
    {0xE0, 15, 15, "PGAMCTRL"},
    {0xE1, 15, 15, "NGAMCTRL"},
    {0xE2, 16, 16, "DGAMCTRL1"},
    {0xE3, 64, 64, "DGAMCTRL2"},
    {0xE8, 3, 3, "DTCA"},
    {0xEA, 2, 2, "DTCB"},
    {0xED, 4, 4, "PWRSEQ"},
    {0xF2, 1, 1, "EN3GAM"},
    {0xF6, 3, 3, "IFCTL"},
    {0xF7, 1, 1, "PRC"},
};

}  // namespace

const ControllerSpec &ili9341_controller() {
    // Serial interface: 16 and 18 bit; write cycle >= 100 ns (10 MHz), 40 MHz works in practice.
    static const ControllerSpec spec{"ILI9341", 240, 320, kCommands, sizeof kCommands / sizeof kCommands[0],
                                     (1 << kFormat16) | (1 << kFormat18), 10000000, 5};
    return spec;
}

}  // namespace esp_sim
