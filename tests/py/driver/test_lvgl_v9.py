# test_lvgl_v9.py: the LVGL v9 adapter (drivers/lvgl_v9.py) drives the pure-mode driver: an LVGL stand-in renders
# native RGB565 strips into the driver's buffers, the adapter swaps them and flushes; the panel shows the canvas.
# Completion from the interrupt (isr=True) or scheduled (isr=False); an ILI9488, whose flush widens LVGL's strips.
import espidf as esp
import espsim
import drvrig
import panelrig
import ili9341
from ili9488 import ili9488
import lvgl as lv
from lvgl_v9 import lvgl_v9_display

if not ili9341.isr_callbacks_supported():
    print('SKIP')  # the pure driver's completion handler is a Python post_cb (generator trampolines)
    raise SystemExit

def draw(d, disp, src):
    """What LVGL does with a full-screen refresh: native RGB565 strips into the display's buffers, flush_cb each."""
    rows = disp.size // (2 * d.width)
    y = 0
    k = 0
    while y < d.height:
        n = min(rows, d.height - y)
        buf = disp.bufs[k % 2]
        while disp.flushing:  # LVGL waits for flush_ready before reusing a buffer
            d.wait(disp)
        view = buf.__dereference__(2 * n * d.width)
        view[:] = src[2 * y * d.width:2 * (y + n) * d.width]  # LVGL renders native-endian RGB565
        disp.flushing = True
        disp.last = y + n == d.height
        disp.flush_cb(disp, lv.area_t(0, y, d.width - 1, y + n - 1), buf)
        y += n
        k += 1
    while disp.flushing:
        d.wait(disp)


for isr in (True, False):
    panel = drvrig.fresh()
    d = ili9341.ili9341(hybrid=False, register=False, isr=isr)
    disp = lvgl_v9_display(d)
    print('buffers', disp.size == d.buf_size, disp.fmt == lv.COLOR_FORMAT.RGB565)
    src = drvrig.pattern(d.width, d.height, 9)
    draw(d, disp, src)
    print('isr' if isr else 'scheduled', 'flush_ready in interrupt', disp.ready_in_isr,
          'equals', drvrig.panel_equals(panel, d, src), 'violations', espsim.ili9341_violation_total(panel),
          'races', espsim.dma_race_count())
    d.deinit()

# An 18-bit controller: LVGL fills 2/3 of each buffer with RGB565, the flush widens it in place (LVGL hands a Blob).
panel = panelrig.fresh(espsim.MODULE.ILI9488_320X480)
d = ili9488(hybrid=False, register=False)
disp = lvgl_v9_display(d)
print('ili9488 buffers', disp.size == d.buf_size * 2 // 3)
src = drvrig.pattern(d.width, d.height, 9)
draw(d, disp, src)
st = espsim.panel_state_t()
espsim.panel_get_state(panel, st)
print('ili9488 equals', panelrig.view_equals(panel, d, src), 'violations', st.violations, 'races',
      espsim.dma_race_count())
d.deinit()
