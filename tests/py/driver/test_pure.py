# test_pure.py: pure mode (Python flush, completion from post_cb in interrupt context or scheduled) draws a known
# canvas exactly, in every rotation, with single and double buffering.
import espsim
import gui
import drvrig
import ili9341

if not ili9341.python_callbacks_supported():
    print('SKIP')  # needs Python callables in C callback slots (generator trampolines)
    raise SystemExit

for rotation, isr, double in ((0, True, True), (90, False, True), (180, True, False), (270, False, False)):
    panel = drvrig.fresh()
    d = ili9341.ili9341(hybrid=False, rotation=rotation, isr=isr, double=double)
    src = drvrig.pattern(d.width, d.height, rotation)
    drvrig.show(d, src)
    res = gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    full = drvrig.panel_equals(panel, d, src)
    for y in range(100, 130):
        for x in range(5, 60):
            src[2 * (y * d.width + x) + 1] ^= 0x33
    gui.disp_invalidate(d.disp_drv, gui.area_t({'x1': 5, 'y1': 100, 'x2': 59, 'y2': 129}))
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    part = drvrig.panel_equals(panel, d, src)
    print(rotation, 'isr' if isr else 'scheduled', 'double' if double else 'single', gui.res_str(res),
          'full', full, 'partial', part, 'monitor frames', d.frames, 'pixels', d.pixels,
          'violations', espsim.ili9341_violation_total(panel), 'races', espsim.dma_race_count(),
          'timeouts', d.disp_drv.stats.timeouts)
    d.deinit()
