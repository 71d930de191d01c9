// heap_caps_*: a bounded DMA-capable internal pool, an optional PSRAM pool, capability matching, exhaustion.
#include <cstring>
#include <vector>

#include "sim_fixture.hpp"

TEST_F(SimTest, DefaultInternalHeapIsTheEsp32DmaRegion) {
    EXPECT_EQ(heap_caps_get_total_size(MALLOC_CAP_DMA), 0x40000000u - 0x3FFAE000u);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), 0x40000000u - 0x3FFAE000u);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_SPIRAM), 0u);  // no PSRAM by default
}

TEST_F(SimTest, DmaMemoryIsRecognisedAndHostMemoryIsNot) {
    void *dma = heap_caps_malloc(100, MALLOC_CAP_DMA);
    ASSERT_NE(dma, nullptr);
    EXPECT_TRUE(esp_sim_is_dma_capable(dma, 100));
    std::vector<uint8_t> host(100);
    EXPECT_FALSE(esp_sim_is_dma_capable(host.data(), host.size()));
    EXPECT_FALSE(esp_sim_is_dma_capable(nullptr, 1));
    heap_caps_free(dma);
}

TEST_F(SimTest, FreeSizeFollowsAllocations) {
    const size_t before = heap_caps_get_free_size(MALLOC_CAP_DMA);
    void *p = heap_caps_malloc(1001, MALLOC_CAP_DMA);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), before - 1008);  // 8-byte granules
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_INTERNAL | MALLOC_CAP_8BIT), before - 1008);
    heap_caps_free(p);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), before);
    EXPECT_EQ(heap_caps_get_largest_free_block(MALLOC_CAP_DMA), before);
    EXPECT_EQ(heap_caps_get_minimum_free_size(MALLOC_CAP_DMA), before - 1008);
}

TEST_F(SimTest, ExhaustedDmaPoolReturnsNullAndRecoversAfterFree) {
    ASSERT_EQ(esp_sim_set_heap_sizes(64 * 1024, 0), ESP_OK);
    void *a = heap_caps_malloc(40000, MALLOC_CAP_DMA);
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(heap_caps_malloc(40000, MALLOC_CAP_DMA), nullptr);
    EXPECT_EQ(esp_sim_set_heap_sizes(128 * 1024, 0), ESP_ERR_INVALID_STATE);  // blocks outstanding
    heap_caps_free(a);
    EXPECT_NE(heap_caps_malloc(40000, MALLOC_CAP_DMA), nullptr);
}

TEST_F(SimTest, FragmentationLimitsTheLargestBlock) {
    ASSERT_EQ(esp_sim_set_heap_sizes(3000, 0), ESP_OK);
    void *a = heap_caps_malloc(1000, MALLOC_CAP_DMA);
    void *b = heap_caps_malloc(1000, MALLOC_CAP_DMA);
    void *c = heap_caps_malloc(1000, MALLOC_CAP_DMA);
    ASSERT_TRUE(a && b && c);
    heap_caps_free(a);
    heap_caps_free(c);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), 2000u);
    EXPECT_EQ(heap_caps_get_largest_free_block(MALLOC_CAP_DMA), 1000u);
    EXPECT_EQ(heap_caps_malloc(1500, MALLOC_CAP_DMA), nullptr);
    heap_caps_free(b);  // coalesces into one block
    EXPECT_EQ(heap_caps_get_largest_free_block(MALLOC_CAP_DMA), 3000u);
}

TEST_F(SimTest, SpiramIsSeparateAndNeverDmaCapable) {
    EXPECT_EQ(heap_caps_malloc(100, MALLOC_CAP_SPIRAM), nullptr);
    ASSERT_EQ(esp_sim_set_heap_sizes(64 * 1024, 1024 * 1024), ESP_OK);
    void *p = heap_caps_malloc(100, MALLOC_CAP_SPIRAM);
    ASSERT_NE(p, nullptr);
    EXPECT_FALSE(esp_sim_is_dma_capable(p, 100));
    EXPECT_EQ(heap_caps_malloc(100, MALLOC_CAP_SPIRAM | MALLOC_CAP_DMA), nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_SPIRAM), 1024u * 1024u - 104u);
    heap_caps_free(p);
}

TEST_F(SimTest, UnsupportedRequestsReturnNull) {
    EXPECT_EQ(heap_caps_malloc(100, MALLOC_CAP_EXEC), nullptr);
    EXPECT_EQ(heap_caps_malloc(0, MALLOC_CAP_DMA), nullptr);
    EXPECT_EQ(heap_caps_calloc(SIZE_MAX / 2, 4, MALLOC_CAP_DMA), nullptr);
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_EXEC), 0u);
    heap_caps_free(nullptr);
    int on_stack = 0;
    heap_caps_free(&on_stack);  // not ours: logged and ignored
}

TEST_F(SimTest, CallocZeroesAndReallocKeepsContents) {
    auto *p = static_cast<uint8_t *>(heap_caps_malloc(16, MALLOC_CAP_DMA));
    ASSERT_NE(p, nullptr);
    std::memset(p, 0xAB, 16);
    heap_caps_free(p);
    auto *z = static_cast<uint8_t *>(heap_caps_calloc(4, 4, MALLOC_CAP_DMA));
    ASSERT_NE(z, nullptr);
    for (int i = 0; i < 16; ++i) {
        EXPECT_EQ(z[i], 0);
    }
    std::memcpy(z, "0123456789abcdef", 16);
    auto *r = static_cast<uint8_t *>(heap_caps_realloc(z, 4000, MALLOC_CAP_DMA));
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(std::memcmp(r, "0123456789abcdef", 16), 0);
    EXPECT_EQ(heap_caps_realloc(r, 0, MALLOC_CAP_DMA), nullptr);  // frees
    EXPECT_EQ(heap_caps_get_free_size(MALLOC_CAP_DMA), heap_caps_get_total_size(MALLOC_CAP_DMA));
}
