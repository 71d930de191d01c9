# test_pyflush.py: the pure-mode flush (Python window commands + one DMA transaction, RAMWRC for a strip that
# continues the previous one) called directly; then both flushes skipping a window the panel already has.
import espidf as esp
import espsim
import gui
import drvrig
from ili9341 import ili9341

for rotation in (0, 90):
    panel = drvrig.fresh()
    d = ili9341(hybrid=True, rotation=rotation)
    src = drvrig.pattern(d.width, d.height, 5)
    rows = d.buf_size // (2 * d.width)
    view = d.buf1.__dereference__(d.buf_size)
    espsim.spi_reset_stats()
    y = 0
    while y < d.height:
        n = min(rows, d.height - y)
        # Wire order: big-endian RGB565 (the canvas holds native little-endian values).
        for i in range(n * d.width):
            j = 2 * (y * d.width + i)
            view[2 * i] = src[j + 1]
            view[2 * i + 1] = src[j]
        d.flush(d.disp_drv, gui.area_t({'x1': 0, 'y1': y, 'x2': d.width - 1, 'y2': y + n - 1}), d.buf1)
        d.wait(None)  # the strip is done before the buffer is refilled
        y += n
    st = espsim.spi_stats_t()
    espsim.spi_get_stats(esp.HSPI_HOST, st)
    print(rotation, 'equals', drvrig.panel_equals(panel, d, src), 'strips', d.height // rows,
          'transactions', st.transactions, 'polling', st.polling_transactions,
          'violations', espsim.ili9341_violation_total(panel), 'races', espsim.dma_race_count())
    d.deinit()

# Commands the panel already has are not sent again, by either flush: a full-screen frame in the window of the
# previous one is RAMWR + RAMWRC x3; after any other command (send_cmd) the whole window goes out again.
panel = drvrig.fresh()
d = ili9341(hybrid=True)
src = drvrig.pattern(d.width, d.height, 7)
drvrig.show(d, src)
rows = d.buf_size // (2 * d.width)
areas = [gui.area_t({'x1': 0, 'y1': y, 'x2': d.width - 1, 'y2': y + rows - 1}) for y in range(0, d.height, rows)]


def python_frame():
    for a in areas:
        d.flush(d.disp_drv, a, d.buf1)
        d.wait(None)


def c_frame():
    gui.disp_invalidate(d.disp_drv, None)
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)


for name, frame in (('python', python_frame), ('c', c_frame)):
    polling = []
    for resend in (False, False, True):
        if resend:
            d.send_cmd(0x29)  # DISPON: already on, changes nothing but is a command
        espsim.spi_reset_stats()
        frame()
        st = espsim.spi_stats_t()
        espsim.spi_get_stats(esp.HSPI_HOST, st)
        polling.append(st.polling_transactions)
    print(name, 'polling transactions per frame', polling, 'violations', espsim.ili9341_violation_total(panel))
c_frame()
print('panel equals canvas', drvrig.panel_equals(panel, d, src))
d.deinit()
