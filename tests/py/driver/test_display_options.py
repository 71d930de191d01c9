# test_display_options.py: the options users of lv_binding's drivers ask for, on the driver core (an ST7789 240x240
# module here): supply pin and its on level, active-low backlight, power_down(), a bus initialised elsewhere
# (miso=mosi=clk=-1), SPI mode, full duplex, initialize=False, and a deinit() that leaves nothing behind, so that a
# soft reset followed by a new driver works.
import gc
import espidf as esp
import espsim
import gui
import spi_bus
import drvrig
import panelrig
from st7789 import st7789

MODULE = espsim.MODULE.ST7789_240X240
POWER = 14
state = espsim.panel_state_t()


def show_state(what, panel, d=None, src=None):
    espsim.panel_get_state(panel, state)
    line = '%s powered %d awake %d on %d backlight %d violations %d' % (
        what, state.powered, state.awake, state.display_on, state.backlight_on, state.violations)
    print(line if src is None else line + ' view equals %s' % panelrig.view_equals(panel, d, src))


def drawn(d, salt):
    src = drvrig.pattern(d.width, d.height, salt)
    drvrig.show(d, src)
    gui.disp_invalidate(d.disp_drv, None)
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    return src


# Supply switched by an active-low pin, backlight lit by a low level: the levels the driver is told.
panel = panelrig.fresh(MODULE, power=POWER, power_active_low=1, backlight_active_low=1)
d = st7789(width=240, height=240, power=POWER, power_on=0, backlight_on=0)
src = drawn(d, 1)
show_state('active-low supply and backlight:', panel, d, src)
d.power_down()
black = bytearray(len(src))
espsim.panel_read_view_rgb565(panel, 0, black)
show_state('power_down:', panel)
print('  glass black', black == bytearray(len(src)), 'power pin', esp.gpio_get_level(POWER), 'backlight pin',
      esp.gpio_get_level(drvrig.BL))
d.init_panel()
show_state('init_panel again:', panel, d, src)  # the memory was lost with the supply
src = drawn(d, 2)
show_state('redrawn:', panel, d, src)
d.deinit()

# The same module told the wrong supply level: it never powers up, and the bytes it misses are counted.
panel = panelrig.fresh(MODULE, power=POWER, power_active_low=1)
d = st7789(width=240, height=240, power=POWER, power_on=1)
print('wrong power_on: powered', espsim.panel_get_state(panel, state) or state.powered, 'bytes during reset or off',
      espsim.panel_violations(panel, espsim.VIOLATION.DURING_RESET) > 0)
d.deinit()

# SPI modes: 3 works (the controller samples on the rising edge), 1 does not; full duplex at 40 MHz (NO_DUMMY).
for kw in ({'spimode': 3}, {'spimode': 1}, {'half_duplex': False}):
    panel = panelrig.fresh(MODULE)
    d = st7789(width=240, height=240, **kw)
    src = drawn(d, 3)
    print(sorted(kw.items()), 'view equals', panelrig.view_equals(panel, d, src), 'spi mode violations',
          espsim.panel_violations(panel, espsim.VIOLATION.SPI_MODE))
    d.deinit()

# A bus initialised by other code (here the test itself): miso=mosi=clk=-1 uses it and leaves it initialised;
# giving pins instead is a clear error.
panel = panelrig.fresh(MODULE)
cfg = esp.spi_bus_config_t({'miso_io_num': 5, 'mosi_io_num': 18, 'sclk_io_num': 19, 'quadwp_io_num': -1,
                            'quadhd_io_num': -1, 'max_transfer_sz': 240 * 240 * 2})
print('bus initialised elsewhere', esp.esp_err_to_name(esp.spi_bus_initialize(esp.HSPI_HOST, cfg, 1)))
try:
    st7789(width=240, height=240)
except RuntimeError as e:
    print('with pins:', e)
d = st7789(width=240, height=240, miso=-1, mosi=-1, clk=-1)
src = drawn(d, 4)
print('miso=mosi=clk=-1: view equals', panelrig.view_equals(panel, d, src), 'users here', spi_bus.users(esp.HSPI_HOST))
d.deinit()
print('the bus is still up after deinit: spi_bus_free', esp.esp_err_to_name(esp.spi_bus_free(esp.HSPI_HOST)))

# initialize=False: a second driver takes over a panel the first one set up, without a command of its own.
panel = panelrig.fresh(MODULE)
d = st7789(width=240, height=240)
src = drawn(d, 5)
d.deinit()
espsim.panel_get_state(panel, state)
before = state.commands
d = st7789(width=240, height=240, initialize=False)
espsim.panel_get_state(panel, state)
print('initialize=False: commands sent', state.commands - before, 'image kept', panelrig.view_equals(panel, d, src))
src = drawn(d, 6)
show_state('  and it draws:', panel, d, src)
d.deinit()

# deinit() leaves nothing behind: DMA memory back, bus freed (a new driver initialises it again), twice is harmless.
# A soft reset loses every Python object: gc.collect() between, and nothing of the old driver may be needed.
panel = panelrig.fresh(MODULE)
free = esp.heap_caps_get_free_size(esp.CAP.DMA)
for i in range(3):
    d = st7789(width=240, height=240, hybrid=i % 2 == 0)
    src = drawn(d, 10 + i)
    ok = panelrig.view_equals(panel, d, src)
    d.deinit()
    d.deinit()
    d = None
    gc.collect()
    print('driver', i, 'view equals', ok, 'DMA memory back', esp.heap_caps_get_free_size(esp.CAP.DMA) == free,
          'bus users', spi_bus.users(esp.HSPI_HOST))
# Without deinit(), a soft reset leaves the bus initialised: the next driver says so instead of failing obscurely.
d = st7789(width=240, height=240)
d = None
spi_bus.forget_all()  # what a soft reset does to the Python side
gc.collect()
try:
    st7789(width=240, height=240)
except RuntimeError as e:
    print('after a soft reset without deinit:', e)
