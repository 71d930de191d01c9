// gui_refresh.c: gui_refresh: invalidated areas rendered in strips into the free draw buffer and flushed.
#include "gui_private.h"

#include <stddef.h>

// Times and counts of one refresh, added to the driver's statistics when it completes.
typedef struct {
    uint32_t strips;
    uint32_t px;
    uint32_t render_us;
    uint32_t wait_us;
    uint32_t flush_us;
} refresh_acc_t;

// Wait until the buffer on the bus (if any) has been taken by the panel.
static int wait_flushed(gui_disp_drv_t *drv, uint32_t *waited_us) {
    volatile int *flushing = &drv->buffer->flushing;
    if (!GUI_FLAG_LOAD(flushing)) {
        return GUI_RES_OK;
    }
    uint32_t start = gui_now_us(drv);
    while (GUI_FLAG_LOAD(flushing)) {
        if (drv->wait_cb != NULL) {
            drv->wait_cb(drv);
        }
        if (drv->wait_timeout_us != 0 && gui_now_us(drv) - start > drv->wait_timeout_us) {
            drv->stats.timeouts++;
            return GUI_RES_TIMEOUT;
        }
    }
    *waited_us += gui_now_us(drv) - start;
    return GUI_RES_OK;
}

// Render one strip into the free buffer and hand it to flush_cb. Single buffering waits before rendering (the only
// buffer may still be on the bus); double buffering renders first, then waits for the other buffer's flush, so the
// rendering overlaps the transfer. Either way at most one buffer is on the bus, and never the one being rendered.
static int flush_strip(gui_disp_drv_t *drv, const gui_area_t *strip, int last, refresh_acc_t *acc) {
    gui_disp_buf_t *buf = drv->buffer;
    int two = buf->buf2 != NULL;
    int res;
    if (!two && (res = wait_flushed(drv, &acc->wait_us)) != GUI_RES_OK) {
        return res;
    }
    gui_color_t *px = (gui_color_t *)buf->buf_act;
    uint32_t t0 = gui_now_us(drv);
    gui_render_strip(&drv->source, strip, px);
    acc->render_us += gui_now_us(drv) - t0;
    if (two && (res = wait_flushed(drv, &acc->wait_us)) != GUI_RES_OK) {
        return res;
    }
    GUI_FLAG_STORE(&buf->flushing_last, last);
    GUI_FLAG_STORE(&buf->flushing, 1); // before flush_cb: it may call flush_ready at once
    uint32_t t1 = gui_now_us(drv);
    drv->flush_cb(drv, strip, px);
    acc->flush_us += gui_now_us(drv) - t1;
    if (two) {
        buf->buf_act = buf->buf_act == buf->buf1 ? buf->buf2 : buf->buf1;
    }
    acc->strips++;
    acc->px += gui_area_size(strip);
    return GUI_RES_OK;
}

// Cut an area into strips that fit a buffer: whole rows when a row fits, else pieces of one row.
static int refresh_area(gui_disp_drv_t *drv, const gui_area_t *area, int last_area, refresh_acc_t *acc) {
    uint32_t w = gui_area_width(area);
    uint32_t strip_w = w < drv->buffer->size ? w : drv->buffer->size;
    uint32_t rows = drv->buffer->size / strip_w;
    rows = rows < gui_area_height(area) ? rows : gui_area_height(area);
    for (int32_t y = area->y1; y <= area->y2; y += (int32_t)rows) {
        for (int32_t x = area->x1; x <= area->x2; x += (int32_t)strip_w) {
            gui_area_t strip = {x, y, x + (int32_t)strip_w - 1, y + (int32_t)rows - 1};
            strip.x2 = strip.x2 < area->x2 ? strip.x2 : area->x2;
            strip.y2 = strip.y2 < area->y2 ? strip.y2 : area->y2;
            int last = last_area && strip.x2 == area->x2 && strip.y2 == area->y2;
            int res = flush_strip(drv, &strip, last, acc);
            if (res != GUI_RES_OK) {
                return res;
            }
        }
    }
    return GUI_RES_OK;
}

static void add_stats(gui_disp_stats_t *s, const refresh_acc_t *acc, uint32_t refresh_us) {
    s->frames++;
    s->strips += acc->strips;
    s->pixels += acc->px;
    s->refresh_us += refresh_us;
    s->render_us += acc->render_us;
    s->wait_us += acc->wait_us;
    s->flush_us += acc->flush_us;
    s->last_px = acc->px;
    s->last_strips = acc->strips;
    s->last_refresh_us = refresh_us;
    s->last_render_us = acc->render_us;
    s->last_wait_us = acc->wait_us;
    s->last_flush_us = acc->flush_us;
}

static int refresh_now(gui_disp_drv_t *drv) {
    int res = gui_disp_check(drv);
    if (res != GUI_RES_OK) {
        return res;
    }
    if (!gui_source_covers(&drv->source, drv->hor_res, drv->ver_res)) {
        return GUI_RES_NO_SOURCE;
    }
    if (drv->inv_count == 0) {
        return GUI_RES_OK;
    }
    uint32_t start = gui_now_us(drv);
    // Take the list: callbacks (flush_cb, wait_cb running scheduled code) may invalidate for the next refresh.
    gui_area_t areas[GUI_INV_AREAS_MAX];
    uint32_t count = drv->inv_count;
    for (uint32_t i = 0; i < count; i++) {
        areas[i] = drv->inv_areas[i];
    }
    drv->inv_count = 0;
    count = gui_area_join(areas, count);

    refresh_acc_t acc = {0, 0, 0, 0, 0};
    for (uint32_t i = 0; i < count; i++) {
        res = refresh_area(drv, &areas[i], i + 1 == count, &acc);
        if (res != GUI_RES_OK) {
            // Timed out: keep the areas not yet finished (the current one whole) for the next refresh.
            for (uint32_t j = i; j < count; j++) {
                gui_disp_invalidate(drv, &areas[j]);
            }
            return res;
        }
    }
    uint32_t elapsed = gui_now_us(drv) - start;
    add_stats(&drv->stats, &acc, elapsed);
    if (drv->monitor_cb != NULL) {
        drv->monitor_cb(drv, elapsed / 1000u, acc.px);
    }
    return GUI_RES_OK;
}

int gui_refresh(gui_disp_drv_t *drv) {
    if (drv == NULL) {
        return GUI_RES_INVALID_ARG;
    }
    if (!drv->registered) {
        return GUI_RES_NOT_REGISTERED;
    }
    if (drv->refreshing) {
        return GUI_RES_BUSY; // from flush_cb, wait_cb or monitor_cb: the strips in flight would be mixed up
    }
    drv->refreshing = 1;
    int res = refresh_now(drv);
    drv->refreshing = 0;
    return res;
}

int gui_disp_flush_wait(gui_disp_drv_t *drv) {
    if (drv == NULL || drv->buffer == NULL) {
        return GUI_RES_INVALID_ARG;
    }
    uint32_t waited = 0;
    int res = wait_flushed(drv, &waited);
    drv->stats.wait_us += waited;
    return res;
}
