# test_pure.py: pure mode (Python flush, completion from post_cb in interrupt context or scheduled) draws a known
# canvas exactly, in every rotation, with both completions and single and double buffering; the completions come
# from where they should (counted by a flush_ready that records whether it runs in the simulated interrupt).
import espsim
import gui
import drvrig
import ili9341

if not ili9341.python_callbacks_supported():
    print('SKIP')  # needs Python callables in C callback slots (generator trampolines)
    raise SystemExit

ready_from = [0, 0]  # flush_ready calls [in the task, in the interrupt]: preallocated, the ISR only adds to it


def counting_ready(drv):
    ready_from[espsim.in_isr()] += 1
    gui.disp_flush_ready(drv)


cases = [(rotation, isr, True) for rotation in (0, 90, 180, 270) for isr in (True, False)]
cases += [(0, True, False), (90, False, False)]
for rotation, isr, double in cases:
    panel = drvrig.fresh()
    d = ili9341.ili9341(hybrid=False, rotation=rotation, isr=isr, double=double)
    d.flush_ready = counting_ready
    ready_from[0] = ready_from[1] = 0
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
          'full', full, 'partial', part, 'ready in task/isr', ready_from, 'monitor frames', d.frames,
          'pixels', d.pixels, 'violations', espsim.ili9341_violation_total(panel), 'races', espsim.dma_race_count(),
          'timeouts', d.disp_drv.stats.timeouts)
    d.deinit()
