# ili9341.py: ILI9341 display driver in MicroPython on the generated espidf API; pure (Python flush) or hybrid (C).
from micropython import const
import espidf as esp
try:
    import gui  # the host's refresh engine; absent on an ESP32 running real LVGL (see lvgl_v9.py)
except ImportError:
    gui = None
try:
    from ili9341_pure import pure_path  # compiled by the native emitter
except SyntaxError:
    pure_path = None  # a MicroPython without @micropython.native: hybrid mode only

# Panel commands (datasheet names).
_SLPOUT = const(0x11)
_INVON = const(0x21)
_DISPON = const(0x29)
_RAMWR = const(0x2C)
_MADCTL = const(0x36)
_RAMWRC = const(0x3C)

# MADCTL bits.
_MY = const(0x80)
_MX = const(0x40)
_MV = const(0x20)

# Colour order of the panel's filter (MADCTL BGR bit).
COLOR_MODE_RGB = const(0x00)
COLOR_MODE_BGR = const(0x08)

# Rotation in degrees -> MADCTL address bits. The glass shows GRAM columns right to left (as modules are wired),
# so MX gives an upright portrait image.
_ROTATION_MADCTL = {0: _MX, 90: _MV, 180: _MY, 270: _MX | _MY | _MV}

# The usual ILI9341 initialisation: (command, parameters). MADCTL and inversion are sent after it.
_INIT = (
    (0xCF, b'\x00\x83\x30'), (0xED, b'\x64\x03\x12\x81'), (0xE8, b'\x85\x01\x79'),
    (0xCB, b'\x39\x2C\x00\x34\x02'), (0xF7, b'\x20'), (0xEA, b'\x00\x00'), (0xC0, b'\x26'), (0xC1, b'\x11'),
    (0xC5, b'\x35\x3E'), (0xC7, b'\xBE'), (0x36, b'\x48'), (0x3A, b'\x55'), (0xB1, b'\x00\x1B'), (0xF2, b'\x08'),
    (0x26, b'\x01'), (0xE0, b'\x1F\x1A\x18\x0A\x0F\x06\x45\x87\x32\x0A\x07\x02\x07\x05\x00'),
    (0xE1, b'\x00\x25\x27\x05\x10\x09\x3A\x78\x4D\x05\x18\x0D\x38\x3A\x1F'), (0x2A, b'\x00\x00\x00\xEF'),
    (0x2B, b'\x00\x00\x01\x3F'), (0x2C, b'\x00'), (0xB7, b'\x07'), (0xB6, b'\x0A\x82\x27\x00'),
)

_CMD_BUF_LEN = const(16)  # longest init parameter list


def check_color_format(g):
    """Raises RuntimeError unless GUI module `g` renders what the panel takes as is: RGB565, bytes in wire order."""
    if g.COLOR_DEPTH != 16 or g.color_t.SIZE != 2:
        raise RuntimeError('ili9341 needs 16-bit colour: build the GUI with GUI_COLOR_DEPTH=16 '
                           '(LVGL: LV_COLOR_DEPTH=16), got %d bits' % g.COLOR_DEPTH)
    if not g.COLOR_16_SWAP or not hasattr(g.color_t().ch, 'green_l'):
        raise RuntimeError('ili9341 needs RGB565 bytes in wire order: build the GUI with GUI_COLOR_16_SWAP=1 '
                           '(LVGL: LV_COLOR_16_SWAP=1)')


def isr_callbacks_supported():
    """True when Python callables can be given to esp.spi_transaction_set_cb (the pure completion handler) and the
    pure path compiled (ili9341_pure.py needs MicroPython's native emitter)."""
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


def _err(what, ret):
    return '%s failed: %s (%d)' % (what, esp.esp_err_to_name(ret), ret)


