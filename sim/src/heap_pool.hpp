// A bounded first-fit heap over one contiguous arena, standing in for one ESP32 memory region.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <unordered_map>

namespace esp_sim {

class HeapPool {
public:
    HeapPool() = default;
    ~HeapPool();
    HeapPool(const HeapPool &) = delete;
    HeapPool &operator=(const HeapPool &) = delete;

    // Replaces the arena (all blocks are dropped); size 0 means the region does not exist.
    void recreate(size_t size);
    void *allocate(size_t size);
    // False if ptr is not a block of this pool.
    bool release(void *ptr);
    // Usable size of a block, 0 if ptr is not one.
    size_t block_size(const void *ptr) const;
    bool contains(const void *ptr, size_t len) const;
    bool empty() const;

    size_t total() const { return size_; }
    size_t free_bytes() const;
    size_t minimum_free() const;
    size_t largest_free_block() const;

    static constexpr size_t kAlign = 8;

private:
    mutable std::mutex mutex_;
    uint8_t *base_ = nullptr;
    size_t size_ = 0;
    size_t free_ = 0;
    size_t min_free_ = 0;
    std::map<size_t, size_t> holes_;              // offset -> length, coalesced
    std::unordered_map<size_t, size_t> blocks_;   // offset -> length
};

}  // namespace esp_sim
