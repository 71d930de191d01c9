# demo_slider.py: the touch demo's scene: a slider drawn by cairo into an ARGB32 canvas, dragged by the pointer.
import cairo
import gui
from cairo_canvas import CairoCanvas

KNOB = 12      # radius
TRACK_H = 6


class Slider(CairoCanvas):
    """A title, a value line and a horizontal slider centred on a width x height screen (inside the circle of a round
    one); the knob follows the pointer while it is pressed on it or on the track."""

    def __init__(self, width, height, title):
        CairoCanvas.__init__(self, width, height)
        self.title = title
        self.x0, self.x1 = width // 5, width - width // 5   # the track
        self.y = height // 2
        self.value = 0                                      # 0..100
        self.dragging = False

    def _knob_x(self):
        return self.x0 + (self.x1 - self.x0) * self.value // 100

    def _band(self):
        return gui.area_t({'x1': 0, 'y1': self.y - KNOB - 1, 'x2': self.w - 1, 'y2': self.y + KNOB + 1})

    def _label_box(self):
        return gui.area_t({'x1': 0, 'y1': self.y + 2 * KNOB, 'x2': self.w - 1,
                           'y2': min(self.h - 1, self.y + 2 * KNOB + 22)})

    def _draw_slider(self):
        cr = self.cr
        self._fill((0.08, 0.1, 0.2), 0, self.y - KNOB - 1, self.w, 2 * KNOB + 3)
        self._fill((0.2, 0.8, 0.3), self.x0, self.y - TRACK_H // 2, self._knob_x() - self.x0, TRACK_H)
        self._fill((0.4, 0.4, 0.45), self._knob_x(), self.y - TRACK_H // 2, self.x1 - self._knob_x(), TRACK_H)
        cairo.set_source_rgb(cr, 1, 1, 1)
        cairo.arc(cr, self._knob_x(), self.y, KNOB, 0, 6.2832)
        cairo.fill(cr)
        b = self._label_box()
        self._fill((0.08, 0.1, 0.2), 0, b.y1, self.w, b.y2 - b.y1 + 1)
        cairo.set_source_rgb(cr, 1, 0.9, 0.2)
        cairo.set_font_size(cr, 16)
        cairo.move_to(cr, self.x0, b.y1 + 16)
        cairo.show_text(cr, 'value %d' % self.value)

    def draw_all(self):
        self._fill((0.08, 0.1, 0.2), 0, 0, self.w, self.h)
        cr = self.cr
        cairo.set_source_rgb(cr, 1, 1, 1)
        cairo.set_font_size(cr, min(14, self.w // 11))  # the title fits a 128-pixel screen too
        cairo.move_to(cr, self.w // 16, self.y - 3 * KNOB)
        cairo.show_text(cr, self.title)
        self._draw_slider()
        cairo.surface_flush(self.surface)

    def pointer(self, event, x, y):
        """Feeds a gui.indev_read event and the point; returns the areas that changed."""
        E = gui.INDEV_EVENT
        if event == E.PRESSED:
            self.dragging = abs(y - self.y) <= 2 * KNOB and self.x0 - KNOB <= x <= self.x1 + KNOB
        elif event == E.RELEASED:
            self.dragging = False
        if not self.dragging or event not in (E.PRESSED, E.PRESSING):
            return ()
        value = min(100, max(0, (x - self.x0) * 100 // (self.x1 - self.x0)))
        if value == self.value:
            return ()
        self.value = value
        self._draw_slider()
        cairo.surface_flush(self.surface)
        return (self._band(), self._label_box())
