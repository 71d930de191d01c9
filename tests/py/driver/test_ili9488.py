# test_ili9488.py: the ILI9488 driver (18-bit pixels over SPI): the glass shows the canvas in every rotation, hybrid
# and pure, with no violation and no DMA race; both flushes widen RGB565 to RGB666 exactly (every one of the 65536
# RGB565 values, checked in the panel's memory); 3 bytes a pixel go over the bus.
import espidf as esp
import espsim
import gui
import drvrig
import panelrig
from ili9488 import ili9488


def widen5(v):
    return (v << 1) | (v >> 4)


panelrig.check(ili9488, espsim.MODULE.ILI9488_320X480)

# A canvas holding every RGB565 value once (pixel i is i, for the first 65536 pixels); the panel's memory must hold
# each field widened to 6 bits (a 5-bit field gets its MSB as sixth bit). MADCTL MX: canvas column c is GRAM column
# 319 - c.
canvas = bytearray(2 * 320 * 480)
for i in range(65536):
    canvas[2 * i] = i & 0xFF
    canvas[2 * i + 1] = i >> 8
rows = (65536 + 319) // 320
for hybrid in panelrig.modes():
    panel = panelrig.fresh(espsim.MODULE.ILI9488_320X480)
    d = ili9488(hybrid=hybrid)
    drvrig.show(d, canvas)
    espsim.spi_reset_stats()
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    st = espsim.spi_stats_t()
    espsim.spi_get_stats(esp.HSPI_HOST, st)
    gram = bytearray(3 * 320 * rows)
    assert espsim.panel_read_gram_rgb666(panel, 0, 0, 320, rows, gram) == esp.ESP_OK
    wrong = 0
    for i in range(65536):
        g = 3 * ((i // 320) * 320 + 319 - i % 320)
        if (gram[g] != widen5(i >> 11) or gram[g + 1] != (i >> 5) & 63 or gram[g + 2] != widen5(i & 31)):
            wrong += 1
    # 3 bytes for each of the 153600 pixels, and 18 command bytes: CASET, PASET, RAMWR, then RAMWRC x7.
    print('hybrid' if hybrid else 'pure', 'rgb666 values wrong', wrong, 'of 65536; bytes on the bus', st.bytes,
          'view equals', panelrig.view_equals(panel, d, canvas),
          'bad parameters', espsim.panel_violations(panel, espsim.VIOLATION.BAD_PARAM))
    d.deinit()
