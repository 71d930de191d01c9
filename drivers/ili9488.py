# ili9488.py: the ILI9488 profile of the display driver core (display.py): a 320x480 module taking 18-bit pixels.
from display import Display, MX, MY, MV, COLOR_MODE_BGR

# TFT_eSPI's ILI9488_Init.h for SPI: gamma, power, VCOM, COLMOD 0x66 (its serial interface takes 18-bit pixels
# only), interface mode, frame rate, inversion control, display function, image function, adjust control.
_INIT = (
    (0xE0, b'\x00\x03\x09\x08\x16\x0A\x3F\x78\x4C\x09\x0A\x08\x16\x1A\x0F'),  # PGAMCTRL
    (0xE1, b'\x00\x16\x19\x03\x0F\x05\x32\x45\x46\x04\x0E\x0D\x35\x37\x0F'),  # NGAMCTRL
    (0xC0, b'\x17\x15'),               # PWCTRL1
    (0xC1, b'\x41'),                   # PWCTRL2
    (0xC5, b'\x00\x12\x80'),           # VMCTRL
    (0x3A, b'\x66'),                   # COLMOD: 18 bit
    (0xB0, b'\x00'),                   # IFMODE
    (0xB1, b'\xA0'),                   # FRMCTR1: 60 Hz
    (0xB4, b'\x02'),                   # INVTR: 2-dot
    (0xB6, b'\x02\x02\x3B'),           # DISCTRL
    (0xE9, b'\x00'),                   # SETIMAGE
    (0xF7, b'\xA9\x51\x2C\x82'),       # ADJCTRL3
)


class ili9488(Display):
    """The ILI9488 (display.Display documents the options): 3 bytes a pixel on the wire, so both flushes widen
    the GUI's RGB565 strips into RGB666 in the DMA buffer (sized for 3 bytes a pixel) before sending them. Wired and
    rotated like the ILI9341; the datasheet's serial clock limit is 20 MHz (40 MHz works on most modules)."""
    NAME = 'ili9488'
    MODULES = {(320, 480): (((0, 0),) * 4, COLOR_MODE_BGR, False)}
    SIZE = (320, 480)
    ROTATIONS = {0: MX, 90: MV, 180: MY, 270: MX | MY | MV}
    INIT = _INIT
    BYTES_PER_PIXEL = 3
    FACTOR = 8
