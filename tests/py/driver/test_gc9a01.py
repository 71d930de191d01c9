# test_gc9a01.py: the GC9A01 driver on the round 240x240 module: the glass shows the canvas in every rotation,
# hybrid and pure, with no violation and no DMA race; its vendor initialisation decodes without a violation.
import espsim
import panelrig
from gc9a01 import gc9a01

panelrig.check(gc9a01, espsim.MODULE.GC9A01_240X240)
