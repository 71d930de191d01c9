// The simulated ESP32 memory map: an internal (DMA-capable) pool and an optional PSRAM pool.
#pragma once

#include <cstddef>

namespace esp_sim {

// ESP32 DRAM that DMA can reach: 0x3FFAE000-0x40000000.
constexpr size_t kDefaultInternalHeap = 0x40000000 - 0x3FFAE000;
constexpr size_t kDefaultSpiramHeap = 0;  // a board without PSRAM

bool heap_is_dma_capable(const void *ptr, size_t len);
// Temporary DMA memory for bounce buffers (nullptr when the pool is exhausted).
void *heap_dma_alloc(size_t size);
void heap_dma_free(void *ptr);
bool heap_set_sizes(size_t internal_bytes, size_t spiram_bytes);
void heap_reset();

}  // namespace esp_sim
