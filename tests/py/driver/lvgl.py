# lvgl.py: a stand-in for LVGL v9's display API (the names lvgl_v9.py uses), just enough to drive a flush.
import espsim


class COLOR_FORMAT:
    RGB565 = 0x12


class DISPLAY_RENDER_MODE:
    PARTIAL = 0


class area_t:
    def __init__(self, x1, y1, x2, y2):
        self.x1, self.y1, self.x2, self.y2 = x1, y1, x2, y2


class display_t:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.flushing = False
        self.last = False
        self.ready_in_isr = -1  # where the last display_flush_ready came from

    def set_color_format(self, fmt):
        self.fmt = fmt

    def set_buffers(self, buf1, buf2, size_bytes, mode):
        self.bufs, self.size = (buf1, buf2), size_bytes

    def set_flush_cb(self, cb):
        self.flush_cb = cb


def display_create(w, h):
    return display_t(w, h)


def display_flush_ready(disp):
    disp.ready_in_isr = espsim.in_isr()  # an existing attribute: no allocation, callable from an interrupt
    disp.flushing = False


def display_flush_is_last(disp):
    return disp.last


def draw_sw_rgb565_swap(px_map, n):
    v = px_map.__dereference__(2 * n)
    for i in range(0, 2 * n, 2):
        v[i], v[i + 1] = v[i + 1], v[i]


# The input device API lvgl_v9.py uses, and what LVGL's indev timer does with it (read).
class INDEV_TYPE:
    POINTER = 1


class INDEV_STATE:
    RELEASED = 0
    PRESSED = 1


class point_t:
    def __init__(self):
        self.x = self.y = 0


class indev_data_t:
    def __init__(self):
        self.point = point_t()
        self.state = INDEV_STATE.RELEASED


class indev_t:
    def __init__(self):
        self.type = None
        self.disp = None
        self.data = indev_data_t()  # LVGL keeps the last reading and hands it to read_cb again

    def set_type(self, t):
        self.type = t

    def set_display(self, disp):
        self.disp = disp

    def set_read_cb(self, cb):
        self.read_cb = cb

    def read(self):
        self.read_cb(self, self.data)
        return self.data


def indev_create():
    return indev_t()
