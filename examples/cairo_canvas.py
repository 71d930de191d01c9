# cairo_canvas.py: a cairo ARGB32 image surface that the gui engine refreshes a display from (the demo's scenes).
import cairo
import gui


class CairoCanvas:
    def __init__(self, width, height):
        self.w, self.h = width, height
        self.surface = cairo.image_surface_create(cairo.FORMAT.ARGB32, width, height)
        self.stride = cairo.image_surface_get_stride(self.surface)
        self.cr = cairo.create(self.surface)
        cairo.select_font_face(self.cr, 'sans', cairo.FONT_SLANT.NORMAL, cairo.FONT_WEIGHT.BOLD)

    def close(self):
        """Frees the cairo context and surface (C memory the GC does not own); the canvas is unusable after."""
        cairo.destroy(self.cr)
        cairo.surface_destroy(self.surface)
        self.cr = self.surface = None

    def attach(self, drv):
        """Registers the surface as the engine's canvas (keep this object alive as long as drv uses it)."""
        data = cairo.image_surface_get_data(self.surface)
        res = gui.disp_set_source(drv, data, self.stride * self.h, self.w, self.h, self.stride, gui.SRC.ARGB32)
        if res != gui.RES.OK:
            raise RuntimeError('gui.disp_set_source: ' + gui.res_str(res))

    def _fill(self, rgb, x, y, w, h):
        cairo.set_source_rgb(self.cr, rgb[0], rgb[1], rgb[2])
        cairo.rectangle(self.cr, x, y, w, h)
        cairo.fill(self.cr)
