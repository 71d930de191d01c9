// gui_private.h: helpers shared by the engine's source files (areas, pixel conversion, clock, the flush flag).
#ifndef GUI_PRIVATE_H
#define GUI_PRIVATE_H

#include "gui.h"

// The flush flag is written by gui_disp_flush_ready, possibly from an interrupt or another core, and read by the
// engine before it reuses a buffer: release on clear, acquire on read, so the panel's reads of the buffer happen
// before the engine's next writes. Without GNU atomics, volatile suffices for a single core with an ISR writer.
#if defined(__GNUC__) || defined(__clang__)
#define GUI_FLAG_LOAD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define GUI_FLAG_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#else
#define GUI_FLAG_LOAD(p) (*(p))
#define GUI_FLAG_STORE(p, v) (*(p) = (v))
#endif

// Areas (gui_area.c).
uint32_t gui_area_width(const gui_area_t *a);
uint32_t gui_area_height(const gui_area_t *a);
uint32_t gui_area_size(const gui_area_t *a);
int gui_area_intersect(gui_area_t *out, const gui_area_t *a, const gui_area_t *b); // 0 when they do not meet
int gui_area_contains(const gui_area_t *outer, const gui_area_t *inner);
// Join overlapping or adjacent areas where their bounding box is no bigger than the two; returns the new count.
uint32_t gui_area_join(gui_area_t *areas, uint32_t count);

// Pixels (gui_render.c): convert a strip of the source into wire-order RGB565 at out.
void gui_render_strip(const gui_source_t *src, const gui_area_t *strip, gui_color_t *out);
int gui_source_covers(const gui_source_t *src, int32_t hor_res, int32_t ver_res);

// The driver's clock (gui_clock.c): time_us_cb, or CLOCK_MONOTONIC.
uint32_t gui_now_us(gui_disp_drv_t *drv);

// Configuration check shared by register and refresh (gui_disp.c).
int gui_disp_check(const gui_disp_drv_t *drv);

#endif // GUI_PRIVATE_H
