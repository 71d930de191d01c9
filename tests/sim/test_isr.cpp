// Interrupt context: queued callbacks preempt the application thread (by signal) and see "in ISR"; polling
// callbacks run in the calling task; virtual mode delivers them at defined points.
#include <pthread.h>

#include <atomic>
#include <chrono>

#include "sim_fixture.hpp"

namespace {

struct Observed {
    std::atomic<int> calls{0};
    std::atomic<int> in_isr{0};
    std::atomic<int> port_in_isr{0};
    std::atomic<bool> on_app_thread{false};
    std::atomic<long> seen_progress{-1};
};

Observed g_pre, g_post;
pthread_t g_app;
volatile long g_progress;  // advanced by the busy loop, read by the handler

void observe(Observed &o) {
    o.in_isr = esp_sim_in_isr();
    o.port_in_isr = xPortInIsrContext();
    o.on_app_thread = pthread_equal(pthread_self(), g_app) != 0;
    o.seen_progress = g_progress;
    o.calls++;
}

void pre_cb(spi_transaction_t *) { observe(g_pre); }
void post_cb(spi_transaction_t *) { observe(g_post); }

void reset_observations() {
    for (Observed *o : {&g_pre, &g_post}) {
        o->calls = 0;
        o->in_isr = 0;
        o->port_in_isr = 0;
        o->on_app_thread = false;
        o->seen_progress = -1;
    }
    g_progress = 0;
    g_app = pthread_self();
}

class IsrTest : public SimTest {
protected:
    spi_device_handle_t device_with_callbacks(int queue_size = 2) {
        const spi_bus_config_t bus = seed_bus_config(4092);
        EXPECT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
        spi_device_interface_config_t cfg = device_config(40000000, queue_size);
        cfg.pre_cb = pre_cb;
        cfg.post_cb = post_cb;
        spi_device_handle_t dev = nullptr;
        EXPECT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
        return dev;
    }
};

}  // namespace

TEST_F(IsrTest, PostCallbackPreemptsABusyLoopOnTheAppThread) {
#if defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "ThreadSanitizer defers signals until the thread calls into libc, so a pure busy loop is never "
                    "interrupted under it";
#endif
    reset_observations();
    esp_sim_set_app_thread();
    spi_device_handle_t dev = device_with_callbacks();
    uint8_t *buf = dma_buffer(2500);  // 0.5 ms on the bus
    spi_transaction_t t = {};
    t.length = 2500 * 8;
    t.tx_buffer = buf;
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    // No sim call in this loop: only a signal can make post_cb's effect visible here.
    while (g_post.calls.load(std::memory_order_relaxed) == 0) {
        g_progress = g_progress + 1;
        if ((g_progress & 0xFFFF) == 0 && std::chrono::steady_clock::now() > give_up) {
            break;
        }
    }
    ASSERT_EQ(g_post.calls.load(), 1);
    EXPECT_GT(g_post.seen_progress.load(), 0);   // interrupted mid-way, not before the loop started
    EXPECT_TRUE(g_post.on_app_thread.load());    // on this thread, not the engine's
    EXPECT_EQ(g_post.in_isr.load(), 1);
    EXPECT_EQ(g_post.port_in_isr.load(), pdTRUE);
    EXPECT_EQ(g_pre.calls.load(), 1);
    EXPECT_TRUE(g_pre.on_app_thread.load());
    EXPECT_EQ(esp_sim_in_isr(), 0);              // back in task context
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.isr_count, 2u);
}

TEST_F(IsrTest, HandlerRunsWhileTheAppThreadBlocksInGetTransResult) {
    reset_observations();
    spi_device_handle_t dev = device_with_callbacks();  // the initialising thread receives interrupts
    spi_transaction_t t = {};
    t.length = 32;
    t.flags = SPI_TRANS_USE_TXDATA;
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    spi_transaction_t *done = nullptr;
    ASSERT_EQ(spi_device_get_trans_result(dev, &done, portMAX_DELAY), ESP_OK);
    EXPECT_EQ(g_post.calls.load(), 1);
    EXPECT_TRUE(g_post.on_app_thread.load());
    EXPECT_EQ(g_post.in_isr.load(), 1);
}

TEST_F(IsrTest, PollingCallbacksRunInTheCallingTask) {
    reset_observations();
    spi_device_handle_t dev = device_with_callbacks();
    spi_transaction_t t = {};
    t.length = 8;
    t.flags = SPI_TRANS_USE_TXDATA;
    ASSERT_EQ(spi_device_polling_transmit(dev, &t), ESP_OK);
    EXPECT_EQ(g_pre.calls.load(), 1);
    EXPECT_EQ(g_post.calls.load(), 1);
    EXPECT_EQ(g_post.in_isr.load(), 0);
    EXPECT_TRUE(g_post.on_app_thread.load());
    esp_sim_spi_stats_t s = {};
    ASSERT_EQ(esp_sim_spi_get_stats(HSPI_HOST, &s), ESP_OK);
    EXPECT_EQ(s.isr_count, 0u);
    EXPECT_EQ(s.task_callbacks, 2u);
}

TEST_F(IsrTest, VirtualTimeDeliversCallbacksAtDefinedPoints) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    reset_observations();
    spi_device_handle_t dev = device_with_callbacks();
    spi_transaction_t t = {};
    t.length = 8;
    t.flags = SPI_TRANS_USE_TXDATA;
    ASSERT_EQ(spi_device_queue_trans(dev, &t, 0), ESP_OK);
    EXPECT_EQ(g_pre.calls.load(), 1);   // the idle bus started it inside queue_trans
    EXPECT_EQ(g_post.calls.load(), 0);  // its end lies in the future of the virtual clock
    ASSERT_EQ(esp_sim_advance_ns(28000 + 200), ESP_OK);
    EXPECT_EQ(g_post.calls.load(), 1);
    EXPECT_EQ(g_post.in_isr.load(), 1);
    EXPECT_TRUE(g_post.on_app_thread.load());
}

TEST_F(IsrTest, SimCallsThatBlockAreRefusedInsideHandlers) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    static std::atomic<int> queue_result{0};
    static std::atomic<bool> malloc_refused{false};
    static spi_device_handle_t dev;
    static spi_transaction_t inner = {};
    struct Cb {
        static void post(spi_transaction_t *) {
            inner.length = 8;
            inner.flags = SPI_TRANS_USE_TXDATA;
            queue_result = spi_device_queue_trans(dev, &inner, 0);
            malloc_refused = heap_caps_malloc(16, MALLOC_CAP_DMA) == nullptr;
        }
    };
    const spi_bus_config_t bus = seed_bus_config(4092);
    ASSERT_EQ(spi_bus_initialize(HSPI_HOST, &bus, SPI_DMA_CH_AUTO), ESP_OK);
    spi_device_interface_config_t cfg = device_config(40000000, 2);
    cfg.post_cb = Cb::post;
    ASSERT_EQ(spi_bus_add_device(HSPI_HOST, &cfg, &dev), ESP_OK);
    spi_transaction_t t = {};
    t.length = 8;
    t.flags = SPI_TRANS_USE_TXDATA;
    ASSERT_EQ(spi_device_transmit(dev, &t), ESP_OK);
    EXPECT_EQ(queue_result.load(), ESP_ERR_INVALID_STATE);
    EXPECT_TRUE(malloc_refused.load());
}
