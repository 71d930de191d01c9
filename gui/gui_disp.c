// gui_disp.c: setting up buffers, drivers and the source canvas; invalidation; the interrupt-safe flush_ready.
#include "gui_private.h"

#include <stddef.h>
#include <string.h>

void gui_disp_buf_init(gui_disp_buf_t *disp_buf, void *buf1, void *buf2, uint32_t size_in_px) {
    if (disp_buf == NULL) {
        return;
    }
    memset(disp_buf, 0, sizeof(*disp_buf));
    disp_buf->buf1 = buf1;
    disp_buf->buf2 = buf2;
    disp_buf->buf_act = buf1;
    disp_buf->size = size_in_px;
}

void gui_disp_drv_init(gui_disp_drv_t *drv) {
    if (drv == NULL) {
        return;
    }
    memset(drv, 0, sizeof(*drv));
    drv->wait_timeout_us = GUI_DEFAULT_WAIT_TIMEOUT_US;
}

static int resolution_ok(const gui_disp_drv_t *drv) {
    return drv->hor_res >= 1 && drv->hor_res <= GUI_MAX_RES && drv->ver_res >= 1 && drv->ver_res <= GUI_MAX_RES;
}

int gui_disp_check(const gui_disp_drv_t *drv) {
    if (drv == NULL || !resolution_ok(drv)) {
        return GUI_RES_INVALID_ARG;
    }
    if (drv->buffer == NULL || drv->buffer->buf1 == NULL || drv->buffer->size == 0) {
        return GUI_RES_NO_BUFFER;
    }
    if (drv->flush_cb == NULL) {
        return GUI_RES_NO_FLUSH_CB;
    }
    return GUI_RES_OK;
}

int gui_disp_drv_register(gui_disp_drv_t *drv) {
    int res = gui_disp_check(drv);
    if (res != GUI_RES_OK) {
        return res;
    }
    if (drv->buffer->buf_act != drv->buffer->buf1 && drv->buffer->buf_act != drv->buffer->buf2) {
        drv->buffer->buf_act = drv->buffer->buf1; // fields set by hand rather than by gui_disp_buf_init
    }
    drv->registered = 1;
    drv->inv_count = 0;
    return gui_disp_invalidate(drv, NULL);
}

static uint32_t bytes_per_pixel(int32_t format) {
    return format == GUI_SRC_ARGB32 ? 4u : 2u;
}

int gui_disp_set_source(gui_disp_drv_t *drv, const void *data, uint32_t size_bytes, int32_t width, int32_t height,
                        int32_t stride_bytes, int32_t format) {
    if (drv == NULL || data == NULL || (format != GUI_SRC_ARGB32 && format != GUI_SRC_RGB565)) {
        return GUI_RES_INVALID_ARG;
    }
    if (width < 1 || width > GUI_MAX_RES || height < 1 || height > GUI_MAX_RES) {
        return GUI_RES_INVALID_ARG;
    }
    uint32_t bpp = bytes_per_pixel(format);
    uint64_t row_bytes = (uint64_t)width * bpp;
    if (stride_bytes < 0 || (uint64_t)stride_bytes < row_bytes || (uint32_t)stride_bytes % bpp != 0) {
        return GUI_RES_INVALID_ARG;
    }
    // The pixels are read as uint32_t/uint16_t: the start must be aligned for that.
    if ((uintptr_t)data % bpp != 0) {
        return GUI_RES_INVALID_ARG;
    }
    if ((uint64_t)stride_bytes * (uint64_t)(height - 1) + row_bytes > size_bytes) {
        return GUI_RES_INVALID_ARG;
    }
    drv->source.data = data;
    drv->source.size = size_bytes;
    drv->source.width = width;
    drv->source.height = height;
    drv->source.stride = stride_bytes;
    drv->source.format = format;
    return GUI_RES_OK;
}

int gui_disp_invalidate(gui_disp_drv_t *drv, const gui_area_t *area) {
    if (drv == NULL || !resolution_ok(drv)) {
        return GUI_RES_INVALID_ARG;
    }
    gui_area_t screen = {0, 0, drv->hor_res - 1, drv->ver_res - 1};
    gui_area_t clipped;
    if (area == NULL) {
        clipped = screen;
    } else if (area->x1 > area->x2 || area->y1 > area->y2) {
        return GUI_RES_INVALID_ARG;
    } else if (!gui_area_intersect(&clipped, area, &screen)) {
        return GUI_RES_OK; // entirely off-screen: nothing to refresh
    }
    for (uint32_t i = 0; i < drv->inv_count; i++) {
        if (gui_area_contains(&drv->inv_areas[i], &clipped)) {
            return GUI_RES_OK;
        }
    }
    if (drv->inv_count >= GUI_INV_AREAS_MAX) {
        // Too many to track (LVGL does the same): one full-screen area covers them all.
        drv->inv_areas[0] = screen;
        drv->inv_count = 1;
        return GUI_RES_OK;
    }
    drv->inv_areas[drv->inv_count++] = clipped;
    return GUI_RES_OK;
}

// No allocation, no lock, no call out: safe from an interrupt handler or another thread.
void gui_disp_flush_ready(gui_disp_drv_t *drv) {
    if (drv == NULL || drv->buffer == NULL) {
        return;
    }
    GUI_FLAG_STORE(&drv->buffer->flushing_last, 0);
    GUI_FLAG_STORE(&drv->buffer->flushing, 0);
}

int gui_disp_flush_is_last(gui_disp_drv_t *drv) {
    if (drv == NULL || drv->buffer == NULL) {
        return 0;
    }
    return GUI_FLAG_LOAD(&drv->buffer->flushing_last);
}

void gui_disp_stats_reset(gui_disp_drv_t *drv) {
    if (drv != NULL) {
        memset(&drv->stats, 0, sizeof(drv->stats));
    }
}

const char *gui_res_str(int res) {
    switch (res) {
    case GUI_RES_OK:
        return "GUI_RES_OK";
    case GUI_RES_INVALID_ARG:
        return "GUI_RES_INVALID_ARG";
    case GUI_RES_NOT_REGISTERED:
        return "GUI_RES_NOT_REGISTERED";
    case GUI_RES_NO_BUFFER:
        return "GUI_RES_NO_BUFFER";
    case GUI_RES_NO_FLUSH_CB:
        return "GUI_RES_NO_FLUSH_CB";
    case GUI_RES_NO_SOURCE:
        return "GUI_RES_NO_SOURCE";
    case GUI_RES_TIMEOUT:
        return "GUI_RES_TIMEOUT";
    case GUI_RES_BUSY:
        return "GUI_RES_BUSY";
    case GUI_RES_NO_READ_CB:
        return "GUI_RES_NO_READ_CB";
    default:
        return "unknown";
    }
}