class ili9341:
    """The panel on an ESP32 SPI bus, registered with the GUI engine as its display driver (disp_drv).

    hybrid=True: flush and DMA completion are the C functions esp.ili9341_flush / esp.ili9341_post_cb_isr;
    hybrid=False: they are this object's flush / wait and a completion handler, made by ili9341_pure.pure_path,
    completing in interrupt context (isr=True) or through micropython.schedule (isr=False); flush_ready is what the
    handler calls (settable, e.g. by an LVGL adapter). double=True renders into one buffer while the other is on the
    bus.
    register=False leaves out the GUI registration (another GUI, e.g. LVGL v9 through lvgl_v9.py, calls flush).
    """

    def __init__(self, miso=5, mosi=18, clk=19, cs=13, dc=12, rst=4, backlight=2, spihost=esp.HSPI_HOST, mhz=40,
                 factor=4, hybrid=True, rotation=0, color_mode=COLOR_MODE_BGR, invert=False, double=True, isr=True,
                 register=True):
        register = register and gui is not None
        if register:
            check_color_format(gui)
        if rotation not in _ROTATION_MADCTL:
            raise ValueError('ili9341: rotation must be 0, 90, 180 or 270, got %r' % (rotation,))
        if not hybrid and not (python_callbacks_supported() if register else isr_callbacks_supported()):
            raise RuntimeError('ili9341: pure mode (hybrid=False) needs Python callables in C callback slots and '
                               "MicroPython's native emitter (@micropython.native); use hybrid=True")
        self.miso, self.mosi, self.clk, self.cs, self.dc, self.rst, self.backlight = \
            miso, mosi, clk, cs, dc, rst, backlight
        self.spihost, self.mhz, self.factor, self.hybrid, self.isr = spihost, mhz, factor, hybrid, isr
        self.madctl = _ROTATION_MADCTL[rotation] | color_mode
        self.invert = invert
        self.width, self.height = (320, 240) if self.madctl & _MV else (240, 320)
        self.spi = None
        self.buf1 = self.buf2 = None
        # A plain function (an LVGL adapter replaces it): calling it from the ISR allocates nothing.
        self.flush_ready = gui.disp_flush_ready if gui else None
        self.frames = self.pixels = self.refresh_ms = 0

        if not 1 <= factor <= self.height:
            raise ValueError('ili9341: factor (screen / buffer size) must be 1..%d, got %r' % (self.height, factor))
        self.disp_drv = None
        self._alloc_buffers(double)
        try:
            self.disp_spi_init()
            self.init_panel()
            if register:
                self._register()
        except BaseException:
            self.deinit()  # frees whatever was set up, so a corrected retry finds the bus free
            raise

    # ---- set-up ---------------------------------------------------------------------------------------------

    def _alloc_buffers(self, double):
        self.buf_size = self.width * self.height * 2 // self.factor
        n = 2 if double else 1
        # The pixel buffers, and a small one for commands and their parameters (polling transmits use DMA too).
        sizes = [self.buf_size] * n + [_CMD_BUF_LEN]
        bufs = []
        for size in sizes:
            b = esp.heap_caps_malloc(size, esp.CAP.DMA)
            if b is None:
                for done in bufs:
                    esp.heap_caps_free(done)
                raise MemoryError('ili9341: cannot allocate %d DMA buffer(s) of %d bytes (heap_caps_malloc(..., '
                                  'CAP.DMA) returned NULL, %d bytes free): use a larger factor or double=False'
                                  % (n, self.buf_size, esp.heap_caps_get_free_size(esp.CAP.DMA)))
            bufs.append(b)
        self.buf1 = bufs[0]
        self.buf2 = bufs[1] if double else None
        self.cmd_buf = bufs[-1]
        self.cmd_view = self.cmd_buf.__dereference__(_CMD_BUF_LEN)

    def _bus_config(self):
        return esp.spi_bus_config_t({'miso_io_num': self.miso, 'mosi_io_num': self.mosi, 'sclk_io_num': self.clk,
                                     'quadwp_io_num': -1, 'quadhd_io_num': -1, 'max_transfer_sz': self.buf_size})

    def disp_spi_init(self):
        ret = esp.spi_bus_initialize(self.spihost, self._bus_config(), 1)
        if ret != esp.ESP_OK:
            raise RuntimeError('ili9341: ' + _err('spi_bus_initialize', ret))
        self._bus_up = True
        # Half duplex: the panel is write-only, and full duplex is limited to 26.67 MHz on GPIO-matrix pins.
        devcfg = esp.spi_device_interface_config_t({
            'clock_speed_hz': self.mhz * 1000 * 1000, 'mode': 0, 'spics_io_num': self.cs, 'queue_size': 2,
            'flags': esp.SPI_DEVICE.HALFDUPLEX, 'duty_cycle_pos': 128})
        devcfg.pre_cb = None
        devcfg.post_cb = esp.ili9341_post_cb_isr if self.hybrid else esp.spi_post_cb_isr
        handle = esp.C_Pointer()
        ret = esp.spi_bus_add_device(self.spihost, devcfg, handle)
        if ret != esp.ESP_OK:
            raise RuntimeError('ili9341: ' + _err('spi_bus_add_device (%d MHz, CS %d)' % (self.mhz, self.cs), ret))
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
            self.flush, self.wait, handler, self._set_ready, self._forget = pure_path(
                self.spi, self.dc, self.height, self.cmd_view, self.cmd1, self.cmd4, ramwr, ramwrc, self.trans,
                self.result, self._ready_fn, _err, self.isr)
        if not self.hybrid:
            self.spi_callbacks = esp.spi_transaction_set_cb(None, handler)
            self.trans.user = self.spi_callbacks

        pins = 1 << self.dc
        for pin in (self.rst, self.backlight):
            if pin >= 0:
                pins |= 1 << pin
        ret = esp.gpio_config(esp.gpio_config_t({'pin_bit_mask': pins, 'mode': esp.GPIO_MODE.OUTPUT}))
        if ret != esp.ESP_OK:
            raise RuntimeError('ili9341: ' + _err('gpio_config (dc %d, rst %d, backlight %d)'
                                                  % (self.dc, self.rst, self.backlight), ret))

    def init_panel(self):
        if self.rst >= 0:
            # RESX low >= 10 us, then 5 ms before the first command (one 10 ms tick each).
            esp.gpio_set_level(self.rst, 0)
            esp.vTaskDelay(1)
            esp.gpio_set_level(self.rst, 1)
            esp.vTaskDelay(1)
        for cmd, data in _INIT:
            self.send_cmd(cmd)
            self.send_data(data)
        self.send_cmd(_MADCTL)
        self.send_data(bytes([self.madctl]))
        if self.invert:
            self.send_cmd(_INVON)
        esp.vTaskDelay(12)  # 120 ms after the reset before SLPOUT
        self.send_cmd(_SLPOUT)
        esp.vTaskDelay(12)  # 120 ms after SLPOUT
        self.send_cmd(_DISPON)
        if self.backlight >= 0:
            esp.gpio_set_level(self.backlight, 1)

    def _register(self):
        self.disp_buf = gui.disp_buf_t()
        self.disp_drv = drv = gui.disp_drv_t()
        gui.disp_buf_init(self.disp_buf, self.buf1, self.buf2, self.buf_size // gui.color_t.SIZE)
        gui.disp_drv_init(drv)
        drv.hor_res = self.width
        drv.ver_res = self.height
        drv.buffer = self.disp_buf
        # First user_data (the C flush reads dc and spi from it), then the callbacks (stored in the same dict).
        drv.user_data = {'dc': self.dc, 'spi': self.spi}
        if self.hybrid:
            drv.flush_cb = esp.ili9341_flush
            drv.wait_cb = esp.ili9341_wait_cb
        else:
            drv.flush_cb = self.flush
            drv.wait_cb = self.wait
        try:
            drv.monitor_cb = self.monitor  # kept in the user_data dict too, next to dc and spi
        except TypeError:
            pass  # a binding without Python callbacks: hybrid mode works, without the statistics
        ret = gui.disp_drv_register(drv)
        if ret != gui.RES.OK:
            raise RuntimeError('ili9341: gui.disp_drv_register: ' + gui.res_str(ret))

    def deinit(self):
        """Waits for the bus, then frees the SPI device and bus, the DMA buffers and the callbacks."""
        if getattr(self, 'disp_drv', None) is not None:
            gui.disp_flush_wait(self.disp_drv)
            if self.hybrid:
                esp.ili9341_wait_cb(self.disp_drv)
            self.disp_drv = None
        if getattr(self, 'wait', None) is not None:
            self.wait(None)  # the last pixel transaction's result: the device must have none uncollected
        if self.spi is not None:
            esp.spi_bus_remove_device(self.spi)
            self.spi = None
        if getattr(self, '_bus_up', False):
            esp.spi_bus_free(self.spihost)
            self._bus_up = False
        if getattr(self, 'spi_callbacks', None) is not None:
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
            raise ValueError('ili9341: %d parameter bytes, at most %d (use DMA for pixels)' % (n, _CMD_BUF_LEN))
        self.cmd_view[0:n] = data
        t = self.cmd_trans
        t.length = 8 * n
        esp.gpio_set_level(self.dc, dc)
        ret = esp.spi_device_polling_transmit(self.spi, t)
        if ret != esp.ESP_OK:
            raise RuntimeError('ili9341: ' + _err('spi_device_polling_transmit', ret))

    def send_cmd(self, cmd):
        # Both flushes skip commands the panel already has: after this one they send the whole window again.
        if getattr(self, '_forget', None) is not None:
            self._forget()
        esp.ili9341_forget_window()
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
