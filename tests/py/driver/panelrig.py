# panelrig.py: shared set-up of the per-controller driver tests: a fresh simulated ESP32 with a panel module wired as
# the driver's defaults, and the check every controller passes (the glass shows the canvas, in every rotation and
# both modes, after a full and a partial refresh, with no violation and no DMA race).
import espidf as esp
import espsim
import gui
import drvrig
import display
import sim_display

CS, DC, RST, BL = drvrig.CS, drvrig.DC, drvrig.RST, drvrig.BL


def fresh(module, virtual=True, power=-1, power_active_low=0, backlight_active_low=0, seed=3):
    """Resets the simulation and attaches `module` (espsim.MODULE.*) as the driver's defaults wire it."""
    return sim_display.fresh_module(virtual, module, power_io_num=power, power_active_low=power_active_low,
                                    backlight_active_low=backlight_active_low, seed=seed)


def view_equals(panel, d, src):
    """What a viewer sees, the module turned to the driver's rotation, equals the canvas pixel for pixel."""
    back = bytearray(len(src))
    assert espsim.panel_read_view_rgb565(panel, d.rotation, back) == esp.ESP_OK
    return back == src


def modes():
    """hybrid, and pure where this build can run it."""
    return (True, False) if display.python_callbacks_supported() else (True,)


def check(cls, module, size=None, rotations=(0, 90, 180, 270)):
    """Prints a line per rotation and mode: full and partial refresh equal the canvas on the glass, violations (and
    the last one, if any), DMA races."""
    kw = {'width': size[0], 'height': size[1]} if size else {}
    canvases = {}
    for rotation in rotations:
        for hybrid in modes():
            panel = fresh(module)
            d = cls(hybrid=hybrid, rotation=rotation, **kw)
            key = (d.width, d.height)
            if key not in canvases:
                canvases[key] = drvrig.pattern(d.width, d.height, d.width)
            src = bytearray(canvases[key])
            drvrig.show(d, src)
            gui.refresh(d.disp_drv)
            gui.disp_flush_wait(d.disp_drv)
            full = view_equals(panel, d, src)
            # A partial update near the bottom right corner: the offsets matter most there.
            x1, y1 = d.width - 50, d.height - 30
            for y in range(y1, d.height):
                for x in range(x1, d.width):
                    src[2 * (y * d.width + x)] ^= 0x5A
            gui.disp_invalidate(d.disp_drv, gui.area_t({'x1': x1, 'y1': y1, 'x2': d.width - 1, 'y2': d.height - 1}))
            gui.refresh(d.disp_drv)
            gui.disp_flush_wait(d.disp_drv)
            part = view_equals(panel, d, src)
            st = espsim.panel_state_t()
            espsim.panel_get_state(panel, st)
            print(cls.NAME, '%dx%d' % (st.glass_width, st.glass_height), rotation, 'hybrid' if hybrid else 'pure',
                  'full', full, 'partial', part, 'violations', st.violations, 'races', espsim.dma_race_count())
            if st.violations:
                print('  last violation:', espsim.panel_last_violation(panel))
            d.deinit()
