# test_options.py: the constructor's panel options reach the panel: rotation and colour order (MADCTL), inversion,
# sleep out, display and backlight on, 16-bit pixels; the glass shows red where the canvas is red.
import espidf as esp
import espsim
import gui
import drvrig
import ili9341

state = espsim.ili9341_state_t()
for kw in ({}, {'rotation': 90, 'color_mode': ili9341.COLOR_MODE_RGB}, {'rotation': 180, 'invert': True},
           {'rotation': 270}):
    panel = drvrig.fresh()
    d = ili9341.ili9341(**kw)
    espsim.ili9341_get_state(panel, state)
    print(sorted(kw.items()), 'madctl 0x%02x' % state.madctl, 'inverted', state.inverted, 'awake', state.awake,
          'on', state.display_on, 'backlight', state.backlight_on, 'colmod 0x%02x' % state.colmod,
          'violations', espsim.ili9341_violation_total(panel))
    d.deinit()

# Colour order on the glass (BGR filter): pure red in the canvas lights the red channel only with COLOR_MODE_BGR.
for mode in (ili9341.COLOR_MODE_BGR, ili9341.COLOR_MODE_RGB):
    panel = drvrig.fresh()
    d = ili9341.ili9341(color_mode=mode)
    red = bytearray(b'\x00\xf8' * (d.width * d.height))  # RGB565 0xF800, native endian
    drvrig.show(d, red)
    gui.refresh(d.disp_drv)
    gui.disp_flush_wait(d.disp_drv)
    rgb = bytearray(3 * 240 * 320)
    espsim.ili9341_render_rgb888(panel, rgb)
    print('mode 0x%02x glass pixel' % mode, tuple(rgb[0:3]))
    d.deinit()
