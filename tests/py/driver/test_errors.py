# test_errors.py: the driver's clear errors: wrong GUI pixel format, DMA buffers that cannot be had, SPI set-up
# failures, bad rotation; after each failure the bus is free again (a working driver can follow).
import espidf as esp
import espsim
import gui
import drvrig
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

drvrig.fresh()
attempt('rotation', rotation=45)
attempt('factor', factor=0)
attempt('spi host', spihost=esp.spi_host_device_t.SPI1_HOST)
attempt('clock', mhz=0)
attempt('cs pin', cs=24)
attempt('dc pin', dc=36)

# A DMA pool too small for two buffers of 240*320*2/4 bytes, then for one.
espsim.reset()
esp.esp_log_level_set('*', esp.ESP_LOG.NONE)
print('shrink', esp.esp_err_to_name(espsim.set_heap_sizes(60000, 0)))
espsim.set_time_mode(espsim.TIME.VIRTUAL)
attempt('double', double=True)
print('free after failure', esp.heap_caps_get_free_size(esp.CAP.DMA) > 38400)
attempt('single', double=False)

# After all of that, a driver works (nothing was left initialised).
panel = drvrig.fresh()
d = ili9341.ili9341()
print('works', d.width, d.height, espsim.ili9341_violation_total(panel))
d.deinit()
