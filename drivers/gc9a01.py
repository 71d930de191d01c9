# gc9a01.py: the GC9A01 profile of the display driver core (display.py): the 240x240 round IPS module.
from display import Display, MX, MY, MV, COLOR_MODE_BGR

# The vendor's initialisation as every published driver sends it (TFT_eSPI's GC9A01_Init.h, lv_binding's gc9a01):
# inter register enable (FE, EF), undocumented registers, 16-bit pixels, voltages, gamma, frame rate, TE on.
_INIT = (
    (0xEF, b''), (0xEB, b'\x14'), (0xFE, b''), (0xEF, b''), (0xEB, b'\x14'),
    (0x84, b'\x40'), (0x85, b'\xFF'), (0x86, b'\xFF'), (0x87, b'\xFF'), (0x88, b'\x0A'), (0x89, b'\x21'),
    (0x8A, b'\x00'), (0x8B, b'\x80'), (0x8C, b'\x01'), (0x8D, b'\x01'), (0x8E, b'\xFF'), (0x8F, b'\xFF'),
    (0xB6, b'\x00\x00'),
    (0x3A, b'\x05'),                   # COLMOD: 16 bit
    (0x90, b'\x08\x08\x08\x08'), (0xBD, b'\x06'), (0xBC, b'\x00'), (0xFF, b'\x60\x01\x04'),
    (0xC3, b'\x13'), (0xC4, b'\x13'), (0xC9, b'\x22'), (0xBE, b'\x11'), (0xE1, b'\x10\x0E'),
    (0xDF, b'\x21\x0C\x02'),
    (0xF0, b'\x45\x09\x08\x08\x26\x2A'), (0xF1, b'\x43\x70\x72\x36\x37\x6F'),
    (0xF2, b'\x45\x09\x08\x08\x26\x2A'), (0xF3, b'\x43\x70\x72\x36\x37\x6F'),
    (0xED, b'\x1B\x0B'), (0xAE, b'\x77'), (0xCD, b'\x63'),
    (0x70, b'\x07\x07\x04\x0E\x0F\x09\x07\x08\x03'),
    (0xE8, b'\x34'),                   # frame rate
    (0x62, b'\x18\x0D\x71\xED\x70\x70\x18\x0F\x71\xEF\x70\x70'),
    (0x63, b'\x18\x11\x71\xF1\x70\x70\x18\x13\x71\xF3\x70\x70'),
    (0x64, b'\x28\x29\xF1\x01\xF1\x00\x07'),
    (0x66, b'\x3C\x00\xCD\x67\x45\x45\x10\x00\x00\x00'),
    (0x67, b'\x00\x3C\x00\x00\x00\x01\x54\x10\x32\x98'),
    (0x74, b'\x10\x85\x80\x00\x00\x4E\x00'),
    (0x98, b'\x3E\x07'),
    (0x35, b'\x00'),                   # TEON
)


class gc9a01(Display):
    """The GC9A01 (display.Display documents the options): a 240x240 GRAM behind a round IPS glass (INVON), rotated
    as TFT_eSPI's GC9A01_Rotation.h does. The corners of the square image are not on the glass."""
    NAME = 'gc9a01'
    MODULES = {(240, 240): (((0, 0),) * 4, COLOR_MODE_BGR, True)}
    SIZE = (240, 240)
    ROTATIONS = {0: 0, 90: MX | MV, 180: MX | MY, 270: MY | MV}
    INIT = _INIT
