// ST7735S datasheet (Sitronix V1.1) command list: system function commands and panel function commands. It has no
// memory write continue (3Ch): every write starts at the window origin with RAMWR.
#include "panel_spec.hpp"

namespace esp_sim {
namespace {

const PanelCommand kCommands[] = {
    {0x00, 0, 0, "NOP"},
    {0x01, 0, 0, "SWRESET"},
    {0x04, 0, 0, "RDDID"},
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
    {0x2B, 4, 4, "RASET"},
    {0x2C, 0, kStream, "RAMWR"},
    {0x2D, 128, 128, "RGBSET"},
    {0x2E, 0, 0, "RAMRD"},
    {0x30, 4, 4, "PTLAR"},
    {0x33, 6, 6, "SCRLAR"},
    {0x34, 0, 0, "TEOFF"},
    {0x35, 1, 1, "TEON"},
    {0x36, 1, 1, "MADCTL"},
    {0x37, 2, 2, "VSCSAD"},
    {0x38, 0, 0, "IDMOFF"},
    {0x39, 0, 0, "IDMON"},
    {0x3A, 1, 1, "COLMOD"},
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
    {0xDA, 0, 0, "RDID1"},
    {0xDB, 0, 0, "RDID2"},
    {0xDC, 0, 0, "RDID3"},
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
