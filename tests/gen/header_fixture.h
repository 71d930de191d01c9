// Test helper: writes C header text to a temporary file and loads it through the clang front end.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "clang/load.h"

namespace mpbind::test {

// A header file that lives as long as the object (named <dir>/<name>).
class TempHeader {
public:
    explicit TempHeader(const std::string &text, const std::string &name = "fixture.h") {
        static int counter = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("mpbind-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
        add(name, text);
        path_ = (dir_ / name).string();
    }
    ~TempHeader() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempHeader(const TempHeader &) = delete;
    TempHeader &operator=(const TempHeader &) = delete;

    // Another file in the same directory (e.g. a header the first one includes).
    std::string add(const std::string &name, const std::string &text) {
        std::ofstream(dir_ / name) << text;
        return (dir_ / name).string();
    }
    const std::string &path() const { return path_; }
    std::string dir() const { return dir_.string(); }

private:
    std::filesystem::path dir_;
    std::string path_;
};

inline clangw::LoadResult load_text(const std::string &text, std::vector<std::string> clang_args = {}) {
    TempHeader h(text);
    clangw::LoadOptions o;
    o.headers = {h.path()};
    o.clang_args = std::move(clang_args);
    return clangw::load(o);
}

template <class V> const auto *find_named(const V &v, const std::string &c_name) {
    for (const auto &item : v)
        if (item.info.c_name == c_name) return &item;
    return static_cast<decltype(&v[0])>(nullptr);
}

} // namespace mpbind::test
