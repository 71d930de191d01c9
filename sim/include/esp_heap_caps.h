// ESP-IDF v4.4 capability-based heap (esp_heap_caps.h): MALLOC_CAP_* flags and heap_caps_* functions.
#pragma once

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MALLOC_CAP_EXEC             (1<<0)
#define MALLOC_CAP_32BIT            (1<<1)
#define MALLOC_CAP_8BIT             (1<<2)
#define MALLOC_CAP_DMA              (1<<3)
#define MALLOC_CAP_PID2             (1<<4)
#define MALLOC_CAP_PID3             (1<<5)
#define MALLOC_CAP_PID4             (1<<6)
#define MALLOC_CAP_PID5             (1<<7)
#define MALLOC_CAP_PID6             (1<<8)
#define MALLOC_CAP_PID7             (1<<9)
#define MALLOC_CAP_SPIRAM           (1<<10)
#define MALLOC_CAP_INTERNAL         (1<<11)
#define MALLOC_CAP_DEFAULT          (1<<12)
#define MALLOC_CAP_IRAM_8BIT        (1<<13)
#define MALLOC_CAP_RETENTION        (1<<14)
#define MALLOC_CAP_RTCRAM           (1<<15)
#define MALLOC_CAP_INVALID          (1<<31)

void *heap_caps_malloc(size_t size, uint32_t caps);
void heap_caps_free(void *ptr);
void *heap_caps_realloc(void *ptr, size_t size, uint32_t caps);
void *heap_caps_calloc(size_t n, size_t size, uint32_t caps);
size_t heap_caps_get_total_size(uint32_t caps);
size_t heap_caps_get_free_size(uint32_t caps);
size_t heap_caps_get_minimum_free_size(uint32_t caps);
size_t heap_caps_get_largest_free_block(uint32_t caps);

#ifdef __cplusplus
}
#endif
