# test_pyflush.py: the pure-mode flush (Python window commands + one DMA transaction, RAMWRC for a strip that
# continues the previous one) called directly, so it is checked even where the GUI cannot call Python yet.
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
        d._collect()  # the strip is done before the buffer is refilled
        y += n
    st = espsim.spi_stats_t()
    espsim.spi_get_stats(esp.HSPI_HOST, st)
    print(rotation, 'equals', drvrig.panel_equals(panel, d, src), 'strips', d.height // rows,
          'transactions', st.transactions, 'polling', st.polling_transactions,
          'violations', espsim.ili9341_violation_total(panel), 'races', espsim.dma_race_count())
    d.deinit()
