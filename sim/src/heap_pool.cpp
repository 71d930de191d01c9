// HeapPool: first fit over a sorted map of holes, coalescing on release; free space is ASan-poisoned.
#include "heap_pool.hpp"

#include <algorithm>
#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define SIM_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define SIM_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define SIM_POISON(p, n) ((void)(p), (void)(n))
#define SIM_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace esp_sim {

HeapPool::~HeapPool() { recreate(0); }

void HeapPool::recreate(size_t size) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (base_ != nullptr) {
        SIM_UNPOISON(base_, size_);
        std::free(base_);
        base_ = nullptr;
    }
    holes_.clear();
    blocks_.clear();
    size_ = size / kAlign * kAlign;
    free_ = min_free_ = size_;
    if (size_ == 0) {
        return;
    }
    base_ = static_cast<uint8_t *>(std::aligned_alloc(64, (size_ + 63) / 64 * 64));
    if (base_ == nullptr) {
        size_ = free_ = min_free_ = 0;
        return;
    }
    holes_[0] = size_;
    SIM_POISON(base_, size_);
}

void *HeapPool::allocate(size_t size) {
    if (size == 0 || size > SIZE_MAX - kAlign) {
        return nullptr;
    }
    const size_t need = (size + kAlign - 1) / kAlign * kAlign;
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = holes_.begin(); it != holes_.end(); ++it) {
        if (it->second < need) {
            continue;
        }
        const size_t offset = it->first;
        const size_t rest = it->second - need;
        holes_.erase(it);
        if (rest > 0) {
            holes_[offset + need] = rest;
        }
        blocks_[offset] = need;
        free_ -= need;
        min_free_ = std::min(min_free_, free_);
        SIM_UNPOISON(base_ + offset, need);
        return base_ + offset;
    }
    return nullptr;
}

bool HeapPool::release(void *ptr) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (base_ == nullptr || ptr < base_ || ptr >= base_ + size_) {
        return false;
    }
    const size_t offset = static_cast<size_t>(static_cast<uint8_t *>(ptr) - base_);
    auto block = blocks_.find(offset);
    if (block == blocks_.end()) {
        return false;
    }
    size_t start = offset;
    size_t len = block->second;
    blocks_.erase(block);
    free_ += len;
    SIM_POISON(base_ + start, len);
    auto next = holes_.lower_bound(start);
    if (next != holes_.end() && next->first == start + len) {
        len += next->second;
        next = holes_.erase(next);
    }
    if (next != holes_.begin()) {
        auto prev = std::prev(next);
        if (prev->first + prev->second == start) {
            start = prev->first;
            len += prev->second;
            holes_.erase(prev);
        }
    }
    holes_[start] = len;
    return true;
}

size_t HeapPool::block_size(const void *ptr) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (base_ == nullptr || ptr < base_ || ptr >= base_ + size_) {
        return 0;
    }
    auto block = blocks_.find(static_cast<size_t>(static_cast<const uint8_t *>(ptr) - base_));
    return block == blocks_.end() ? 0 : block->second;
}

bool HeapPool::contains(const void *ptr, size_t len) const {
    const auto *p = static_cast<const uint8_t *>(ptr);
    return base_ != nullptr && p >= base_ && len <= size_ && p <= base_ + size_ - len;
}

bool HeapPool::empty() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return blocks_.empty();
}

size_t HeapPool::free_bytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return free_;
}

size_t HeapPool::minimum_free() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return min_free_;
}

size_t HeapPool::largest_free_block() const {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t best = 0;
    for (const auto &hole : holes_) {
        best = std::max(best, hole.second);
    }
    return best;
}

}  // namespace esp_sim
