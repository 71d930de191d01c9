// ILI9488 datasheet (V1.00) command list: level-1 commands and the level-2 panel, power, gamma and adjust commands.
#include "panel_dcs.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    PANEL_DCS_RESET, PANEL_DCS_STATUS_READS, PANEL_DCS_MODES,
    PANEL_DCS_MEMORY, PANEL_DCS_BRIGHTNESS, PANEL_DCS_IDS,
    {0x04, 0, 0, "RDDIDIF"},
    {0x05, 0, 0, "RDNUMED"},
    {0x22, 0, 0, "ALLPOFF"},
    {0x23, 0, 0, "ALLPON"},
    {0x2B, 4, 4, "PASET"},
    {0x2E, 0, 0, "RAMRD"},
    {0x33, 6, 6, "VSCRDEF"},
    {0x35, 1, 1, "TEON"},
    {0x37, 2, 2, "VSCRSADD"},
    {0x3C, 0, kStream, "RAMWRC"},
    {0x3E, 0, 0, "RAMRDRC"},
    {0x44, 2, 2, "TESLWR"},
    {0x45, 0, 0, "TESLRD"},
    {0x55, 1, 1, "WRCABC"},
    {0x5E, 1, 1, "WRCABCMB"},
    {0x5F, 0, 0, "RDCABCMB"},
    {0x68, 0, 0, "RDABCSDR"},
    {0xB0, 1, 1, "IFMODE"},
    {0xB1, 1, 2, "FRMCTR1"},
    {0xB2, 1, 2, "FRMCTR2"},
    {0xB3, 1, 2, "FRMCTR3"},
    {0xB4, 1, 1, "INVTR"},
    {0xB5, 4, 4, "PRCTR"},
    {0xB6, 2, 3, "DISCTRL"},
    {0xB7, 1, 1, "ETMOD"},
    {0xB9, 2, 2, "CECTRL1"},
    {0xBA, 1, 1, "CECTRL2"},
    {0xBB, 2, 2, "CECTRL3"},
    {0xBC, 4, 4, "CECTRL4"},
    {0xBD, 4, 4, "CECTRL5"},
    {0xBE, 2, 2, "CECTRL6"},
    {0xBF, 2, 2, "CECTRL7"},
    {0xC0, 2, 2, "PWCTRL1"},
    {0xC1, 1, 1, "PWCTRL2"},
    {0xC2, 1, 1, "PWCTRL3"},
    {0xC3, 1, 1, "PWCTRL4"},
    {0xC4, 1, 1, "PWCTRL5"},
    {0xC5, 1, 4, "VMCTRL"},
    {0xC6, 1, 1, "CABCCTRL1"},
    {0xC8, 1, 1, "CABCCTRL2"},
    {0xC9, 1, 1, "CABCCTRL3"},
    {0xCA, 1, 1, "CABCCTRL4"},
    {0xCB, 1, 1, "CABCCTRL5"},
    {0xCC, 1, 1, "CABCCTRL6"},
    {0xCD, 1, 1, "CABCCTRL7"},
    {0xCE, 1, 1, "CABCCTRL8"},
    {0xCF, 1, 1, "CABCCTRL9"},
    {0xD0, 2, 2, "NVMWR"},
    {0xD1, 3, 3, "NVMPKEY"},
    {0xD2, 0, 0, "RDNVM"},
    {0xD3, 0, 0, "RDID4"},
    {0xE0, 15, 15, "PGAMCTRL"},
    {0xE1, 15, 15, "NGAMCTRL"},
    {0xE2, 16, 16, "DGAMCTRL1"},
    {0xE3, 64, 64, "DGAMCTRL2"},
    {0xE9, 1, 1, "SETIMAGE"},
    {0xF7, 4, 4, "ADJCTRL3"},
};

}  // namespace

const ControllerSpec &ili9488_controller() {
    // 320x480 GRAM. Its serial interface (DBI type C) takes 18-bit pixels only, 3 bytes each (3-bit mode not
    // modelled); serial write cycle >= 50 ns (20 MHz).
    static const ControllerSpec spec{"ILI9488", 320, 480, kCommands, sizeof kCommands / sizeof kCommands[0],
                                     1 << kFormat18, 20000000, 5};
    return spec;
}

}  // namespace esp_sim
