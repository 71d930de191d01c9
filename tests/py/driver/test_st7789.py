# test_st7789.py: the ST7789 driver on its three modules (240x320, and the 240x240 and 135x240 glasses at their GRAM
# offsets): the glass shows the canvas in every rotation, hybrid and pure, with no violation and no DMA race.
import espsim
import panelrig
from st7789 import st7789

panelrig.check(st7789, espsim.MODULE.ST7789_240X320)
panelrig.check(st7789, espsim.MODULE.ST7789_240X240, (240, 240))
panelrig.check(st7789, espsim.MODULE.ST7789_135X240, (135, 240))
