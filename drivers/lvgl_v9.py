# lvgl_v9.py: the few lines that run the display drivers (pure mode) and the xpt2046 touch driver under real LVGL v9
# on an ESP32.
import lvgl as lv


def lvgl_v9_display(drv):
    """An LVGL v9 display on display driver `drv` (ili9341, st7789, ... made with hybrid=False, register=False),
    using its DMA buffers."""
    disp = lv.display_create(drv.width, drv.height)
    disp.set_color_format(lv.COLOR_FORMAT.RGB565)
    # Size in bytes in v9, of the RGB565 LVGL renders: a controller taking 3 bytes a pixel (ILI9488) gets its strips
    # widened in place by the driver's flush, so LVGL may fill only 2/3 of the buffer.
    disp.set_buffers(drv.buf1, drv.buf2, drv.buf_size * 2 // drv.BYTES_PER_PIXEL, lv.DISPLAY_RENDER_MODE.PARTIAL)

    def flush(disp, area, px_map):
        # v9 has no LV_COLOR_16_SWAP: put the pixels in wire order (big-endian RGB565) here.
        lv.draw_sw_rgb565_swap(px_map, (area.x2 - area.x1 + 1) * (area.y2 - area.y1 + 1))
        drv.flush(disp, area, px_map)  # the same window commands and DMA transaction as under the gui engine
    disp.set_flush_cb(flush)
    drv.flush_ready = lv.display_flush_ready      # called by the driver's completion handler with `disp`
    return disp


def lvgl_v9_indev(touch, disp=None):
    """An LVGL v9 pointer input device on xpt2046 `touch` (made with register=False): LVGL's indev timer calls
    touch.read(indev, data), which sets data.point and data.state (lv.INDEV_STATE values)."""
    indev = lv.indev_create()
    indev.set_type(lv.INDEV_TYPE.POINTER)
    if disp is not None:
        indev.set_display(disp)
    indev.set_read_cb(touch.read)
    return indev
