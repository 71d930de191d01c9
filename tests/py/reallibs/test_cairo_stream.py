# test_cairo_stream.py: Debian's cairo (bindings/cairo) with Python stream callbacks (void * closure convention):
# cairo_surface_write_to_png_stream collects the PNG in Python, cairo_image_surface_create_from_png_stream reads one
# from Python. The PNG is checked against pixels computed here, decoded by another library (lodepng), and against
# the file cairo_surface_write_to_png writes.
import gc
try:
    import cairo
    import lodepng
except ImportError:  # libcairo2-dev or liblodepng-dev not installed: the module is left out of the build
    print('SKIP')
    raise SystemExit

W, H = 16, 12
SUCCESS = cairo.STATUS.SUCCESS
PNG_FILE = '/tmp/mpbind_test_cairo_stream.png'


def pixel(x, y):
    """The opaque colour of pixel (x, y) as (r, g, b)."""
    return (x * 16) & 255, (y * 21) & 255, ((x ^ y) * 8) & 255


def expected_bgra():
    """The pixels in cairo's ARGB32 layout on a little-endian machine: B, G, R, A bytes, rows without padding."""
    out = bytearray()
    for y in range(H):
        for x in range(W):
            r, g, b = pixel(x, y)
            out += bytes([b, g, r, 255])
    return bytes(out)


def surface_pixels(s):
    """The pixels of an ARGB32 image surface, rows without the stride's padding."""
    cairo.surface_flush(s)
    stride = cairo.image_surface_get_stride(s)
    data = cairo.image_surface_get_data(s).__dereference__(stride * cairo.image_surface_get_height(s))
    width = 4 * cairo.image_surface_get_width(s)
    return b''.join(bytes(data[y * stride:y * stride + width]) for y in range(cairo.image_surface_get_height(s)))


def make_surface():
    s = cairo.image_surface_create(cairo.FORMAT.ARGB32, W, H)
    stride = cairo.image_surface_get_stride(s)
    data = cairo.image_surface_get_data(s).__dereference__(stride * H)
    want = expected_bgra()
    for y in range(H):
        data[y * stride:y * stride + 4 * W] = want[y * 4 * W:(y + 1) * 4 * W]
    cairo.surface_mark_dirty(s)
    return s


surface = make_surface()
print('surface as computed:', surface_pixels(surface) == expected_bgra())

# Writing: the write function gets the closure given to the call back, and the data as a Blob of `length` bytes.
# It collects and allocates on every call: the callable and the surface survive.
chunks, closures = [], []
token = ['closure']


def collect(closure, data, length):
    closures.append(closure)
    chunks.append(bytes(data.__dereference__(length)))
    gc.collect()
    bytearray(10000)
    return SUCCESS


status = cairo.surface_write_to_png_stream(surface, collect, token)
png = b''.join(chunks)
print('write status:', status == SUCCESS, 'calls:', len(chunks) > 1, 'closure is the object given:',
      all(c is token for c in closures))
print('PNG signature:', png[:8] == b'\x89PNG\r\n\x1a\n', 'IHDR:', png[12:16],
      'size:', int.from_bytes(png[16:20], 'big'), int.from_bytes(png[20:24], 'big'), 'ends with IEND:',
      png[-8:-4] == b'IEND')

# Another decoder reads the same pixels back from the collected bytes.
rgba, w, h = lodepng.C_Pointer(), lodepng.C_Pointer(), lodepng.C_Pointer()
print('lodepng decode:', lodepng.decode32(rgba, w, h, png, len(png)), w.uint_val, h.uint_val)
decoded = bytes(rgba.ptr_val.__dereference__(W * H * 4))
lodepng.helper_free(rgba.ptr_val)
want_rgba = bytearray(expected_bgra())
for i in range(0, len(want_rgba), 4):
    want_rgba[i], want_rgba[i + 2] = want_rgba[i + 2], want_rgba[i]
print('lodepng pixels as computed:', decoded == bytes(want_rgba))

# The same surface written to a file decodes to the same pixels, and writing the stream again gives the same bytes.
print('file status:', cairo.surface_write_to_png(surface, PNG_FILE) == SUCCESS)
from_file = cairo.image_surface_create_from_png(PNG_FILE)
print('file pixels as computed:', cairo.surface_status(from_file) == SUCCESS and
      surface_pixels(from_file) == expected_bgra())
cairo.surface_destroy(from_file)
again = []
cairo.surface_write_to_png_stream(surface, lambda c, d, n: again.append(bytes(d.__dereference__(n))) or 0, None)
print('same bytes again:', b''.join(again) == png)

# Reading: the read function fills `length` bytes of the Blob cairo gives it from the collected PNG.
position = [0]
reads = []
reader = ['reader']


def feed(closure, data, length):
    reads.append(closure)
    start = position[0]
    if start + length > len(png):
        return cairo.STATUS.READ_ERROR
    data.__dereference__(length)[:] = png[start:start + length]
    position[0] = start + length
    return SUCCESS


back = cairo.image_surface_create_from_png_stream(feed, reader)
print('read status:', cairo.surface_status(back) == SUCCESS, 'all bytes read:', position[0] == len(png),
      'closure:', all(r is reader for r in reads))
print('read pixels as computed:', surface_pixels(back) == expected_bgra())
cairo.surface_destroy(back)

# A status returned by the callback is cairo's result: WRITE_ERROR from the write function, READ_ERROR on reading.
print('write error status:', cairo.surface_write_to_png_stream(surface, lambda c, d, n: cairo.STATUS.WRITE_ERROR,
                                                                 None) == cairo.STATUS.WRITE_ERROR)
bad = cairo.image_surface_create_from_png_stream(lambda c, d, n: cairo.STATUS.READ_ERROR, None)
print('read error status:', cairo.surface_status(bad) == cairo.STATUS.READ_ERROR)
cairo.surface_destroy(bad)


# A callback that raises: the very exception object is raised once cairo has returned; C never sees it unwind.
class StreamError(Exception):
    pass


failure = StreamError('disk full', 28)


def write_fails(closure, data, length):
    raise failure


try:
    cairo.surface_write_to_png_stream(surface, write_fails, None)
    print('no exception')
except StreamError as e:
    print('write raised after the call:', e.args, 'same object:', e is failure)


def read_fails(closure, data, length):
    raise failure


try:
    cairo.image_surface_create_from_png_stream(read_fails, None)
    print('no exception')
except StreamError as e:
    print('read raised after the call:', e.args, 'same object:', e is failure)

# Nothing is left pending, and the surface still writes the same PNG.
again = []
print('after the failures:', cairo.surface_write_to_png_stream(
    surface, lambda c, d, n: again.append(bytes(d.__dereference__(n))) or SUCCESS, None) == SUCCESS,
    b''.join(again) == png)
cairo.surface_destroy(surface)
