# display.py: the driver core for SPI display controllers (ILI9341, ST7789, ILI9488, GC9A01, ST7735): SPI and panel
# set-up through the generated espidf module, pure (Python) or hybrid (C) flush, GUI registration. A controller is a
# profile: a subclass that sets the class attributes below (ili9341.py, st7789.py, ...).
from micropython import const
import espidf as esp
import spi_bus
try:
    import gui  # the host's refresh engine; absent on an ESP32 running real LVGL (see lvgl_v9.py)
except ImportError:
    gui = None
try:
    from display_pure import pure_path, rgb565_to_rgb666  # compiled by the native emitter
except SyntaxError:
    pure_path = rgb565_to_rgb666 = None  # a MicroPython without @micropython.native: hybrid mode only

# Panel commands (MIPI DCS: the same codes on every controller here).
_SWRESET = const(0x01)
_SLPIN = const(0x10)
_SLPOUT = const(0x11)
_INVON = const(0x21)
_DISPOFF = const(0x28)
_DISPON = const(0x29)
_RAMWR = const(0x2C)
_MADCTL = const(0x36)
_RAMWRC = const(0x3C)

# MADCTL bits.
MY = const(0x80)
MX = const(0x40)
MV = const(0x20)

# Colour order of the panel's filter (MADCTL BGR bit).
COLOR_MODE_RGB = const(0x00)
COLOR_MODE_BGR = const(0x08)

_CMD_BUF_LEN = const(16)  # longest init parameter list
_SLEEP_TICKS = const(12)  # 120 ms: reset or SLPIN to SLPOUT, SLPOUT to SLPIN


def check_color_format(g, name='display'):
    """Raises RuntimeError unless GUI module `g` renders what the panel takes: RGB565, bytes in wire order (a
    controller that takes 18-bit pixels gets them widened in its flush)."""
    if g.COLOR_DEPTH != 16 or g.color_t.SIZE != 2:
        raise RuntimeError('%s needs 16-bit colour: build the GUI with GUI_COLOR_DEPTH=16 '
                           '(LVGL: LV_COLOR_DEPTH=16), got %d bits' % (name, g.COLOR_DEPTH))
    if not g.COLOR_16_SWAP or not hasattr(g.color_t().ch, 'green_l'):
        raise RuntimeError('%s needs RGB565 bytes in wire order: build the GUI with GUI_COLOR_16_SWAP=1 '
                           '(LVGL: LV_COLOR_16_SWAP=1)' % name)


def isr_callbacks_supported():
    """True when Python callables can be given to esp.spi_transaction_set_cb (the pure completion handler) and the
    pure path compiled (display_pure.py needs MicroPython's native emitter)."""
    if pure_path is None:
        return False
    try:
        esp.spi_transaction_release_cb(esp.spi_transaction_set_cb(None, check_color_format))
        return True
    except TypeError:
        return False


def python_callbacks_supported():
    """True when this mpbind build can store Python callables into C callback slots: the GUI's (flush_cb,
    monitor_cb, wait_cb) and the SPI completion handler. Pure mode under the gui engine needs both."""
    if gui is not None:
        try:
            gui.disp_drv_t().monitor_cb = check_color_format
        except TypeError:
            return False
    return isr_callbacks_supported()


_err = spi_bus.err_text


