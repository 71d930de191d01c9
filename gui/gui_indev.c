// gui_indev.c: input devices: a polled read_cb, the point clipped to the display, press/drag/release events.
#include "gui_private.h"

#include <string.h>

void gui_indev_drv_init(gui_indev_drv_t *drv) {
    if (drv == NULL) {
        return;
    }
    memset(drv, 0, sizeof(*drv));
    drv->type = GUI_INDEV_TYPE_POINTER;
    drv->data.state = GUI_INDEV_STATE_RELEASED;
}

int gui_indev_drv_register(gui_indev_drv_t *drv) {
    if (drv == NULL || drv->type != GUI_INDEV_TYPE_POINTER) {
        return GUI_RES_INVALID_ARG;
    }
    if (drv->read_cb == NULL) {
        return GUI_RES_NO_READ_CB;
    }
    drv->registered = 1;
    return GUI_RES_OK;
}

static int32_t clip(int32_t v, int32_t size) {
    if (v < 0) {
        return 0;
    }
    return v >= size ? size - 1 : v;
}

int gui_indev_read(gui_indev_drv_t *drv) {
    if (drv == NULL) {
        return GUI_RES_INVALID_ARG;
    }
    if (!drv->registered) {
        return GUI_RES_NOT_REGISTERED;
    }
    if (drv->read_cb == NULL) {
        return GUI_RES_NO_READ_CB;
    }
    const int32_t was = drv->data.state;
    gui_indev_data_t data = drv->data;
    int reads = 0;
    do {
        data.continue_reading = 0;
        drv->read_cb(drv, &data);
        drv->reads++;
    } while (data.continue_reading && ++reads < GUI_INDEV_READS_MAX);
    if (drv->disp != NULL && drv->disp->hor_res > 0 && drv->disp->ver_res > 0) {
        data.point.x = clip(data.point.x, drv->disp->hor_res);
        data.point.y = clip(data.point.y, drv->disp->ver_res);
    }
    const int32_t pressed = data.state == GUI_INDEV_STATE_PRESSED;
    data.state = pressed ? GUI_INDEV_STATE_PRESSED : GUI_INDEV_STATE_RELEASED;
    data.continue_reading = 0;
    drv->data = data;
    if (pressed && was != GUI_INDEV_STATE_PRESSED) {
        drv->press_point = data.point;
        drv->presses++;
        return GUI_INDEV_EVENT_PRESSED;
    }
    if (pressed) {
        return GUI_INDEV_EVENT_PRESSING;
    }
    return was == GUI_INDEV_STATE_PRESSED ? GUI_INDEV_EVENT_RELEASED : GUI_INDEV_EVENT_NONE;
}
