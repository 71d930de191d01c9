# test_demo_scene.py: the demo's cairo scene through the hybrid driver: after partial and full refreshes the panel
# shows exactly the cairo canvas (so the scene invalidates every area it changes), with no violations.
import sys
sys.path.append((sys.path[0] or '.') + '/../../../examples')  # demo_scene.py lives with the demo
import cairo
import espsim
import gui
import drvrig
import sim_display
from ili9341 import ili9341
from demo_scene import Scene, FULL_EVERY


def canvas_rgb565(scene):
    """The canvas as the panel should store it: each ARGB32 pixel truncated to RGB565, native endian."""
    data = cairo.image_surface_get_data(scene.surface).__dereference__(scene.stride * scene.h)
    out = bytearray(2 * scene.w * scene.h)
    o = 0
    for y in range(scene.h):
        i = y * scene.stride
        for x in range(scene.w):
            b, g, r = data[i], data[i + 1], data[i + 2]  # little-endian 0xAARRGGBB
            v = ((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3)
            out[o] = v & 0xFF
            out[o + 1] = v >> 8
            i += 4
            o += 2
    return out


panel = drvrig.fresh()
d = ili9341(hybrid=True)
scene = Scene(d.width, d.height, 'test')
scene.attach(d.disp_drv)
run = sim_display.Run(d, scene.step, frames=FULL_EVERY + 7)  # a full change at 0 and 40, partial ones between
print('frames', run.frames, 'partial share < 1', run.full_frames < run.frames)
print('panel equals canvas', drvrig.panel_equals(panel, d, canvas_rgb565(scene)))
print('violations', espsim.ili9341_violation_total(panel), 'races', run.races)
d.deinit()
scene.close()
