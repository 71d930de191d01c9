# test_xpt2046.py: the XPT2046 driver on the bus the display uses: a touch read while the display's DMA is in flight
# waits for the bus (ESP-IDF's bus lock) and reads the right point; press, drag and release through the gui input
# device; the pressure threshold against light and bouncing contacts; calibration from four corners maps the
# corners within 2 px, portrait and landscape; mirroring; clear errors.
import espidf as esp
import espsim
import gui
import drvrig
import panelrig
from ili9341 import ili9341
from xpt2046 import xpt2046

TOUCH_CS = 25
MS = 1000000


def attach_touch(noise=12):
    cfg = espsim.xpt2046_config_t({'host': esp.HSPI_HOST, 'cs_io_num': TOUCH_CS, 'noise': noise, 'seed': 5})
    p = esp.C_Pointer()
    assert espsim.xpt2046_attach(cfg, p) == esp.ESP_OK
    return p.ptr_val


def stroke(film, ms, x0, y0, x1=None, y1=None, ohms=300):
    """Presses the film for `ms` from now (glass pixels), moving to (x1, y1); returns when it ends."""
    t = espsim.now_ns()
    assert espsim.xpt2046_stroke(film, t, t + ms * MS, x0, y0, x0 if x1 is None else x1,
                                 y0 if y1 is None else y1, ohms) == esp.ESP_OK
    return t + ms * MS


def glass_of(d, x, y):
    """The glass pixel (portrait, as the film sees it) under screen point (x, y) of a display in d.rotation."""
    w, h = 240, 320
    return {0: (x, y), 90: (w - 1 - y, x), 180: (w - 1 - x, h - 1 - y), 270: (y, h - 1 - x)}[d.rotation]


def read_at(film, touch, d, x, y):
    """Touches screen point (x, y) firmly, past the contact's bounce, and polls the input device."""
    gx, gy = glass_of(d, x, y)
    stroke(film, 50, gx, gy)
    espsim.advance_ns(5 * MS)
    event = gui.indev_read(touch.indev_drv)
    p = touch.indev_drv.data.point
    espsim.advance_ns(50 * MS)
    return event, p.x, p.y


# ---- a shared bus with the panel's DMA in flight ----
panel = panelrig.fresh(espsim.MODULE.ILI9341_240X320)
film = attach_touch()
d = ili9341()
touch = xpt2046(display=d)
src = drvrig.pattern(d.width, d.height, 1)
drvrig.show(d, src)
stroke(film, 200, 100, 150)
espsim.advance_ns(5 * MS)
gui.refresh(d.disp_drv)  # returns with the last strip still on the bus
st = espsim.spi_stats_t()
espsim.spi_get_stats(esp.HSPI_HOST, st)
dma_end = st.last_end_ns
in_flight = d.disp_drv.buffer.flushing
event = gui.indev_read(touch.indev_drv)
fs = espsim.xpt2046_state_t()
espsim.xpt2046_get_state(film, fs)
p = touch.indev_drv.data.point
print('dma in flight', in_flight, 'touch waited for it', fs.last_transfer_ns >= dma_end, 'event', event,
      'point within 2 px', abs(p.x - 100) <= 2 and abs(p.y - 150) <= 2)
gui.disp_flush_wait(d.disp_drv)
ps = espsim.panel_state_t()
espsim.panel_get_state(panel, ps)
print('panel equals canvas', panelrig.view_equals(panel, d, src), 'panel violations', ps.violations,
      'touch violations', fs.violations, 'warnings', fs.warnings, 'races', espsim.dma_race_count())

# ---- press, drag, release through the gui input device ----
espsim.advance_ns(300 * MS)
print('lifted', gui.indev_read(touch.indev_drv) == gui.INDEV_EVENT.RELEASED)
t_end = stroke(film, 100, 40, 60, 200, 60)
events = []
xs = []
while espsim.now_ns() < t_end + 20 * MS:
    ev = gui.indev_read(touch.indev_drv)
    if ev != gui.INDEV_EVENT.NONE and (not events or events[-1] != ev):
        events.append(ev)
    if ev == gui.INDEV_EVENT.PRESSING:
        xs.append(touch.indev_drv.data.point.x)
    espsim.advance_ns(10 * MS)
names = {gui.INDEV_EVENT.PRESSED: 'pressed', gui.INDEV_EVENT.PRESSING: 'pressing',
         gui.INDEV_EVENT.RELEASED: 'released'}
