# test_demo_touch.py: the demo's touch part, in virtual time, on two controllers (one widening to RGB666, one
# without RAMWRC): calibration from four scripted touches, then the drag takes the slider to 100 while the panel
# refreshes over the bus the touch controller shares, with no violation, no DMA race, and the snapshot written.
import sys
sys.path.append((sys.path[0] or '.') + '/../../../examples')  # the demo's modules live with it
import espsim
from demo_touch import run_one

for name, module in (('ili9488', espsim.MODULE.ILI9488_320X480), ('st7735', espsim.MODULE.ST7735_128X160)):
    r = run_one(name, module, None, '/tmp', 40, virtual=True)
    print(name, 'slider', r[7], 'violations', r[8], 'races', r[9], 'snapshot', r[10] is not None,
          'frames > 20', r[3] > 20, 'touch reads > 40', r[6] > 40)
