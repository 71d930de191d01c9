# ili9341.py: the ILI9341 profile of the display driver core (display.py): a 240x320 module, its initialisation.
import display
from display import (Display, MX, MY, MV, COLOR_MODE_RGB, COLOR_MODE_BGR,  # noqa: F401 (the module's public names)
                     isr_callbacks_supported, python_callbacks_supported)

# The usual ILI9341 initialisation: (command, parameters). MADCTL and inversion are sent after it.
_INIT = (
    (0xCF, b'\x00\x83\x30'), (0xED, b'\x64\x03\x12\x81'), (0xE8, b'\x85\x01\x79'),
    (0xCB, b'\x39\x2C\x00\x34\x02'), (0xF7, b'\x20'), (0xEA, b'\x00\x00'), (0xC0, b'\x26'), (0xC1, b'\x11'),
    (0xC5, b'\x35\x3E'), (0xC7, b'\xBE'), (0x36, b'\x48'), (0x3A, b'\x55'), (0xB1, b'\x00\x1B'), (0xF2, b'\x08'),
    (0x26, b'\x01'), (0xE0, b'\x1F\x1A\x18\x0A\x0F\x06\x45\x87\x32\x0A\x07\x02\x07\x05\x00'),
    (0xE1, b'\x00\x25\x27\x05\x10\x09\x3A\x78\x4D\x05\x18\x0D\x38\x3A\x1F'), (0x2A, b'\x00\x00\x00\xEF'),
    (0x2B, b'\x00\x00\x01\x3F'), (0x2C, b'\x00'), (0xB7, b'\x07'), (0xB6, b'\x0A\x82\x27\x00'),
)


def check_color_format(g):
    """Raises RuntimeError unless GUI module `g` renders what the panel takes as is: RGB565, bytes in wire order."""
    display.check_color_format(g, 'ili9341')


class ili9341(Display):
    """The ILI9341 (display.Display documents the options). The glass shows GRAM columns right to left, as modules
    are wired, so MADCTL MX gives an upright portrait image; its colour filter is BGR."""
    NAME = 'ili9341'
    MODULES = {(240, 320): (((0, 0),) * 4, COLOR_MODE_BGR, False)}
    ROTATIONS = {0: MX, 90: MV, 180: MY, 270: MX | MY | MV}
    INIT = _INIT
