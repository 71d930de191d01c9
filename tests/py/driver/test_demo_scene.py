# test_demo_scene.py: the demo's cairo scene through the driver in both modes: after partial and full refreshes the
# panel shows exactly the cairo canvas (so the scene invalidates every area it changes), with no violations; and the
# canvas, drawn incrementally, equals a full redraw of its last frame (so the partial redraws leave no trace).
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


def canvas_bytes(scene):
    return bytes(cairo.image_surface_get_data(scene.surface).__dereference__(scene.stride * scene.h))


def full_redraw(scene, frame):
    """A new scene in the state `scene` reached, with frame `frame` drawn from scratch."""
    ref = Scene(scene.w, scene.h, scene.title)
    ref.bg, ref.x, ref.y = scene.bg, scene.x, scene.y
    ref._draw_background()
    ref._draw_ball()
    ref._draw_status(frame)
    cairo.surface_flush(ref.surface)
    data = canvas_bytes(ref)
    ref.close()
    return data


for hybrid in (True, False):
    panel = drvrig.fresh()
    d = ili9341(hybrid=hybrid)
    scene = Scene(d.width, d.height, 'test')
    scene.attach(d.disp_drv)
    # Frames 0..39 (a full change at 0, then partial ones: the ball crosses the text), then 40..46 (a full change
    # at 40, partial ones), each checked at its end.
    for first, frames in ((0, FULL_EVERY), (FULL_EVERY, 7)):
        run = sim_display.Run(d, lambda n: scene.step(first + n), frames=frames)
        last = first + frames - 1
        print('hybrid' if hybrid else 'pure', 'frames', first, '..', last, 'partial share < 1',
              run.full_frames < run.frames, 'panel equals canvas',
              drvrig.panel_equals(panel, d, canvas_rgb565(scene)), 'canvas equals a full redraw',
              canvas_bytes(scene) == full_redraw(scene, last), 'violations', espsim.ili9341_violation_total(panel),
              'races', run.races)
    d.deinit()
    scene.close()
