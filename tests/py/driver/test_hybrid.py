# test_hybrid.py: hybrid mode (C flush and DMA completion) draws a known canvas exactly, in every rotation.
import espidf as esp
import espsim
import gui
import drvrig
from ili9341 import ili9341

for rotation in (0, 90, 180, 270):
    panel = drvrig.fresh()
    d = ili9341(hybrid=True, rotation=rotation)
    src = drvrig.pattern(d.width, d.height, rotation)
    drvrig.show(d, src)
    res = gui.refresh(d.disp_drv)          # the whole screen: registration invalidated it
    gui.disp_flush_wait(d.disp_drv)
    full = drvrig.panel_equals(panel, d, src)
    # A partial update: one rectangle changes in the canvas, only it is invalidated and sent.
    for y in range(40, 60):
        for x in range(30, 90):
            src[2 * (y * d.width + x)] ^= 0x5A
    gui.disp_invalidate(d.disp_drv, gui.area_t({'x1': 30, 'y1': 40, 'x2': 89, 'y2': 59}))
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    part = drvrig.panel_equals(panel, d, src)
    st = d.disp_drv.stats
    print(rotation, d.width, d.height, gui.res_str(res), 'full', full, 'partial', part,
          'strips', st.strips, 'pixels', st.pixels, 'violations', espsim.ili9341_violation_total(panel),
          'races', espsim.dma_race_count())
    d.deinit()
