# rgb666_viper.py: RGB565 to RGB666 widening for 18-bit panels, compiled by MicroPython's viper emitter. Its own
# module: an interpreter without viper fails to compile it (SyntaxError), and display_pure.py then uses
# the C widening of the hybrid flush.
import micropython


@micropython.viper
def rgb565_to_rgb666(buf, n: int):
    """Widens n RGB565 pixels (wire order) at the start of buf into 3-byte RGB666 in place, from the last pixel
    down (pixel i moves from byte 2i to 3i: never over one still to be read). Each 6-bit field is in the top bits
    of its byte; a 5-bit field gets its MSB as sixth bit, as controllers widen 16-bit input."""
    p = ptr8(buf)
    i = n - 1
    while i >= 0:
        hi = p[2 * i]
        lo = p[2 * i + 1]
        r = hi >> 3
        b = lo & 31
        p[3 * i] = ((r << 1) | (r >> 4)) << 2
        p[3 * i + 1] = (((hi & 7) << 3) | (lo >> 5)) << 2
        p[3 * i + 2] = ((b << 1) | (b >> 4)) << 2
        i -= 1
