// gui_area.c: inclusive-rectangle arithmetic and the joining of invalidated areas.
#include "gui_private.h"

uint32_t gui_area_width(const gui_area_t *a) {
    return (uint32_t)(a->x2 - a->x1 + 1);
}

uint32_t gui_area_height(const gui_area_t *a) {
    return (uint32_t)(a->y2 - a->y1 + 1);
}

uint32_t gui_area_size(const gui_area_t *a) {
    return gui_area_width(a) * gui_area_height(a);
}

static int32_t max32(int32_t a, int32_t b) {
    return a > b ? a : b;
}

static int32_t min32(int32_t a, int32_t b) {
    return a < b ? a : b;
}

int gui_area_intersect(gui_area_t *out, const gui_area_t *a, const gui_area_t *b) {
    gui_area_t r;
    r.x1 = max32(a->x1, b->x1);
    r.y1 = max32(a->y1, b->y1);
    r.x2 = min32(a->x2, b->x2);
    r.y2 = min32(a->y2, b->y2);
    if (r.x1 > r.x2 || r.y1 > r.y2) {
        return 0;
    }
    *out = r;
    return 1;
}

int gui_area_contains(const gui_area_t *outer, const gui_area_t *inner) {
    return inner->x1 >= outer->x1 && inner->y1 >= outer->y1 && inner->x2 <= outer->x2 && inner->y2 <= outer->y2;
}

// Overlapping, or touching along an edge or a corner.
static int on_or_adjacent(const gui_area_t *a, const gui_area_t *b) {
    return a->x1 <= b->x2 + 1 && b->x1 <= a->x2 + 1 && a->y1 <= b->y2 + 1 && b->y1 <= a->y2 + 1;
}

static gui_area_t bounding_box(const gui_area_t *a, const gui_area_t *b) {
    gui_area_t r;
    r.x1 = min32(a->x1, b->x1);
    r.y1 = min32(a->y1, b->y1);
    r.x2 = max32(a->x2, b->x2);
    r.y2 = max32(a->y2, b->y2);
    return r;
}

// Try to join one pair; 1 when a join happened (the list shrank by one).
static int join_one_pair(gui_area_t *areas, uint32_t *count) {
    for (uint32_t i = 0; i < *count; i++) {
        for (uint32_t j = i + 1; j < *count; j++) {
            if (!on_or_adjacent(&areas[i], &areas[j])) {
                continue;
            }
            gui_area_t box = bounding_box(&areas[i], &areas[j]);
            // LVGL joins only when strictly smaller; equal size still saves a flush (one SPI window, not two).
            if ((uint64_t)gui_area_size(&box) <= (uint64_t)gui_area_size(&areas[i]) + gui_area_size(&areas[j])) {
                areas[i] = box;
                areas[j] = areas[*count - 1];
                *count -= 1;
                return 1;
            }
        }
    }
    return 0;
}

uint32_t gui_area_join(gui_area_t *areas, uint32_t count) {
    while (join_one_pair(areas, &count)) {
    }
    return count;
}
