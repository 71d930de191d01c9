# demo_touch.py: the demo's second part: every controller with an XPT2046 on the same SPI bus (its own CS, 2 MHz);
# four scripted touches calibrate it, then a finger drags a slider across while the panel refreshes, in real time.
import espidf as esp
import espsim
import gui
import sim_display
from demo_slider import Slider
from xpt2046 import xpt2046

MS = 1000000
SECONDS = 1.4  # the drag takes 1 s of it
POLL_TICKS = 2  # the loop reads the touch controller and refreshes every 20 ms (LVGL reads an indev every 30 ms)
# (driver module and class, simulated module, glass size when not the driver's default)
CONTROLLERS = (
    ('ili9341', espsim.MODULE.ILI9341_240X320, None),
    ('st7789', espsim.MODULE.ST7789_240X240, (240, 240)),
    ('ili9488', espsim.MODULE.ILI9488_320X480, None),
    ('gc9a01', espsim.MODULE.GC9A01_240X240, None),
    ('st7735', espsim.MODULE.ST7735_128X160, None),
)


def _press(film, x, y, ms, ohms=300):
    t = espsim.now_ns()
    espsim.xpt2046_stroke(film, t, t + ms * MS, x, y, x, y, ohms)


def calibrate(touch, film, margin=12):
    """Four scripted touches on the calibration targets (rotation 0: screen and glass coordinates agree)."""
    raw = []
    for x, y in touch.calibration_targets(margin):
        _press(film, x, y, 60)
        espsim.advance_ns(10 * MS)
        raw.append(touch.read_raw()[1:3])
        espsim.advance_ns(80 * MS)
    touch.calibrate(raw, margin)


def run_one(name, module, size, out_dir, mhz, virtual=False):
    """One controller: calibration, then the drag (real time by default: the bus takes as long as on the chip);
    returns its table row."""
    panel = sim_display.fresh_module(virtual, module)
    cls = getattr(__import__(name), name)
    d = cls(mhz=mhz, **({'width': size[0], 'height': size[1]} if size else {}))
    film = sim_display.attach_film(d.width, d.height)
    touch = xpt2046(display=d)
    calibrate(touch, film)
    scene = Slider(d.width, d.height, '%s + XPT2046' % name.upper())
    scene.attach(d.disp_drv)
    scene.draw_all()
    gui.disp_invalidate(d.disp_drv, None)
    gui.refresh(d.disp_drv)
    t0 = espsim.now_ns()
    # From the knob at 0 to a little past the track's end (the value stops at 100).
    espsim.xpt2046_stroke(film, t0 + 100 * MS, t0 + 1100 * MS, scene.x0, scene.y, min(d.width - 1, scene.x1 + 8),
                          scene.y, 300)
    reads = touch.reads

    def step(frame):
        esp.vTaskDelay(POLL_TICKS)
        event = gui.indev_read(touch.indev_drv)
        p = touch.indev_drv.data.point
        return scene.pointer(event, p.x, p.y)

    run = sim_display.Run(d, step, SECONDS)
    png = '%s/demo_touch_%s.png' % (out_dir, name)
    png_ok = espsim.panel_write_png(panel, png) == esp.ESP_OK
    st = espsim.panel_state_t()
    espsim.panel_get_state(panel, st)
    fs = espsim.xpt2046_state_t()
    espsim.xpt2046_get_state(film, fs)
    row = (name, '%dx%d' % (st.glass_width, st.glass_height), sim_display.actual_hz(mhz) / 1e6, run.frames, run.fps,
           100 * run.bus_share, touch.reads - reads, scene.value, st.violations + fs.violations, run.races,
           png if png_ok else None, espsim.panel_last_violation(panel) or espsim.xpt2046_last_violation(film))
    touch.deinit()
    d.deinit()
    scene.close()
    return row


def run_touch_demos(out_dir, mhz):
    """Runs every controller; prints a table; returns how many failed (violations, races, a slider that did not
    reach 100, a snapshot not written)."""
    print('%-8s %8s %8s %7s %7s %9s %12s %7s %11s %6s' % ('touch', 'glass', 'SPI MHz', 'frames', 'fps', 'bus busy',
                                                          'touch reads', 'slider', 'violations', 'races'))
    bad = 0
    for name, module, size in CONTROLLERS:
        r = run_one(name, module, size, out_dir, mhz)
        print('%-8s %8s %8.2f %7d %7.1f %8.1f%% %12d %7d %11d %6d' % r[:10])
        print('         snapshot: %s%s' % (r[10] or 'NOT written: create the folder first (mkdir -p %s)' % out_dir,
                                          ('; last violation: ' + r[11]) if r[8] else ''))
        bad += r[8] + r[9] + (r[7] != 100) + (0 if r[10] else 1)
    print('touch: a finger drags the slider from 0 to 100 in 1 s while the panel refreshes it; every 20 ms the loop')
    print('reads the XPT2046 (a polling transaction at 2 MHz that waits for any pixel DMA on the shared bus) and')
    print('refreshes what changed; calibrated from four scripted touches first; bus busy includes the touch reads')
    return bad
