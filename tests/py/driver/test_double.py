# test_double.py: double buffering, in both modes: the engine renders into one buffer while the other is on the bus,
# and never into the one on the bus (the simulation checksums DMA buffers: its race counter stays 0, and does count
# a write).
import espidf as esp
import espsim
import gui
import drvrig
from ili9341 import ili9341

for hybrid in (True, False):
    print('hybrid' if hybrid else 'pure')
    panel = drvrig.fresh()
    d = ili9341(hybrid=hybrid, double=True)
    buf = d.disp_drv.buffer
    src = drvrig.pattern(d.width, d.height, 1)
    drvrig.show(d, src)
    gui.refresh(d.disp_drv)

    # Small refreshes back to back: each returns with its strip still on the bus, and the next one is rendered into
    # the other buffer meanwhile.
    on_bus_after_refresh = 0
    alternated = 0
    prev = esp.Blob(buf.buf_act)
    for i in range(12):
        src[2 * (i * d.width + i)] ^= 0xFF
        gui.disp_invalidate(d.disp_drv, gui.area_t({'x1': 0, 'y1': i, 'x2': d.width - 1, 'y2': i}))
        gui.refresh(d.disp_drv)
        on_bus_after_refresh += buf.flushing
        act = esp.Blob(buf.buf_act)
        alternated += act != prev
        prev = act
    gui.disp_flush_wait(d.disp_drv)
    print('strip on the bus when refresh returned', on_bus_after_refresh, 'of 12')
    print('render buffer alternated', alternated, 'of 12')
    print('panel equals canvas', drvrig.panel_equals(panel, d, src))
    print('dma races', espsim.dma_race_count(), 'violations', espsim.ili9341_violation_total(panel))

    # Control: writing into the buffer that is on the bus is what the race counter sees.
    gui.disp_invalidate(d.disp_drv, None)
    gui.refresh(d.disp_drv)
    busy = d.buf1 if esp.Blob(buf.buf_act) == d.buf2 else d.buf2
    busy.__dereference__(4)[0] ^= 0xFF
    gui.disp_flush_wait(d.disp_drv)
    print('race counted when the bus buffer is written', espsim.dma_race_count())
    d.deinit()

    # Single buffering: one buffer, every strip waits for the previous one.
    panel = drvrig.fresh()
    d = ili9341(hybrid=hybrid, double=False)
    drvrig.show(d, src)
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    print('single: buf2', d.disp_drv.buffer.buf2, 'equals', drvrig.panel_equals(panel, d, src),
          'races', espsim.dma_race_count())
    d.deinit()
