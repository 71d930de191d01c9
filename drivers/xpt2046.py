# xpt2046.py: XPT2046 resistive touch controller driver: its own device on the SPI bus the display uses, averaged
# readings with a pressure threshold, calibration from four corners, transpose and mirror, and an input device for
# the gui engine (or LVGL v9: lvgl_v9.py).
from micropython import const
import espidf as esp
import spi_bus
try:
    import gui
except ImportError:
    gui = None

# Control bytes (datasheet table 5): start bit, channel A2-A0, 12-bit conversion, differential reference.
_X = const(0xD0)
_Y = const(0x90)
_Z1 = const(0xB0)
_Z2 = const(0xC0)
_ADC_ON = const(0x01)  # PD1-PD0 = 01: the ADC stays on between the conversions of a burst (PENIRQ off)
_MAX_RAW = const(4095)
PRESSED = const(1)     # gui.INDEV_STATE.PRESSED, lv.INDEV_STATE.PRESSED
RELEASED = const(0)


class xpt2046:
    """The touch controller on SPI host `spihost` (the display's bus: miso=mosi=clk=-1, the default, joins a bus
    already set up; pins set it up when nothing has). Every read is one full-duplex transaction at `mhz` (the
    datasheet's DCLK limit is 2.5 MHz) of 16-clock conversions: pressure (Z1, Z2), `samples` X and Y readings, and
    the pressure again. Released: z = Z1 + 4095 - Z2 at or below `threshold` before or after the positions (a light
    contact). Pressed: z above it both times, every position sample valid (not 0: an open contact) and the samples
    of each axis within `jitter` of each other; X and Y are then the mean of their samples without the highest and
    lowest quarter. Anything else (a contact that bounces, as the first and last milliseconds of a touch do) is
    unsure, and read() leaves the previous reading as it was.

    Raw to screen: with transpose the X channel measures the screen's y (the Y channel its x); cal_x0 and cal_x1 are
    the raw values at the screen's left and right edges, cal_y0 and cal_y1 at its top and bottom (lv_binding's
    xpt2046.py names and defaults: a 2.8" ILI9341 module in portrait); mirror_x, mirror_y flip the result.
    calibrate() sets all of these from four touches. width, height: the screen (a display's width and height,
    taken from `display` when given, whose disp_drv then clips the points). register=False: no gui input device
    (another GUI calls read(indev, data), e.g. LVGL v9 through lvgl_v9.py).
    """

    def __init__(self, miso=-1, mosi=-1, clk=-1, cs=25, spihost=esp.HSPI_HOST, mhz=2, spimode=0, width=240,
                 height=320, cal_x0=3783, cal_y0=3948, cal_x1=242, cal_y1=423, transpose=True, mirror_x=False,
                 mirror_y=False, samples=4, threshold=400, jitter=100, display=None, register=True):
        if not 1 <= samples <= 16:
            raise ValueError('xpt2046: samples must be 1..16, got %r' % (samples,))
        if cal_x0 == cal_x1 or cal_y0 == cal_y1:
            raise ValueError('xpt2046: cal_x0/cal_x1 and cal_y0/cal_y1 must differ')
        if spimode not in (0, 1, 2, 3):
            raise ValueError('xpt2046: spimode must be 0..3, got %r' % (spimode,))
        if display is not None:
            width, height = display.width, display.height
        self.width, self.height = width, height
        self.cal_x0, self.cal_y0, self.cal_x1, self.cal_y1 = cal_x0, cal_y0, cal_x1, cal_y1
        self.transpose, self.mirror_x, self.mirror_y = transpose, mirror_x, mirror_y
        self.samples, self.threshold, self.jitter = samples, threshold, jitter
        self.spihost, self.cs, self.mhz = spihost, cs, mhz
        self.spi = self.indev_drv = self.tx = self.rx = None
        self._bus_joined = False
        self.reads = 0
        commands = [_Z1 | _ADC_ON, _Z2 | _ADC_ON] + [_X | _ADC_ON, _Y | _ADC_ON] * samples + [_Z1 | _ADC_ON, _Z2]
        self.conversions = len(commands)
        n = 2 * len(commands) + 1  # each control byte, then the byte that starts its result; one more at the end
        try:
            self._bus_joined = spi_bus.acquire('xpt2046', spihost, miso, mosi, clk, n)
            self.tx = esp.heap_caps_malloc(n, esp.CAP.DMA)
            self.rx = esp.heap_caps_malloc(n, esp.CAP.DMA)
            if self.tx is None or self.rx is None:
                raise MemoryError('xpt2046: cannot allocate 2 DMA buffers of %d bytes' % n)
            tx = self.tx.__dereference__(n)
            for i in range(n):
                tx[i] = commands[i // 2] if i % 2 == 0 and i // 2 < len(commands) else 0
            self.rx_view = self.rx.__dereference__(n)
            self.trans = esp.spi_transaction_t({'length': 8 * n, 'tx_buffer': self.tx, 'rx_buffer': self.rx})
            devcfg = esp.spi_device_interface_config_t({
                'clock_speed_hz': int(mhz * 1000000), 'mode': spimode, 'spics_io_num': cs, 'queue_size': 1})
            handle = esp.C_Pointer()
            ret = esp.spi_bus_add_device(spihost, devcfg, handle)
            if ret == esp.ESP_ERR_INVALID_STATE:
                raise RuntimeError('xpt2046: SPI host %d is not initialised: create the display first, or pass miso, '
                                   'mosi and clk' % spihost)
            if ret != esp.ESP_OK:
                raise RuntimeError('xpt2046: ' + spi_bus.err_text('spi_bus_add_device (%s MHz, CS %d)' % (mhz, cs),
                                                                  ret))
            self.spi = handle.ptr_val
            if register and gui is not None:
                self._register(display)
        except BaseException:
            self.deinit()
            raise

    def _register(self, display):
        self.indev_drv = drv = gui.indev_drv_t()
        gui.indev_drv_init(drv)
        drv.type = gui.INDEV_TYPE.POINTER
        if display is not None and getattr(display, 'disp_drv', None) is not None:
            drv.disp = display.disp_drv
        drv.read_cb = self.read
        ret = gui.indev_drv_register(drv)
        if ret != gui.RES.OK:
            raise RuntimeError('xpt2046: gui.indev_drv_register: ' + gui.res_str(ret))

    def deinit(self):
        """Frees the SPI device (and the bus, if this driver set it up and was its last user) and the buffers."""
        self.indev_drv = None
        if self.spi is not None:
            esp.spi_bus_remove_device(self.spi)
            self.spi = None
        if self._bus_joined:
            spi_bus.release(self.spihost)
            self._bus_joined = False
        for name in ('tx', 'rx'):
            b = getattr(self, name)
            if b is not None:
                esp.heap_caps_free(b)
                setattr(self, name, None)

    # ---- readings -------------------------------------------------------------------------------------------

    def _trimmed_mean(self, values):
        # The mean without the highest and lowest quarter, or -1 when the samples disagree or one is 0.
        values.sort()
        if values[0] == 0 or values[-1] - values[0] > self.jitter:
            return -1
        q = len(values) // 4
        kept = values[q:len(values) - q]
        return sum(kept) // len(kept)

    def read_raw(self):
        """One burst: (state, x, y, z): state True (pressed; x and y the averaged X and Y channel readings), False
        (released) or None (unsure: a bouncing contact)."""
        ret = esp.spi_device_polling_transmit(self.spi, self.trans)
        if ret != esp.ESP_OK:
            raise RuntimeError('xpt2046: ' + spi_bus.err_text('spi_device_polling_transmit', ret))
        rx = self.rx_view
        v = [((rx[2 * k + 1] << 8) | rx[2 * k + 2]) >> 3 for k in range(self.conversions)]
        z = min(v[0] + _MAX_RAW - v[1], v[-2] + _MAX_RAW - v[-1])
        self.reads += 1
        if z <= self.threshold:
            return False, 0, 0, z
        x, y = self._trimmed_mean(v[2:-2:2]), self._trimmed_mean(v[3:-2:2])
        if x < 0 or y < 0:
            return None, 0, 0, z
        return True, x, y, z

    def to_screen(self, raw_x, raw_y):
        """Screen coordinates of X and Y channel readings (clamped to the screen)."""
        a, b = (raw_y, raw_x) if self.transpose else (raw_x, raw_y)
        x = (a - self.cal_x0) * self.width // (self.cal_x1 - self.cal_x0)
        y = (b - self.cal_y0) * self.height // (self.cal_y1 - self.cal_y0)
        if self.mirror_x:
            x = self.width - 1 - x
        if self.mirror_y:
            y = self.height - 1 - y
        return min(max(x, 0), self.width - 1), min(max(y, 0), self.height - 1)

    def read(self, indev, data):
        """read_cb of a gui (or LVGL) pointer input device: data.point and data.state; a release keeps the point, an
        unsure reading changes nothing (data arrives holding the previous one)."""
        state, raw_x, raw_y, _ = self.read_raw()
        if state:
            data.point.x, data.point.y = self.to_screen(raw_x, raw_y)
            data.state = PRESSED
        elif state is not None:
            data.state = RELEASED

    # ---- calibration ----------------------------------------------------------------------------------------

    def calibration_targets(self, margin=20):
        """The four screen points to touch for calibrate(): top-left, top-right, bottom-left, bottom-right,
        `margin` pixels in from the corners."""
        r, b = self.width - 1 - margin, self.height - 1 - margin
        return ((margin, margin), (r, margin), (margin, b), (r, b))

    def calibrate(self, raw, margin=20):
        """Sets transpose, cal_x0..cal_y1 and no mirroring from the raw (x, y) readings (read_raw) of touches on
        calibration_targets(margin), in their order. The channel that changes more from the left targets to the
        right ones measures the screen's x; each axis is then fitted through the two pairs of targets."""
        tl, tr, bl, br = raw
        self.transpose = abs(tr[1] + br[1] - tl[1] - bl[1]) > abs(tr[0] + br[0] - tl[0] - bl[0])
        i, j = (1, 0) if self.transpose else (0, 1)
        self.cal_x0, self.cal_x1 = self._edges((tl[i] + bl[i]) / 2, (tr[i] + br[i]) / 2, margin, self.width)
        self.cal_y0, self.cal_y1 = self._edges((tl[j] + tr[j]) / 2, (bl[j] + br[j]) / 2, margin, self.height)
        self.mirror_x = self.mirror_y = False

    @staticmethod
    def _edges(near, far, margin, size):
        # Readings at the centres of pixels `margin` and size-1-margin: the raw value at each screen edge (pixel
        # edges, so that a reading maps to the pixel it falls in).
        if abs(far - near) < size - 1 - 2 * margin:
            raise ValueError('xpt2046: calibration readings change by %d over %d pixels: were the four targets '
                             'touched?' % (abs(far - near), size - 1 - 2 * margin))
        step = (far - near) / (size - 1 - 2 * margin)
        edge0 = near - (margin + 0.5) * step
        return int(round(edge0)), int(round(edge0 + size * step))
