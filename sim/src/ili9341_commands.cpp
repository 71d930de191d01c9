// ILI9341 datasheet V1.05 command list: level-1 (system) and level-2 (panel, power, gamma) commands.
#include "ili9341_commands.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    {0x00, 0, 0, "NOP"},
    {0x01, 0, 0, "SWRESET"},
    {0x04, 0, 0, "RDDIDIF"},
    {0x09, 0, 0, "RDDST"},
    {0x0A, 0, 0, "RDDPM"},
    {0x0B, 0, 0, "RDDMADCTL"},
    {0x0C, 0, 0, "RDDCOLMOD"},
    {0x0D, 0, 0, "RDDIM"},
    {0x0E, 0, 0, "RDDSM"},
    {0x0F, 0, 0, "RDDSDR"},
    {0x10, 0, 0, "SLPIN"},
    {0x11, 0, 0, "SLPOUT"},
    {0x12, 0, 0, "PTLON"},
    {0x13, 0, 0, "NORON"},
    {0x20, 0, 0, "INVOFF"},
    {0x21, 0, 0, "INVON"},
    {0x26, 1, 1, "GAMSET"},
    {0x28, 0, 0, "DISPOFF"},
    {0x29, 0, 0, "DISPON"},
    {0x2A, 4, 4, "CASET"},
    {0x2B, 4, 4, "PASET"},
    {0x2C, 0, kStream, "RAMWR"},
    {0x2D, 128, 128, "RGBSET"},
    {0x2E, 0, 0, "RAMRD"},
    {0x30, 4, 4, "PTLAR"},
    {0x33, 6, 6, "VSCRDEF"},
    {0x34, 0, 0, "TEOFF"},
    {0x35, 1, 1, "TEON"},
    {0x36, 1, 1, "MADCTL"},
    {0x37, 2, 2, "VSCRSADD"},
    {0x38, 0, 0, "IDMOFF"},
    {0x39, 0, 0, "IDMON"},
    {0x3A, 1, 1, "COLMOD"},
    {0x3C, 0, kStream, "RAMWRC"},
    {0x3E, 0, 0, "RAMRDC"},
    {0x44, 2, 2, "TESL"},
    {0x45, 0, 0, "GETSCAN"},
    {0x51, 1, 1, "WRDISBV"},
    {0x52, 0, 0, "RDDISBV"},
    {0x53, 1, 1, "WRCTRLD"},
    {0x54, 0, 0, "RDCTRLD"},
    {0x55, 1, 1, "WRCABC"},
    {0x56, 0, 0, "RDCABC"},
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
    {0xDA, 0, 0, "RDID1"},
    {0xDB, 0, 0, "RDID2"},
    {0xDC, 0, 0, "RDID3"},
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

const Ili9341Command *ili9341_find_command(uint8_t code) { return find_command(ili9341_controller(), code); }

}  // namespace esp_sim