print('drag events', [names[e] for e in events], 'x moves right', xs == sorted(xs) and xs[-1] - xs[0] > 100,
      'press began near 40', abs(touch.indev_drv.press_point.x - 40) <= 20)

# ---- the threshold: a light touch, and the bouncing first 2 ms of a firm one, read as released ----
espsim.advance_ns(100 * MS)
stroke(film, 50, 120, 120, ohms=8000)
espsim.advance_ns(10 * MS)
light = touch.read_raw()
espsim.advance_ns(60 * MS)
t_end = stroke(film, 50, 120, 120)
bounce = []
near = True
while espsim.now_ns() < t_end - 48 * MS:  # the first 2 ms
    state, rx, ry, z = touch.read_raw()
    bounce.append(state)
    if state:
        x, y = touch.to_screen(rx, ry)
        near = near and abs(x - 120) <= 5 and abs(y - 120) <= 5
espsim.advance_ns(10 * MS)
firm = touch.read_raw()
print('light', light[0], 'firm', firm[0], 'z light < threshold < z firm', light[3] < touch.threshold < firm[3])
# While the contact bounces, most readings are unsure (None) or released, and one that is not has the position
# right (within 5 px): a bounce never moves the pointer far.
print('bouncing reads: pressed', bounce.count(True), 'unsure', bounce.count(None), 'released', bounce.count(False),
      'pressed ones near', near)
touch.deinit()
d.deinit()

# ---- calibration from four corners, then every corner within 2 px, portrait and landscape ----
for rotation in (0, 90):
    panel = panelrig.fresh(espsim.MODULE.ILI9341_240X320)
    film = attach_touch()
    d = ili9341(rotation=rotation)
    # Deliberately wrong starting values: calibration must find transpose and the ranges by itself.
    touch = xpt2046(display=d, cal_x0=0, cal_x1=4095, cal_y0=0, cal_y1=4095, transpose=False)
    raw = []
    for tx, ty in touch.calibration_targets(20):
        gx, gy = glass_of(d, tx, ty)
        stroke(film, 80, gx, gy)
        espsim.advance_ns(5 * MS)
        sums = [0, 0]
        for i in range(8):
            state, rx, ry, z = touch.read_raw()
            sums[0] += rx
            sums[1] += ry
        raw.append((sums[0] // 8, sums[1] // 8))
        espsim.advance_ns(100 * MS)
    touch.calibrate(raw, 20)
    worst = 0
    for x, y in ((0, 0), (d.width - 1, 0), (0, d.height - 1), (d.width - 1, d.height - 1),
                 (d.width // 2, d.height // 2)):
        event, px, py = read_at(film, touch, d, x, y)
        worst = max(worst, abs(px - x), abs(py - y))
    print('rotation', rotation, 'transpose', touch.transpose, 'corners and centre within 2 px', worst <= 2,
          'violations', espsim.xpt2046_violations(film, espsim.VIOLATION.SPI_MODE))
    # mirror_x flips the result.
    touch.mirror_x = True
    event, px, py = read_at(film, touch, d, 30, 40)
    print('  mirror_x: x', d.width - 1 - px, 'y', py, 'near 30, 40', abs(d.width - 1 - px - 30) <= 2 and
          abs(py - 40) <= 2)
    touch.deinit()
    d.deinit()

# ---- errors ----
panelrig.fresh(espsim.MODULE.ILI9341_240X320)
for kw in ({}, {'samples': 0}, {'spimode': 7}):
    try:
        xpt2046(**kw)
        print(kw, 'no error')
    except (RuntimeError, ValueError) as e:
        print(kw, type(e).__name__, e)
try:
    xpt2046(cal_x0=100, cal_x1=100)
except ValueError as e:
    print('cal', e)
d = ili9341()
t = xpt2046(display=d)
try:
    t.calibrate(((2000, 2000),) * 4)  # four readings of one place: nothing to fit
except ValueError as e:
    print('calibrate', e)
t.deinit()
d.deinit()
# With pins it sets the bus up itself (and frees it at deinit).
attach_touch()
t = xpt2046(miso=5, mosi=18, clk=19)
print('own bus: untouched reads as released', t.read_raw()[0] is False)
t.deinit()
print('deinit freed the bus it set up: spi_bus_free', esp.esp_err_to_name(esp.spi_bus_free(esp.HSPI_HOST)))
