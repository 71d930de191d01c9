# demo_scene.py: the demo's animated scene, drawn by cairo into an ARGB32 canvas the GUI engine refreshes from.
import cairo
import gui
from cairo_canvas import CairoCanvas

BACKGROUNDS = ((0.05, 0.10, 0.30), (0.30, 0.05, 0.10), (0.05, 0.25, 0.10), (0.25, 0.20, 0.05))
BALL = 18          # radius
TEXT_H = 28        # height of the status line at the top
FULL_EVERY = 40    # a full-screen change every this many frames


def _area(x1, y1, x2, y2):
    return gui.area_t({'x1': x1, 'y1': y1, 'x2': x2, 'y2': y2})


class Scene(CairoCanvas):
    def __init__(self, width, height, title):
        CairoCanvas.__init__(self, width, height)
        self.title = title
        self.x, self.y, self.vx, self.vy = 40, 80, 7, 5
        self.bg = BACKGROUNDS[0]

    def _ball_box(self):
        return (max(0, self.x - BALL - 1), max(TEXT_H, self.y - BALL - 1),
                min(self.w - 1, self.x + BALL + 1), min(self.h - 1, self.y + BALL + 1))

    def _draw_background(self):
        self._fill(self.bg, 0, 0, self.w, self.h)
        cr = self.cr
        cairo.set_source_rgb(cr, 1, 1, 1)
        cairo.set_font_size(cr, 30)
        cairo.move_to(cr, 16, self.h // 2)
        cairo.show_text(cr, 'mpbind')
        cairo.set_font_size(cr, 16)
        cairo.move_to(cr, 16, self.h // 2 + 26)
        cairo.show_text(cr, 'ILI9341 + MicroPython')
        for i in range(8):  # colour bars: red, green, blue must come out right on the glass
            c = ((1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (0, 1, 1), (1, 0, 1), (1, 1, 1), (0.5, 0.5, 0.5))[i]
            self._fill(c, i * self.w // 8, self.h - 24, self.w // 8, 24)

    def _draw_status(self, frame):
        self._fill((0, 0, 0), 0, 0, self.w, TEXT_H)
        cr = self.cr
        cairo.set_source_rgb(cr, 1, 0.9, 0.2)
        cairo.set_font_size(cr, 18)
        cairo.move_to(cr, 6, 20)
        cairo.show_text(cr, '%s  frame %d' % (self.title, frame))

    def _draw_ball(self):
        cr = self.cr
        cairo.set_source_rgb(cr, 1, 0.55, 0)
        cairo.arc(cr, self.x, self.y, BALL, 0, 6.2832)
        cairo.fill(cr)

    def step(self, frame):
        """Draws frame `frame`; returns the areas it changed (None: all of the screen)."""
        if frame % FULL_EVERY == 0:
            self.bg = BACKGROUNDS[(frame // FULL_EVERY) % len(BACKGROUNDS)]
            self._draw_background()
            self._draw_ball()
            self._draw_status(frame)
            cairo.surface_flush(self.surface)
            return (None,)
        old = self._ball_box()
        # Erase the ball by redrawing the background (text and bars included) clipped to where it was.
        cairo.save(self.cr)
        cairo.rectangle(self.cr, old[0], old[1], old[2] - old[0] + 1, old[3] - old[1] + 1)
        cairo.clip(self.cr)
        self._draw_background()
        cairo.restore(self.cr)
        self.x += self.vx
        self.y += self.vy
        if not BALL <= self.x < self.w - BALL:
            self.vx = -self.vx
            self.x += 2 * self.vx
        if not TEXT_H + BALL <= self.y < self.h - 24 - BALL:
            self.vy = -self.vy
            self.y += 2 * self.vy
        self._draw_ball()
        self._draw_status(frame)
        cairo.surface_flush(self.surface)
        new = self._ball_box()
        return (_area(*old), _area(*new), _area(0, 0, self.w - 1, TEXT_H - 1))
