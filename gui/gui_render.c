// gui_render.c: converting the application's canvas into wire-order RGB565 draw buffers.
#include "gui_private.h"

#include <stddef.h>

uint16_t gui_color_rgb565_from_argb32(uint32_t argb) {
    // Alpha is ignored: cairo's ARGB32 is premultiplied, so its RGB already is the colour over black.
    return (uint16_t)(((argb >> 8) & 0xF800u) | ((argb >> 5) & 0x07E0u) | ((argb >> 3) & 0x001Fu));
}

gui_color_t gui_color_make(uint8_t red, uint8_t green, uint8_t blue) {
    uint32_t argb = ((uint32_t)red << 16) | ((uint32_t)green << 8) | blue;
    uint16_t v = gui_color_rgb565_from_argb32(argb);
    gui_color_t c;
    unsigned char *bytes = (unsigned char *)&c;
    bytes[0] = (unsigned char)(v >> 8); // wire order whatever the CPU's endianness
    bytes[1] = (unsigned char)v;
    return c;
}

int gui_source_covers(const gui_source_t *src, int32_t hor_res, int32_t ver_res) {
    return src->data != NULL && src->width >= hor_res && src->height >= ver_res;
}

static void row_from_argb32(const uint32_t *in, unsigned char *out, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        uint16_t v = gui_color_rgb565_from_argb32(in[i]);
        out[2 * i] = (unsigned char)(v >> 8);
        out[2 * i + 1] = (unsigned char)v;
    }
}

static void row_from_rgb565(const uint16_t *in, unsigned char *out, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) {
        out[2 * i] = (unsigned char)(in[i] >> 8);
        out[2 * i + 1] = (unsigned char)in[i];
    }
}

void gui_render_strip(const gui_source_t *src, const gui_area_t *strip, gui_color_t *out) {
    uint32_t w = gui_area_width(strip);
    unsigned char *dst = (unsigned char *)out;
    for (int32_t y = strip->y1; y <= strip->y2; y++) {
        const unsigned char *row = (const unsigned char *)src->data + (size_t)y * (size_t)src->stride;
        if (src->format == GUI_SRC_ARGB32) {
            row_from_argb32((const uint32_t *)(const void *)row + strip->x1, dst, w);
        } else {
            row_from_rgb565((const uint16_t *)(const void *)row + strip->x1, dst, w);
        }
        dst += 2 * (size_t)w;
    }
}
