# st7735.py: the ST7735 profile of the display driver core (display.py): the 128x160 and 80x160 modules.
from display import Display, MX, MY, MV, COLOR_MODE_BGR

# Sitronix's ST7735R/S initialisation as Adafruit's and TFT_eSPI's drivers send it (Rcmd1 and Rcmd3): frame rates,
# inversion control, power, VCOM, 16-bit pixels, gamma, normal display mode.
_INIT = (
    (0xB1, b'\x01\x2C\x2D'),           # FRMCTR1
    (0xB2, b'\x01\x2C\x2D'),           # FRMCTR2
    (0xB3, b'\x01\x2C\x2D\x01\x2C\x2D'),  # FRMCTR3
    (0xB4, b'\x07'),                   # INVCTR: no inversion
    (0xC0, b'\xA2\x02\x84'),           # PWCTR1
    (0xC1, b'\xC5'),                   # PWCTR2
    (0xC2, b'\x0A\x00'),               # PWCTR3
    (0xC3, b'\x8A\x2A'),               # PWCTR4
    (0xC4, b'\x8A\xEE'),               # PWCTR5
    (0xC5, b'\x0E'),                   # VMCTR1
    (0x3A, b'\x05'),                   # COLMOD: 16 bit
    (0xE0, b'\x02\x1C\x07\x12\x37\x32\x29\x2D\x29\x25\x2B\x39\x00\x01\x03\x10'),  # GMCTRP1
    (0xE1, b'\x03\x1D\x07\x06\x2E\x2C\x29\x2D\x2E\x2E\x37\x3F\x00\x00\x02\x10'),  # GMCTRN1
    (0x13, b''),                       # NORON
)


class st7735(Display):
    """The ST7735 (display.Display documents the options): a 132x162 GRAM behind a 128x160 ("green tab") or 80x160
    (0.96" IPS, INVON) glass mounted upside down (MADCTL MX|MY is upright), at the offsets of TFT_eSPI's
    ST7735_Rotation.h. It has no memory write continue: a strip that continues the previous one re-sends its first
    row and RAMWR. 120 ms after a reset before the first command."""
    NAME = 'st7735'
    MODULES = {
        (128, 160): (((2, 1), (1, 2), (2, 1), (1, 2)), COLOR_MODE_BGR, False),
        (80, 160): (((26, 1), (1, 26), (26, 1), (1, 26)), COLOR_MODE_BGR, True),
    }
    SIZE = (128, 160)
    ROTATIONS = {0: MX | MY, 90: MY | MV, 180: 0, 270: MX | MV}
    INIT = _INIT
    RAMWRC = False
    RESET_TICKS = 12
