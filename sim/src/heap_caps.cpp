// heap_caps_* on two HeapPools: which pool may serve a request follows the ESP32's capability table.
#include "heap_caps.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <mutex>

#include "esp_heap_caps.h"
#include "esp_log.h"
#include "heap_pool.hpp"
#include "isr_dispatch.hpp"

namespace esp_sim {
namespace {

const char *const kTag = "heap";

HeapPool &internal_pool() {
    static HeapPool pool;
    return pool;
}

HeapPool &spiram_pool() {
    static HeapPool pool;
    return pool;
}

std::once_flag g_init_once;

void ensure_pools() {
    std::call_once(g_init_once, [] {
        internal_pool().recreate(kDefaultInternalHeap);
        spiram_pool().recreate(kDefaultSpiramHeap);
    });
}

// Capabilities neither simulated region offers (executable, PID, IRAM, RTC memory).
constexpr uint32_t kUnsupportedCaps = MALLOC_CAP_EXEC | MALLOC_CAP_PID2 | MALLOC_CAP_PID3 | MALLOC_CAP_PID4 |
                                      MALLOC_CAP_PID5 | MALLOC_CAP_PID6 | MALLOC_CAP_PID7 | MALLOC_CAP_IRAM_8BIT |
                                      MALLOC_CAP_RETENTION | MALLOC_CAP_RTCRAM | MALLOC_CAP_INVALID;
constexpr uint32_t kInternalCaps =
    MALLOC_CAP_DMA | MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT | MALLOC_CAP_32BIT | MALLOC_CAP_DEFAULT;
constexpr uint32_t kSpiramCaps = MALLOC_CAP_SPIRAM | MALLOC_CAP_8BIT | MALLOC_CAP_32BIT | MALLOC_CAP_DEFAULT;

bool internal_serves(uint32_t caps) { return (caps & ~kInternalCaps) == 0; }
bool spiram_serves(uint32_t caps) { return (caps & ~kSpiramCaps) == 0 && spiram_pool().total() > 0; }

HeapPool *owner_of(void *ptr) {
    if (internal_pool().block_size(ptr) != 0) {
        return &internal_pool();
    }
    if (spiram_pool().block_size(ptr) != 0) {
        return &spiram_pool();
    }
    return nullptr;
}

template <typename F>
size_t sum_over_pools(uint32_t caps, F measure) {
    ensure_pools();
    if (caps & kUnsupportedCaps) {
        return 0;
    }
    size_t total = 0;
    if (internal_serves(caps)) {
        total = measure(internal_pool(), total);
    }
    if (spiram_serves(caps)) {
        total = measure(spiram_pool(), total);
    }
    return total;
}

}  // namespace

bool heap_is_dma_capable(const void *ptr, size_t len) {
    ensure_pools();
    return ptr != nullptr && internal_pool().contains(ptr, len);
}

void *heap_dma_alloc(size_t size) {
    ensure_pools();
    return internal_pool().allocate(std::max<size_t>(size, 4));
}

void heap_dma_free(void *ptr) {
    if (ptr != nullptr) {
        internal_pool().release(ptr);
    }
}

bool heap_set_sizes(size_t internal_bytes, size_t spiram_bytes) {
    ensure_pools();
    if (!internal_pool().empty() || !spiram_pool().empty()) {
        return false;
    }
    internal_pool().recreate(internal_bytes);
    spiram_pool().recreate(spiram_bytes);
    return true;
}

void heap_reset() {
    ensure_pools();
    internal_pool().recreate(kDefaultInternalHeap);
    spiram_pool().recreate(kDefaultSpiramHeap);
}

}  // namespace esp_sim

using namespace esp_sim;

extern "C" {

void *heap_caps_malloc(size_t size, uint32_t caps) {
    ensure_pools();
    if (isr_active() || size == 0 || (caps & kUnsupportedCaps)) {
        return nullptr;  // the allocator takes locks: not from interrupts
    }
    // PSRAM is never DMA-capable; plain requests go to internal RAM first, as ESP-IDF does for small blocks.
    if (!(caps & MALLOC_CAP_SPIRAM) && internal_serves(caps)) {
        if (void *p = internal_pool().allocate(size)) {
            return p;
        }
    }
    if (spiram_serves(caps)) {
        return spiram_pool().allocate(size);
    }
    return nullptr;
}

void heap_caps_free(void *ptr) {
    if (ptr == nullptr || isr_active()) {
        return;
    }
    if (!internal_pool().release(ptr) && !spiram_pool().release(ptr)) {
        ESP_LOGE(kTag, "heap_caps_free(%p): not a block of the simulated heap; ignored", ptr);
    }
}

void *heap_caps_calloc(size_t n, size_t size, uint32_t caps) {
    if (size != 0 && n > SIZE_MAX / size) {
        return nullptr;
    }
    void *p = heap_caps_malloc(n * size, caps);
    if (p != nullptr) {
        std::memset(p, 0, n * size);
    }
    return p;
}

void *heap_caps_realloc(void *ptr, size_t size, uint32_t caps) {
    if (ptr == nullptr) {
        return heap_caps_malloc(size, caps);
    }
    if (size == 0) {
        heap_caps_free(ptr);
        return nullptr;
    }
    HeapPool *owner = owner_of(ptr);
    if (owner == nullptr) {
        ESP_LOGE(kTag, "heap_caps_realloc(%p): not a block of the simulated heap", ptr);
        return nullptr;
    }
    void *fresh = heap_caps_malloc(size, caps);
    if (fresh != nullptr) {
        std::memcpy(fresh, ptr, std::min(size, owner->block_size(ptr)));
        owner->release(ptr);
    }
    return fresh;
}

size_t heap_caps_get_total_size(uint32_t caps) {
    return sum_over_pools(caps, [](const HeapPool &p, size_t acc) { return acc + p.total(); });
}

size_t heap_caps_get_free_size(uint32_t caps) {
    return sum_over_pools(caps, [](const HeapPool &p, size_t acc) { return acc + p.free_bytes(); });
}

size_t heap_caps_get_minimum_free_size(uint32_t caps) {
    return sum_over_pools(caps, [](const HeapPool &p, size_t acc) { return acc + p.minimum_free(); });
}

size_t heap_caps_get_largest_free_block(uint32_t caps) {
    return sum_over_pools(caps, [](const HeapPool &p, size_t acc) { return std::max(acc, p.largest_free_block()); });
}

}  // extern "C"
