// esp_log_*: per-tag levels and ESP-IDF's "L (time) tag: message" line format on stderr.
#include "esp_log.h"

#include <cstdio>
#include <map>
#include <mutex>
#include <string>

#include "isr_dispatch.hpp"
#include "sim_clock.hpp"

namespace {

std::mutex g_log_mutex;
std::map<std::string, esp_log_level_t> g_tag_levels;
esp_log_level_t g_default_level = ESP_LOG_INFO;
vprintf_like_t g_vprintf = nullptr;

int default_vprintf(const char *fmt, va_list args) { return std::vfprintf(stderr, fmt, args); }

int emit(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int n = (g_vprintf != nullptr ? g_vprintf : default_vprintf)(fmt, args);
    va_end(args);
    return n;
}

}  // namespace

extern "C" {

void esp_log_level_set(const char *tag, esp_log_level_t level) {
    if (tag == nullptr) {
        return;
    }
    std::lock_guard<std::mutex> lock(g_log_mutex);
    if (std::string(tag) == "*") {
        g_default_level = level;
        g_tag_levels.clear();
    } else {
        g_tag_levels[tag] = level;
    }
}

esp_log_level_t esp_log_level_get(const char *tag) {
    std::lock_guard<std::mutex> lock(g_log_mutex);
    if (tag != nullptr) {
        auto it = g_tag_levels.find(tag);
        if (it != g_tag_levels.end()) {
            return it->second;
        }
    }
    return g_default_level;
}

vprintf_like_t esp_log_set_vprintf(vprintf_like_t func) {
    std::lock_guard<std::mutex> lock(g_log_mutex);
    vprintf_like_t old = g_vprintf != nullptr ? g_vprintf : default_vprintf;
    g_vprintf = func;
    return old;
}

uint32_t esp_log_timestamp(void) { return static_cast<uint32_t>(esp_sim::sim_clock().now_ns() / 1000000); }

uint32_t esp_log_early_timestamp(void) { return esp_log_timestamp(); }

void esp_log_writev(esp_log_level_t level, const char *tag, const char *format, va_list args) {
    // Handlers must not log (stdio and locks are not async-signal-safe): their lines are dropped.
    if (esp_sim::isr_active() || format == nullptr || level == ESP_LOG_NONE || level > esp_log_level_get(tag)) {
        return;
    }
    static const char kLetters[] = "NEWIDV";
    std::lock_guard<std::mutex> lock(g_log_mutex);
    emit("%c (%u) %s: ", kLetters[level], esp_log_timestamp(), tag != nullptr ? tag : "");
    (g_vprintf != nullptr ? g_vprintf : default_vprintf)(format, args);
    emit("\n");
}

void esp_log_write(esp_log_level_t level, const char *tag, const char *format, ...) {
    va_list args;
    va_start(args, format);
    esp_log_writev(level, tag, format, args);
    va_end(args);
}

}  // extern "C"
