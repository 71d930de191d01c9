# sim_display.py: host-simulation helpers for the demo and the bench: a fresh ESP32 with a panel (and a touch film),
# and one timed run.
import time
import espidf as esp
import espsim
import gui
import spi_bus

FRAME_BITS = 240 * 320 * 16  # one full ILI9341 frame on the wire


def _reset(virtual):
    espsim.reset()
    spi_bus.forget_all()  # the reset freed every bus under the drivers
    esp.esp_log_level_set('*', esp.ESP_LOG.NONE)
    espsim.set_time_mode(espsim.TIME.VIRTUAL if virtual else espsim.TIME.REAL)


def _attached(what, ret, p):
    if ret != esp.ESP_OK:
        raise RuntimeError('espsim.%s: %s' % (what, esp.esp_err_to_name(ret)))
    return p.ptr_val


def fresh(virtual, cs=13, dc=12, rst=4, backlight=2, host=esp.HSPI_HOST):
    """Resets the simulation (virtual or real time) and wires an ILI9341 as the driver's defaults; returns it."""
    _reset(virtual)
    cfg = espsim.ili9341_config_t({'host': host, 'cs_io_num': cs, 'dc_io_num': dc, 'reset_io_num': rst,
                                   'backlight_io_num': backlight, 'seed': 1})
    p = esp.C_Pointer()
    return _attached('ili9341_attach', espsim.ili9341_attach(cfg, p), p)


def fresh_module(virtual, module, **wiring):
    """Resets the simulation and wires panel module `module` (espsim.MODULE.*) as the drivers' defaults; `wiring`
    overrides fields of espsim.panel_config_t (power_io_num, backlight_active_low, seed, ...). Returns the panel."""
    _reset(virtual)
    fields = {'module': module, 'host': esp.HSPI_HOST, 'cs_io_num': 13, 'dc_io_num': 12, 'reset_io_num': 4,
              'backlight_io_num': 2, 'power_io_num': -1, 'seed': 1}
    fields.update(wiring)
    cfg = espsim.panel_config_t(fields)
    p = esp.C_Pointer()
    return _attached('panel_attach', espsim.panel_attach(cfg, p), p)


def attach_film(width, height, cs=25, noise=12, host=esp.HSPI_HOST):
    """An XPT2046 on the same bus (its own CS) under a film over a width x height glass; returns it."""
    cfg = espsim.xpt2046_config_t({'host': host, 'cs_io_num': cs, 'width': width, 'height': height, 'noise': noise,
                                   'seed': 1})
    p = esp.C_Pointer()
    return _attached('xpt2046_attach', espsim.xpt2046_attach(cfg, p), p)


def actual_hz(mhz):
    return esp.spi_get_actual_clock(80000000, mhz * 1000000, 128)


def full_screen(frame):
    """A step for Run: the whole screen every frame (the canvas stays as it is)."""
    return (None,)


def ceiling_fps(mhz, frame_bits=FRAME_BITS):
    """Full-screen frames per second the bus could carry at this clock (pixel bits / actual clock)."""
    return actual_hz(mhz) / frame_bits


class Run:
    """Runs step(frame) -> list of dirty areas (None: the whole screen) then gui.refresh, for `seconds` of
    simulated time (real time in real mode) or `frames` frames, and keeps the figures of the run."""

    def __init__(self, d, step, seconds=None, frames=None, host=esp.HSPI_HOST):
        drv = d.disp_drv
        gui.disp_stats_reset(drv)
        espsim.spi_reset_stats()
        draw_us = 0
        n = 0
        t0 = espsim.now_ns()
        end = t0 + int(seconds * 1e9) if seconds else None
        while (espsim.now_ns() < end) if end else (n < frames):
            t = time.ticks_us()
            areas = step(n)
            draw_us += time.ticks_diff(time.ticks_us(), t)
            for a in areas:
                gui.disp_invalidate(drv, a)
            gui.refresh(drv)
            n += 1
        gui.disp_flush_wait(drv)
        self.elapsed_ns = espsim.now_ns() - t0
        st = espsim.spi_stats_t()
        espsim.spi_get_stats(host, st)
        s = drv.stats
        self.frames = s.frames
        self.pixels = s.pixels
        self.busy_ns = st.busy_ns
        self.races = st.dma_races
        self.fps = s.frames * 1e9 / self.elapsed_ns
        self.bus_share = st.busy_ns / self.elapsed_ns
        self.flush_us = s.flush_us / max(1, s.frames)          # CPU inside flush_cb per frame
        self.render_us = (draw_us + s.render_us) / max(1, n)    # drawing the scene + converting into buffers
        self.full_frames = s.pixels / (drv.hor_res * drv.ver_res)
