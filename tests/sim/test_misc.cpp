// Error names, clocks, the cycle counter, FreeRTOS ticks and logging.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "esp32/clk.h"
#include "esp_clk.h"
#include "esp_cpu.h"
#include "esp_err.h"
#include "esp_log.h"
#include "sim_fixture.hpp"

TEST(EspErr, NamesMatchEspIdf) {
    EXPECT_STREQ(esp_err_to_name(ESP_OK), "ESP_OK");
    EXPECT_STREQ(esp_err_to_name(ESP_ERR_NO_MEM), "ESP_ERR_NO_MEM");
    EXPECT_STREQ(esp_err_to_name(0x107), "ESP_ERR_TIMEOUT");
    EXPECT_STREQ(esp_err_to_name(12345), "UNKNOWN ERROR");
    char buf[32];
    EXPECT_STREQ(esp_err_to_name_r(ESP_ERR_INVALID_ARG, buf, sizeof buf), "ESP_ERR_INVALID_ARG");
    EXPECT_EQ(ESP_ERR_INVALID_STATE, 0x103);
    EXPECT_EQ(ESP_ERR_NOT_SUPPORTED, 0x106);
}

TEST(EspClk, CpuRunsAt240MHzAndCcountFollowsHostTime) {
    EXPECT_EQ(esp_clk_cpu_freq(), 240000000);
    EXPECT_EQ(esp_clk_apb_freq(), 80000000);
    const uint32_t c0 = esp_cpu_get_ccount();
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const uint32_t cycles = esp_cpu_get_ccount() - c0;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_NEAR(cycles / seconds, 240e6, 240e6 * 0.02);
    EXPECT_GE(xthal_get_ccount() - c0, cycles);
}

TEST_F(SimTest, TicksFollowVirtualTime) {
    ASSERT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_OK);
    EXPECT_EQ(portTICK_PERIOD_MS, 10u);
    EXPECT_EQ(pdMS_TO_TICKS(120), 12u);
    EXPECT_EQ(xTaskGetTickCount(), 0u);
    vTaskDelay(7);
    EXPECT_EQ(xTaskGetTickCount(), 7u);
    EXPECT_EQ(esp_sim_now_ns(), 70 * 1000000);
    EXPECT_EQ(xPortInIsrContext(), pdFALSE);
}

TEST_F(SimTest, TimeModeChangesOnlyWithoutBuses) {
    make_device();
    EXPECT_EQ(esp_sim_set_time_mode(ESP_SIM_TIME_VIRTUAL), ESP_ERR_INVALID_STATE);
    EXPECT_EQ(esp_sim_set_time_mode(static_cast<esp_sim_time_mode_t>(5)), ESP_ERR_INVALID_ARG);
    EXPECT_EQ(esp_sim_get_time_mode(), ESP_SIM_TIME_REAL);
}

namespace {
std::string g_log;
int capture(const char *fmt, va_list args) {
    char buf[256];
    const int n = std::vsnprintf(buf, sizeof buf, fmt, args);
    g_log += buf;
    return n;
}
}  // namespace

TEST(EspLog, LevelsFilterPerTag) {
    g_log.clear();
    vprintf_like_t old = esp_log_set_vprintf(capture);
    esp_log_level_set("quiet", ESP_LOG_ERROR);
    ESP_LOGI("quiet", "hidden %d", 1);
    ESP_LOGE("quiet", "shown %d", 2);
    ESP_LOGI("other", "info %s", "ok");
    ESP_LOGD("other", "debug is below the default level");
    esp_log_set_vprintf(old);
    EXPECT_EQ(g_log.find("hidden"), std::string::npos);
    EXPECT_NE(g_log.find("quiet: shown 2"), std::string::npos);
    EXPECT_NE(g_log.find("other: info ok"), std::string::npos);
    EXPECT_EQ(g_log.find("debug"), std::string::npos);
    EXPECT_EQ(esp_log_level_get("quiet"), ESP_LOG_ERROR);
}
