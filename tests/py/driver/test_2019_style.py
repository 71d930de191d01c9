# test_2019_style.py: a driver written the 2019 way (ili9341_2019.py: results never collected, -1 timeouts,
# color_p.__dereference__, a Python completion handler in interrupt context, or the C flush) draws a canvas exactly
# on the simulated panel, with no protocol violation, in pure mode (completion in interrupt context, or scheduled)
# and hybrid mode, in real and in virtual time.
import sys
import espidf as esp
import espsim
import gui
import drvrig


def run(hybrid, virtual, soft=False):
    panel = drvrig.fresh(virtual)
    # The driver keeps DMA buffers in class attributes made at import, as in 2019: a fresh simulation (whose heap
    # was reset) needs a fresh import.
    sys.modules.pop('ili9341_2019', None)
    import ili9341_2019
    d = ili9341_2019.ili9341(hybrid=hybrid, soft=soft)
    # Rig, not driver: in virtual time transfers finish only when a simulation call lets time pass, and the 2019
    # driver waits for flush-ready without calling one (on the chip the interrupt simply comes); a scheduled
    # completion needs bytecode to run while the GUI waits (the VM runs scheduled callbacks at jumps, the `if`).
    if virtual or soft:
        def wait(drv):
            if virtual:
                espsim.run_until_idle()
        d.disp_drv.wait_cb = wait
    src = drvrig.pattern(d.width, d.height, 7 if hybrid else 11)
    drvrig.show(d, src)
    res, full, part = drvrig.draw_twice(d, panel, src, 10, 100, 199, 129)

    # In real time the engine thread hands the last result back just after its post_cb signalled flush-ready.
    espsim.run_until_idle()
    stats = espsim.spi_stats_t()
    espsim.spi_get_stats(esp.HSPI_HOST, stats)
    state = espsim.ili9341_state_t()
    espsim.ili9341_get_state(panel, state)
    st = d.disp_drv.stats
    print('hybrid' if hybrid else 'pure soft' if soft else 'pure', 'virtual' if virtual else 'real',
          gui.res_str(res), 'full', full,
          'partial', part, 'strips', st.strips, 'timeouts', st.timeouts, 'frames', d.monitor_count)
    print('  violations', state.violations, repr(espsim.ili9341_last_violation(panel)),
          'ignored data', espsim.ili9341_warnings(panel, espsim.ILI9341.WARN_IGNORED_DATA))
    if virtual:
        # In real time the init commands take host time, so SLPOUT may come after 120 ms.
        print('  early sleep out', espsim.ili9341_warnings(panel, espsim.ILI9341.WARN_EARLY_SLPOUT))
    # Pure mode never collects a result: of its queued pixel strips 2 are kept (queue_size), the rest dropped,
    # nothing leaked (the buffers are DMA memory). The C flush collects each before its next polling transmits.
    queued = stats.transactions - stats.polling_transactions
    print('  queued', queued, 'dropped', stats.dropped_results, 'leaked', stats.leaked_bytes,
          'races', stats.dma_races)
    if not hybrid:
        print('  completions', d.completions, 'bytes', d.bytes_transmitted,
              'cycles measured', d.flush_acc_dma_cycles > 0 and d.flush_acc_setup_cycles > 0)
    print('  user_data', sorted(d.disp_drv.user_data), type(d.disp_drv.user_data['spi']).__name__)


for hybrid, soft in ((False, False), (False, True), (True, False)):
    for virtual in (True, False):
        run(hybrid, virtual, soft)