class Display:
    """A display controller on an ESP32 SPI bus, registered with the GUI engine as its display driver (disp_drv).

    hybrid=True: flush and DMA completion are the C functions esp.panel_flush / esp.panel_post_cb_isr;
    hybrid=False: they are this object's flush / wait and a completion handler, made by display_pure.pure_path,
    completing in interrupt context (isr=True) or through micropython.schedule (isr=False); flush_ready is what the
    handler calls (settable, e.g. by an LVGL adapter). double=True renders into one buffer while the other is on the
    bus. register=False leaves out the GUI registration (another GUI, e.g. LVGL v9 through lvgl_v9.py, calls flush).

    width, height: the module's glass in portrait (a size of the profile's MODULES); rotation 0, 90, 180, 270 turns
    the image clockwise on it. color_mode and invert default to what the module needs. power, power_on: a supply
    pin and its on level; backlight_on: the backlight pin's on level. miso=mosi=clk=-1: the bus is already
    initialised (by other code, or before a soft reset) and is used as it is. spimode: 0 or 3 (the controllers
    sample on the rising edge); half_duplex=False gives full duplex (with SPI_DEVICE_NO_DUMMY, as 40 MHz needs on
    GPIO-matrix pins). initialize=False leaves the panel as an earlier driver set it up (no reset, no commands).
    """

    # ---- the profile ---------------------------------------------------------------------------------------------
    NAME = 'display'
    # Glass size in portrait -> (GRAM offsets (x, y) for rotations 0, 90, 180, 270; colour mode; inversion).
    MODULES = {}
    SIZE = (240, 320)         # the module made when no width and height are given
    # MADCTL address bits per rotation.
    ROTATIONS = {0: 0, 90: MX | MV, 180: MX | MY, 270: MY | MV}
    INIT = ()                 # (command, parameters) after the reset, before MADCTL
    BYTES_PER_PIXEL = 2       # on the wire: 2 (RGB565) or 3 (RGB666, widened from the GUI's RGB565 in the flush)
    RAMWRC = True             # has memory write continue (3Ch)
    RESET_TICKS = 1           # 10 ms ticks after a reset before the first command
    FACTOR = 4                # default buffer size: the screen / FACTOR

    def __init__(self, miso=5, mosi=18, clk=19, cs=13, dc=12, rst=4, backlight=2, spihost=esp.HSPI_HOST, mhz=40,
                 factor=None, hybrid=True, rotation=0, color_mode=None, invert=None, double=True, isr=True,
                 register=True, width=None, height=None, power=-1, power_on=1, backlight_on=1, spimode=0,
                 half_duplex=True, initialize=True):
        name = self.NAME
        register = register and gui is not None
        if register:
            check_color_format(gui, name)
        size = (width, height) if width is not None or height is not None else self.SIZE
        if size not in self.MODULES:
            raise ValueError('%s: no %sx%s module, only %s' % (name, size[0], size[1], ', '.join(
                sorted('%dx%d' % s for s in self.MODULES))))
        if rotation not in self.ROTATIONS:
            raise ValueError('%s: rotation must be 0, 90, 180 or 270, got %r' % (name, rotation))
        if spimode not in (0, 1, 2, 3):
            raise ValueError('%s: spimode must be 0..3, got %r' % (name, spimode))
        if not hybrid and not (python_callbacks_supported() if register else isr_callbacks_supported()):
            raise RuntimeError('%s: pure mode (hybrid=False) needs Python callables in C callback slots and '
                               "MicroPython's native emitter (@micropython.native); use hybrid=True" % name)
        offsets, module_color, module_invert = self.MODULES[size]
        factor = self.FACTOR if factor is None else factor
        self.miso, self.mosi, self.clk, self.cs, self.dc, self.rst, self.backlight = \
            miso, mosi, clk, cs, dc, rst, backlight
        self.power, self.power_on, self.backlight_on = power, power_on, backlight_on
        self.spihost, self.mhz, self.factor, self.hybrid, self.isr = spihost, mhz, factor, hybrid, isr
        self.spimode, self.half_duplex = spimode, half_duplex
        self.madctl = self.ROTATIONS[rotation] | (module_color if color_mode is None else color_mode)
        self.invert = module_invert if invert is None else invert
        self.rotation = rotation
        self.start_x, self.start_y = offsets[rotation // 90]
        self.width, self.height = (size[1], size[0]) if self.madctl & MV else size
        self.spi = None
        self._bus_joined = False
        self.buf1 = self.buf2 = self.cmd_buf = None
        self.spi_callbacks = None
        self._sleep_out_tick = None
        # A plain function (an LVGL adapter replaces it): calling it from the ISR allocates nothing.
        self.flush_ready = gui.disp_flush_ready if gui else None
        self.frames = self.pixels = self.refresh_ms = 0

        if not 1 <= factor <= self.height:
            raise ValueError('%s: factor (screen / buffer size) must be 1..%d, got %r' % (name, self.height, factor))
        self.disp_drv = None
        self._alloc_buffers(double)
        try:
            self.disp_spi_init()
            if initialize:
                self.init_panel()
            if register:
                self._register()
        except BaseException:
            self.deinit()  # frees whatever was set up, so a corrected retry finds the bus free
            raise

    # ---- set-up ---------------------------------------------------------------------------------------------

    def _alloc_buffers(self, double):
        self.buf_size = self.width * self.height * self.BYTES_PER_PIXEL // self.factor
        n = 2 if double else 1
        # The pixel buffers, and a small one for commands and their parameters (polling transmits use DMA too).
        sizes = [self.buf_size] * n + [_CMD_BUF_LEN]
        bufs = []
        for size in sizes:
            b = esp.heap_caps_malloc(size, esp.CAP.DMA)
            if b is None:
                for done in bufs:
                    esp.heap_caps_free(done)
                raise MemoryError('%s: cannot allocate %d DMA buffer(s) of %d bytes (heap_caps_malloc(..., '
                                  'CAP.DMA) returned NULL, %d bytes free): use a larger factor or double=False'
                                  % (self.NAME, n, self.buf_size, esp.heap_caps_get_free_size(esp.CAP.DMA)))
            bufs.append(b)
        self.buf1 = bufs[0]
        self.buf2 = bufs[1] if double else None
        self.cmd_buf = bufs[-1]
        self.cmd_view = self.cmd_buf.__dereference__(_CMD_BUF_LEN)

    def disp_spi_init(self):
        name = self.NAME
        self._bus_joined = spi_bus.acquire(name, self.spihost, self.miso, self.mosi, self.clk, self.buf_size)
        # Half duplex: the panel is write-only, and full duplex is limited to 26.67 MHz on GPIO-matrix pins unless
        # the dummy phase is dropped (SPI_DEVICE_NO_DUMMY, which a write-only device does not need).
        devcfg = esp.spi_device_interface_config_t({
            'clock_speed_hz': self.mhz * 1000 * 1000, 'mode': self.spimode, 'spics_io_num': self.cs,
            'queue_size': 2, 'duty_cycle_pos': 128,
            'flags': esp.SPI_DEVICE.HALFDUPLEX if self.half_duplex else esp.SPI_DEVICE.NO_DUMMY})
        devcfg.pre_cb = None
        devcfg.post_cb = esp.panel_post_cb_isr if self.hybrid else esp.spi_post_cb_isr
        handle = esp.C_Pointer()
        ret = esp.spi_bus_add_device(self.spihost, devcfg, handle)
        if ret != esp.ESP_OK:
            raise RuntimeError('%s: %s' % (name, _err('spi_bus_add_device (%d MHz, CS %d)' % (self.mhz, self.cs), ret)))
        self.spi = handle.ptr_val

        # Preallocated for the flush path: the pixel transaction, its result pointer, the command transaction.
        self.trans = esp.spi_transaction_t()
        # Command transactions of 1 and 4 bytes from the small DMA buffer, ready to send: no field writes per use.
        self.cmd_trans = esp.spi_transaction_t()
        self.cmd_trans.tx_buffer = self.cmd_buf
        self.cmd1 = esp.spi_transaction_t({'length': 8, 'tx_buffer': self.cmd_buf})
        self.cmd4 = esp.spi_transaction_t({'length': 32, 'tx_buffer': self.cmd_buf})
        # The flush's own commands, with the byte in the transaction (no buffer write per strip).
        ramwr, ramwrc = (esp.spi_transaction_t({'flags': esp.SPI_TRANS_USE_TXDATA, 'length': 8, 'tx_data': [c]})
                         for c in (_RAMWR, _RAMWRC))
        self.result = esp.C_Pointer()
        # The pure path (also callable in hybrid mode, where the C completion handler ignores its transaction).
        if pure_path is not None:
            expand = rgb565_to_rgb666 if self.BYTES_PER_PIXEL == 3 else None
            self.flush, self.wait, handler, self._set_ready, self._forget = pure_path(
                self.spi, self.dc, self.height, self.start_x, self.start_y, 8 * self.BYTES_PER_PIXEL, expand,
                self.cmd_view, self.cmd1, self.cmd4, ramwr, ramwrc if self.RAMWRC else None, self.trans,
                self.result, self._ready_fn, self.NAME, _err, self.isr)
        if not self.hybrid:
            self.spi_callbacks = esp.spi_transaction_set_cb(None, handler)
            self.trans.user = self.spi_callbacks

        pins = 1 << self.dc
        for pin in (self.rst, self.backlight, self.power):
            if pin >= 0:
                pins |= 1 << pin
        ret = esp.gpio_config(esp.gpio_config_t({'pin_bit_mask': pins, 'mode': esp.GPIO_MODE.OUTPUT}))
        if ret != esp.ESP_OK:
            power = ', power %d' % self.power if self.power >= 0 else ''
            raise RuntimeError('%s: %s' % (name, _err('gpio_config (dc %d, rst %d, backlight %d%s)' % (
                self.dc, self.rst, self.backlight, power), ret)))

    def init_panel(self):
        """Power, reset and the profile's initialisation, then MADCTL, inversion, sleep out, display and backlight
        on, with the datasheets' delays (vTaskDelay ticks of 10 ms)."""
        if self.power >= 0:
            esp.gpio_set_level(self.power, self.power_on)
            esp.vTaskDelay(1)
        if self.rst >= 0:
            # RESX low >= 10 us, then the controller's wait before the first command.
            esp.gpio_set_level(self.rst, 0)
            esp.vTaskDelay(1)
            esp.gpio_set_level(self.rst, 1)
            esp.vTaskDelay(self.RESET_TICKS)
        else:
            self.send_cmd(_SWRESET)
            esp.vTaskDelay(self.RESET_TICKS)
        for cmd, data in self.INIT:
            self.send_cmd(cmd)
            self.send_data(data)
        self.send_cmd(_MADCTL)
        self.send_data(bytes([self.madctl]))
        if self.invert:
            self.send_cmd(_INVON)
        esp.vTaskDelay(_SLEEP_TICKS)  # 120 ms after the reset before SLPOUT
        self.send_cmd(_SLPOUT)
        self._sleep_out_tick = esp.xTaskGetTickCount()
        esp.vTaskDelay(_SLEEP_TICKS)  # 120 ms after SLPOUT
        self.send_cmd(_DISPON)
        if self.backlight >= 0:
            esp.gpio_set_level(self.backlight, self.backlight_on)

    def _register(self):
        self.disp_buf = gui.disp_buf_t()
        self.disp_drv = drv = gui.disp_drv_t()
        gui.disp_buf_init(self.disp_buf, self.buf1, self.buf2, self.buf_size // self.BYTES_PER_PIXEL)
        gui.disp_drv_init(drv)
        drv.hor_res = self.width
        drv.ver_res = self.height
        drv.buffer = self.disp_buf
        # First user_data (the C flush reads dc, spi and the panel's geometry from it), then the callbacks (stored
        # in the same dict).
        drv.user_data = {'dc': self.dc, 'spi': self.spi, 'start_x': self.start_x, 'start_y': self.start_y,
                         'bytes_per_pixel': self.BYTES_PER_PIXEL, 'ramwrc': self.RAMWRC}
        if self.hybrid:
            drv.flush_cb = esp.panel_flush
            drv.wait_cb = esp.panel_wait_cb
        else:
            drv.flush_cb = self.flush
            drv.wait_cb = self.wait
        try:
            drv.monitor_cb = self.monitor  # kept in the user_data dict too, next to dc and spi
        except TypeError:
            pass  # a binding without Python callbacks: hybrid mode works, without the statistics
        ret = gui.disp_drv_register(drv)
        if ret != gui.RES.OK:
            raise RuntimeError('%s: gui.disp_drv_register: %s' % (self.NAME, gui.res_str(ret)))

    def power_down(self):
        """Display off and sleep in (when the SPI device is up), then backlight and supply off. init_panel() brings
        the panel back (its memory is lost once the supply was off)."""
        self._wait_idle()
        if self.spi is not None:
            self.send_cmd(_DISPOFF)
            if self._sleep_out_tick is not None:
                # SLPIN no sooner than 120 ms after SLPOUT.
                left = _SLEEP_TICKS - (esp.xTaskGetTickCount() - self._sleep_out_tick)
                if left > 0:
                    esp.vTaskDelay(left)
            self.send_cmd(_SLPIN)
            self._sleep_out_tick = None
        if self.backlight >= 0:
            esp.gpio_set_level(self.backlight, 1 - self.backlight_on)
        if self.power >= 0:
            esp.gpio_set_level(self.power, 1 - self.power_on)

    def _collect(self):
        # Waits for the last pixel transaction of either flush and collects its result, so that nothing of this
        # device is left in flight or uncollected.
        if self.hybrid and self.spi is not None:
            esp.panel_wait_cb(None)
        if getattr(self, 'wait', None) is not None:
            self.wait(None)

    def _wait_idle(self):
        if getattr(self, 'disp_drv', None) is not None:
            gui.disp_flush_wait(self.disp_drv)
        self._collect()

    def deinit(self):
        """Waits for the bus, then frees the SPI device (and the bus, if this driver was its last user), the DMA
        buffers and the callbacks. Leaves nothing behind, so a soft reset followed by a new driver works; calling it
        twice is harmless."""
        self._wait_idle()
        self.disp_drv = None
        if self.spi is not None:
            esp.spi_bus_remove_device(self.spi)
            self.spi = None
            esp.panel_forget_window()
        if self._bus_joined:
            spi_bus.release(self.spihost)
            self._bus_joined = False
        if self.spi_callbacks is not None:
            esp.spi_transaction_release_cb(self.spi_callbacks)
            self.spi_callbacks = None
        for name in ('buf1', 'buf2', 'cmd_buf'):
            b = getattr(self, name, None)
            if b is not None:
                esp.heap_caps_free(b)
                setattr(self, name, None)

    # ---- sending --------------------------------------------------------------------------------------------

    def _send_small(self, data, dc):
        # Polling transmit (10 us of set-up against 28 us for a queued one) from the small DMA buffer.
        n = len(data)
        if n > _CMD_BUF_LEN:
            raise ValueError('%s: %d parameter bytes, at most %d (use DMA for pixels)' % (self.NAME, n, _CMD_BUF_LEN))
        self.cmd_view[0:n] = data
        t = self.cmd_trans
        t.length = 8 * n
        esp.gpio_set_level(self.dc, dc)
        ret = esp.spi_device_polling_transmit(self.spi, t)
        if ret != esp.ESP_OK:
            raise RuntimeError('%s: %s' % (self.NAME, _err('spi_device_polling_transmit', ret)))

    def send_cmd(self, cmd):
        # After the pixels on their way; both flushes skip commands the panel already has: after this one they send
        # the whole window again.
        self._collect()
        if getattr(self, '_forget', None) is not None:
            self._forget()
        esp.panel_forget_window()
        self._send_small(bytes((cmd,)), 0)

    def send_data(self, data):
        if data:
            self._send_small(data, 1)

    # ---- pure mode: the GUI's callbacks in Python ---------------------------------------------------------------

    @property
    def flush_ready(self):
        return self._ready_fn

    @flush_ready.setter
    def flush_ready(self, fn):
        """The function the completion handler calls with the flushed display (an LVGL adapter replaces it)."""
        self._ready_fn = fn
        if getattr(self, '_set_ready', None) is not None:
            self._set_ready(fn)

    def monitor(self, disp_drv, time_ms, px):
        """monitor_cb: once per refresh that flushed pixels."""
        self.frames += 1
        self.pixels += px
        self.refresh_ms += time_ms
