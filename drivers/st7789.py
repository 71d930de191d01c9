# st7789.py: the ST7789 profile of the display driver core (display.py): 240x320, 240x240 and 135x240 IPS modules.
from display import Display, MX, MY, MV, COLOR_MODE_RGB, COLOR_MODE_BGR

# Sitronix's recommended initialisation (as TFT_eSPI's ST7789_Init.h and lv_binding's st7789 send it, without
# their ILI9341 command B6h): 16-bit pixels, porch, gate and power voltages, 60 Hz, gamma. MADCTL, INVON, SLPOUT
# and DISPON follow from the core.
_INIT = (
    (0x3A, b'\x55'),                   # COLMOD: 16 bit
    (0xB2, b'\x0C\x0C\x00\x33\x33'),   # PORCTRL
    (0xB7, b'\x35'),                   # GCTRL: VGH 13.26 V, VGL -10.43 V
    (0xBB, b'\x28'),                   # VCOMS
    (0xC0, b'\x0C'),                   # LCMCTRL
    (0xC2, b'\x01\xFF'),               # VDVVRHEN
    (0xC3, b'\x10'),                   # VRHS
    (0xC4, b'\x20'),                   # VDVS
    (0xC6, b'\x0F'),                   # FRCTRL2: 60 Hz
    (0xD0, b'\xA4\xA1'),               # PWCTRL1
    (0xE0, b'\xD0\x00\x02\x07\x0A\x28\x32\x44\x42\x06\x0E\x12\x14\x17'),  # PVGAMCTRL
    (0xE1, b'\xD0\x00\x02\x07\x0A\x28\x31\x54\x47\x0E\x1C\x17\x1B\x1E'),  # NVGAMCTRL
)


class st7789(Display):
    """The ST7789 (display.Display documents the options): a 240x320 GRAM behind a glass of 240x320, 240x240 or
    135x240 (width, height). The smaller glasses sit inside GRAM at the offsets TFT_eSPI's ST7789_Rotation.h uses;
    the IPS glasses need INVON (invert=True by default)."""
    NAME = 'st7789'
    MODULES = {
        (240, 320): (((0, 0),) * 4, COLOR_MODE_RGB, True),
        (240, 240): (((0, 0), (0, 0), (0, 80), (80, 0)), COLOR_MODE_BGR, True),
        (135, 240): (((52, 40), (40, 53), (53, 40), (40, 52)), COLOR_MODE_BGR, True),
    }
    ROTATIONS = {0: 0, 90: MX | MV, 180: MX | MY, 270: MY | MV}
    INIT = _INIT
