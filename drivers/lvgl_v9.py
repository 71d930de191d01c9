# lvgl_v9.py: the few lines that run the ili9341 driver (pure mode) under real LVGL v9 on an ESP32.
import lvgl as lv


def lvgl_v9_display(drv):
    """An LVGL v9 display on ili9341 `drv` (made with hybrid=False, register=False), using its DMA buffers."""
    disp = lv.display_create(drv.width, drv.height)
    disp.set_color_format(lv.COLOR_FORMAT.RGB565)
    disp.set_buffers(drv.buf1, drv.buf2, drv.buf_size, lv.DISPLAY_RENDER_MODE.PARTIAL)  # size in bytes in v9

    def flush(disp, area, px_map):
        # v9 has no LV_COLOR_16_SWAP: put the pixels in wire order (big-endian RGB565) here.
        lv.draw_sw_rgb565_swap(px_map, (area.x2 - area.x1 + 1) * (area.y2 - area.y1 + 1))
        drv.flush(disp, area, px_map)  # the same window commands and DMA transaction as under the gui engine
    disp.set_flush_cb(flush)
    drv.flush_ready = lv.display_flush_ready      # called by the driver's completion handler with `disp`
    return disp
