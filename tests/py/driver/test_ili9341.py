# test_ili9341.py: the ILI9341 profile on the generic panel model (the module as a viewer sees it): the glass shows
# the canvas in every rotation, hybrid and pure, with no violation and no DMA race.
import espsim
import panelrig
from ili9341 import ili9341

panelrig.check(ili9341, espsim.MODULE.ILI9341_240X320)
