# test_st7735.py: the ST7735 driver on its 128x160 and 80x160 modules (GRAM offsets, no memory write continue): the
# glass shows the canvas in every rotation, hybrid and pure, with no violation and no DMA race; a refresh of strips
# re-sends the row window instead of a RAMWRC the controller does not have.
import espidf as esp
import espsim
import gui
import drvrig
import panelrig
from st7735 import st7735

panelrig.check(st7735, espsim.MODULE.ST7735_128X160)
panelrig.check(st7735, espsim.MODULE.ST7735_80X160, (80, 160))

# A full-screen refresh of 4 strips: the window once, then per strip PASET and RAMWR (no RAMWRC), in both modes.
for hybrid in panelrig.modes():
    panel = panelrig.fresh(espsim.MODULE.ST7735_128X160)
    d = st7735(hybrid=hybrid)
    drvrig.show(d, drvrig.pattern(d.width, d.height, 1))
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    espsim.spi_reset_stats()
    gui.disp_invalidate(d.disp_drv, None)
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    st = espsim.spi_stats_t()
    espsim.spi_get_stats(esp.HSPI_HOST, st)
    print('hybrid' if hybrid else 'pure', 'strips 4 dma', st.transactions - st.polling_transactions, 'polling',
          st.polling_transactions, 'violations', espsim.panel_violations(panel, espsim.VIOLATION.UNKNOWN_COMMAND))
    d.deinit()
