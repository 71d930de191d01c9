# drvrig.py: shared set-up of the driver tests: a fresh simulated ESP32 with an ILI9341 wired as the driver's defaults.
import espidf as esp
import espsim
import gui
import spi_bus

CS, DC, RST, BL = 13, 12, 4, 2


def fresh(virtual=True):
    espsim.reset()
    spi_bus.forget_all()  # the reset freed every bus under the drivers
    # The C flush caches the window it last sent to the panel (drivers/README.md); a new panel has none yet.
    esp.panel_forget_window()
    esp.esp_log_level_set('*', esp.ESP_LOG.NONE)  # tests read error codes; log lines would race with print
    mode = espsim.TIME.VIRTUAL if virtual else espsim.TIME.REAL
    assert espsim.set_time_mode(mode) == esp.ESP_OK
    return attach()


def attach():
    """A new panel on the driver's default pins (power-on state: asleep, random GRAM)."""
    cfg = espsim.ili9341_config_t({'host': esp.HSPI_HOST, 'cs_io_num': CS, 'dc_io_num': DC,
                                   'reset_io_num': RST, 'backlight_io_num': BL, 'seed': 3})
    p = esp.C_Pointer()
    assert espsim.ili9341_attach(cfg, p) == esp.ESP_OK
    esp.ili9341_forget_window()
    return p.ptr_val


def pattern(w, h, salt):
    """An RGB565 canvas (native-endian uint16) where neighbouring pixels differ: a swapped axis shows up."""
    src = bytearray(2 * w * h)
    i = 0
    for y in range(h):
        v = (y * 1031 + salt) & 0xFFFF
        for x in range(w):
            src[i] = v & 0xFF
            src[i + 1] = v >> 8
            v = (v + 37) & 0xFFFF
            i += 2
    return src


def show(d, src):
    """Registers src (RGB565, the driver's width x height) as the GUI's canvas. The tests check what is drawn, not
    how fast: a loaded machine (sanitizers, tests in parallel) can stall the simulation's threads for longer than the
    engine's 1 s wait, so a real-time run waits up to 30 s for flush-ready before it reports a timeout."""
    d.disp_drv.wait_timeout_us = 30000000
    res = gui.disp_set_source(d.disp_drv, src, len(src), d.width, d.height, 2 * d.width, gui.SRC.RGB565)
    assert res == gui.RES.OK, gui.res_str(res)


def panel_equals(panel, d, src):
    """The panel's pixels, read through its current MADCTL, equal the canvas byte for byte."""
    back = bytearray(len(src))
    assert espsim.ili9341_read_logical_rgb565(panel, 0, 0, d.width, d.height, back) == esp.ESP_OK
    return back == src


def draw_twice(d, panel, src, x1, y1, x2, y2):
    """Refreshes the whole canvas src, then changes the rectangle x1..x2, y1..y2 in it and refreshes only that.
    Returns the first refresh's result and whether the panel equals the canvas after each refresh."""
    res = gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    full = panel_equals(panel, d, src)
    for y in range(y1, y2 + 1):
        for x in range(x1, x2 + 1):
            src[2 * (y * d.width + x)] ^= 0xA5
    gui.disp_invalidate(d.disp_drv, gui.area_t({'x1': x1, 'y1': y1, 'x2': x2, 'y2': y2}))
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    return res, full, panel_equals(panel, d, src)
