// MIPI DCS commands the panel controllers share: the same codes, parameter counts and names in the ILI9341,
// ILI9488, ST7789, ST7735 and GC9A01 datasheets. A controller's table lists the groups it has, then its own commands.
#pragma once

#include "panel_spec.hpp"

#define PANEL_DCS_RESET {0x00, 0, 0, "NOP"}, {0x01, 0, 0, "SWRESET"}

// Status reads (the GC9A01 has RDDST only).
#define PANEL_DCS_STATUS_READS                                                                                        \
    {0x09, 0, 0, "RDDST"}, {0x0A, 0, 0, "RDDPM"}, {0x0B, 0, 0, "RDDMADCTL"}, {0x0C, 0, 0, "RDDCOLMOD"},                \
        {0x0D, 0, 0, "RDDIM"}, {0x0E, 0, 0, "RDDSM"}, {0x0F, 0, 0, "RDDSDR"}

// Sleep, partial/normal mode, inversion, display on/off.
#define PANEL_DCS_MODES                                                                                               \
    {0x10, 0, 0, "SLPIN"}, {0x11, 0, 0, "SLPOUT"}, {0x12, 0, 0, "PTLON"}, {0x13, 0, 0, "NORON"},                       \
        {0x20, 0, 0, "INVOFF"}, {0x21, 0, 0, "INVON"}, {0x28, 0, 0, "DISPOFF"}, {0x29, 0, 0, "DISPON"}

// Column window, memory write, partial area, tearing effect off, address order, idle mode, pixel format.
#define PANEL_DCS_MEMORY                                                                                              \
    {0x2A, 4, 4, "CASET"}, {0x2C, 0, kStream, "RAMWR"}, {0x30, 4, 4, "PTLAR"}, {0x34, 0, 0, "TEOFF"},                  \
        {0x36, 1, 1, "MADCTL"}, {0x38, 0, 0, "IDMOFF"}, {0x39, 0, 0, "IDMON"}, {0x3A, 1, 1, "COLMOD"}

// Brightness and content-adaptive backlight control.
#define PANEL_DCS_BRIGHTNESS                                                                                          \
    {0x51, 1, 1, "WRDISBV"}, {0x52, 0, 0, "RDDISBV"}, {0x53, 1, 1, "WRCTRLD"}, {0x54, 0, 0, "RDCTRLD"},                \
        {0x56, 0, 0, "RDCABC"}

#define PANEL_DCS_IDS {0xDA, 0, 0, "RDID1"}, {0xDB, 0, 0, "RDID2"}, {0xDC, 0, 0, "RDID3"}
