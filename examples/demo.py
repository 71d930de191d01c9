# demo.py: the showcase: an animated cairo scene on the simulated ESP32 + ILI9341, pure then hybrid, at 40 MHz; then
# each controller with an XPT2046 on the same bus, a slider dragged by a scripted finger while the panel refreshes.
# Usage: micropython examples/demo.py [OUT_DIR]   (MICROPYPATH=drivers; PNG snapshots go to OUT_DIR, default out/)
import sys
import espsim
import ili9341
import sim_display
from demo_scene import Scene, FULL_EVERY
from demo_touch import run_touch_demos

MHZ = 40
SECONDS = 3  # per mode, real time


def run_mode(hybrid, out_dir):
    panel = sim_display.fresh(virtual=False)  # real time: the bus takes as long as on the chip
    d = ili9341.ili9341(mhz=MHZ, hybrid=hybrid)
    name = 'hybrid' if hybrid else 'pure'
    scene = Scene(d.width, d.height, name)
    scene.attach(d.disp_drv)
    run = sim_display.Run(d, scene.step, SECONDS)
    png = '%s/demo_%s.png' % (out_dir, name)
    png_ok = espsim.ili9341_write_png(panel, png) == 0
    violations = espsim.ili9341_violation_total(panel)
    last = espsim.ili9341_last_violation(panel)
    d.deinit()
    scene.close()
    return name, run, (png if png_ok else None), violations, last


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else 'out'
    modes = [True]
    if ili9341.python_callbacks_supported():
        modes.insert(0, False)
    else:
        print('pure mode: skipped (this mpbind build cannot store Python callables in C callback slots yet)')
    rows = [run_mode(h, out_dir) for h in modes]

    ceiling = sim_display.ceiling_fps(MHZ)
    print('%-7s %8s %7s %7s %9s %13s %14s %9s %10s' % ('mode', 'SPI MHz', 'frames', 'fps', 'bus busy',
                                                        'flush us/fr', 'render us/fr', 'full fr', 'ceiling'))
    bad = 0
    for name, r, png, violations, last in rows:
        print('%-7s %8.2f %7d %7.1f %8.1f%% %13.0f %14.0f %9.1f %7.1f fps' % (
            name, sim_display.actual_hz(MHZ) / 1e6, r.frames, r.fps, 100 * r.bus_share, r.flush_us,
            r.render_us, r.full_frames, ceiling))
        print('        panel violations: %d%s; DMA races: %d; snapshot: %s' % (
            violations, (' (' + last + ')') if violations else '', r.races,
            png or 'NOT written: create the folder first (mkdir -p %s)' % out_dir))
        bad += violations + r.races + (0 if png else 1)
    print('frames: refreshes (mostly partial: the ball and the status line; a full screen every %d frames);'
          % FULL_EVERY)
    print('full fr: pixels sent / 240x320; bus busy: share of the run the SPI bus was busy (bits + per-transaction')
    print('cost); flush us/fr: time inside flush_cb per frame (includes the polling transmits of the window')
    print('commands); render us/fr: cairo drawing + conversion into the DMA buffers; ceiling: full-screen frames')
    print('per second at the actual SPI clock (pixel bits / clock)')
    print()
    bad += run_touch_demos(out_dir, MHZ)
    if bad:
        print('demo: FAILED (panel violations, DMA races or a snapshot not written, above)')
        sys.exit(1)


main()
