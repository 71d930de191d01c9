# display_controllers.py: figure 5's row per controller (run by display_fps.py): full-screen fps and SPI bus share of
# each driver profile, hybrid and double buffered, at 40 MHz and, where the datasheet's serial clock limit is lower,
# at that limit; and the bus share an XPT2046 read per frame adds on the shared bus.
import espsim
import gui
import sim_display

FRAMES = 6
REAL_RUNS = 2
# (driver module and class, simulated module, glass when not the driver's default)
CONTROLLERS = (
    ('ili9341', espsim.MODULE.ILI9341_240X320, None),
    ('st7789', espsim.MODULE.ST7789_240X320, None),
    ('st7789', espsim.MODULE.ST7789_240X240, (240, 240)),
    ('ili9488', espsim.MODULE.ILI9488_320X480, None),
    ('gc9a01', espsim.MODULE.GC9A01_240X240, None),
    ('st7735', espsim.MODULE.ST7735_128X160, None),
)


def start(name, module, size, virtual, mhz, touch=False):
    """A fresh simulation with the module, its registered driver (and an XPT2046 on the same bus), after the
    registration's full refresh: (panel, driver, touch driver or None)."""
    panel = sim_display.fresh_module(virtual, module)
    cls = getattr(__import__(name), name)
    d = cls(mhz=mhz, **({'width': size[0], 'height': size[1]} if size else {}))
    t = None
    if touch:
        from xpt2046 import xpt2046
        sim_display.attach_film(d.width, d.height)
        t = xpt2046(display=d, register=False)
    canvas = bytearray(2 * d.width * d.height)  # the content does not change the bus time
    gui.disp_set_source(d.disp_drv, canvas, len(canvas), d.width, d.height, 2 * d.width, gui.SRC.RGB565)
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    return panel, d, t


def measure(name, module, size, virtual, mhz, touch=False):
    panel, d, t = start(name, module, size, virtual, mhz, touch)

    def step(frame):
        if t is not None:
            t.read_raw()  # waits for the bus while the previous frame's last strip is on it
        return (None,)

    run = sim_display.Run(d, step, frames=FRAMES)
    st = espsim.panel_state_t()
    espsim.panel_get_state(panel, st)
    run.violations = st.violations
    if t is not None:
        t.deinit()
    d.deinit()
    return run, st


def clocks(limit_hz):
    """40 MHz, and the fastest integer MHz whose actual clock stays within the datasheet's limit if that is lower."""
    out = [40]
    if sim_display.actual_hz(40) > limit_hz:
        out.append([m for m in range(1, 40) if sim_display.actual_hz(m) <= limit_hz][-1])
    return out


def row(label, name, module, size, mhz, touch=False):
    v, st = measure(name, module, size, True, mhz, touch)
    r = max((measure(name, module, size, False, mhz, touch)[0] for _ in range(REAL_RUNS)), key=lambda run: run.fps)
    frame_bits = st.glass_width * st.glass_height * 8 * getattr(__import__(name), name).BYTES_PER_PIXEL
    ceil = sim_display.ceiling_fps(mhz, frame_bits)
    print('  %-16s %8s %7d %8.2f %8.2f | %8.2f %7.1f%% | %8.2f %7.1f%% %7.1f%% %5d' % (
        label, '%dx%d' % (st.glass_width, st.glass_height), frame_bits // 8, sim_display.actual_hz(mhz) / 1e6, ceil,
        v.fps, 100 * v.fps / ceil, r.fps, 100 * r.fps / ceil, 100 * r.bus_share, v.violations + r.violations))
    return st.max_serial_hz


def table():
    print('  %-16s %8s %7s %8s %8s | %8s %8s | %8s %8s %8s %5s' % (
        'controller', 'glass', 'B/frame', 'SPI MHz', 'ceiling', 'fps virt', 'of ceil.', 'fps real', 'of ceil.',
        'bus busy', 'viol.'))
    for name, module, size in CONTROLLERS:
        panel = sim_display.fresh_module(True, module)
        st = espsim.panel_state_t()
        espsim.panel_get_state(panel, st)
        for mhz in clocks(st.max_serial_hz):
            row(name, name, module, size, mhz)
    row('ili9341+xpt2046', 'ili9341', espsim.MODULE.ILI9341_240X320, None, 40, touch=True)
    print('  hybrid, double buffering, %d full-screen refreshes each; the second clock of a controller is the fastest'
          % FRAMES)
    print("  within its datasheet's serial write cycle (ILI9341 10 MHz, ST7735 15.2, ILI9488 20; ST7789 62.5 and")
    print('  GC9A01 60 are above 40). B/frame: pixel bytes of a full screen (ILI9488: 3 a pixel); ceiling = pixel bits /')
    print('  actual clock; virt: the bus model alone (the bus is never idle); real: real time on this host (best of')
    print('  %d runs), bus busy = share of it the bus was busy; viol.: panel violations (virtual and real runs).' %
          REAL_RUNS)
    print('  ili9341+xpt2046: one touch reading per frame on the same bus, a polling transaction of 25 bytes at 2 MHz')
    print('  (100 us + 10 us): 0.36% of a 40 MHz frame, which the fps figures show.')
