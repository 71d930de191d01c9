# test_errors.py: the driver's clear errors, in both modes: wrong GUI pixel format, DMA buffers that cannot be had,
# SPI set-up failures, bad rotation, a pure flush whose SPI call fails; after each failure the bus is free again (a
# working driver can follow).
import espidf as esp
import espsim
import gui
import drvrig
import display
import ili9341


def attempt(what, **kw):
    try:
        d = ili9341.ili9341(**kw)
    except Exception as e:
        print(what, type(e).__name__, e)
        return
    print(what, 'no error')
    d.deinit()


class FakeGui:
    # A GUI built with another pixel format: what check_color_format sees in place of the gui module.
    class color_t:
        SIZE = 4

        class _ch:
            red = green = blue = 0
        ch = _ch()

        def __init__(self):
            pass
    COLOR_DEPTH = 32
    COLOR_16_SWAP = 0


ili9341.check_color_format(gui)
print('gui format ok')
try:
    ili9341.check_color_format(FakeGui)
except RuntimeError as e:
    print('32-bit', e)
FakeGui.COLOR_DEPTH = 16
FakeGui.color_t.SIZE = 2
FakeGui.COLOR_16_SWAP = 0
try:
    ili9341.check_color_format(FakeGui)
except RuntimeError as e:
    print('no swap', e)

for hybrid in (True, False):
    print('hybrid' if hybrid else 'pure')
    drvrig.fresh()
    display.gui = FakeGui  # the driver core checks the GUI it registers with
    attempt('format', hybrid=hybrid)
    display.gui = gui
    attempt('rotation', rotation=45, hybrid=hybrid)
    attempt('factor', factor=0, hybrid=hybrid)
    attempt('spi host', spihost=esp.spi_host_device_t.SPI1_HOST, hybrid=hybrid)
    attempt('clock', mhz=0, hybrid=hybrid)
    attempt('cs pin', cs=24, hybrid=hybrid)
    attempt('dc pin', dc=36, hybrid=hybrid)

    # A DMA pool too small for two buffers of 240*320*2/4 bytes, then for one.
    espsim.reset()
    esp.esp_log_level_set('*', esp.ESP_LOG.NONE)
    print('shrink', esp.esp_err_to_name(espsim.set_heap_sizes(60000, 0)))
    espsim.set_time_mode(espsim.TIME.VIRTUAL)
    attempt('double', double=True, hybrid=hybrid)
    print('free after failure', esp.heap_caps_get_free_size(esp.CAP.DMA) > 38400)
    attempt('single', double=False, hybrid=hybrid)

    # After all of that, a driver works (nothing was left initialised).
    panel = drvrig.fresh()
    d = ili9341.ili9341(hybrid=hybrid)
    print('works', d.width, d.height, espsim.ili9341_violation_total(panel))
    d.deinit()

# The pure flush reports a failing SPI call (here: the device was removed under it) as an exception out of the
# refresh, not a crash, and signals flush-ready first so the engine is not left waiting for that strip.
panel = drvrig.fresh()
d = ili9341.ili9341(hybrid=False)
drvrig.show(d, drvrig.pattern(d.width, d.height, 2))
esp.spi_bus_remove_device(d.spi)
d.spi = None
try:
    gui.refresh(d.disp_drv)
    print('refresh: no error')
except RuntimeError as e:
    print('refresh', e)
d.deinit()
panel = drvrig.fresh()
d = ili9341.ili9341(hybrid=False)
print('works again', espsim.ili9341_violation_total(panel))
d.deinit()
