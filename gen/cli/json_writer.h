// A minimal streaming JSON writer (objects, arrays, strings, numbers, booleans) with 2-space indentation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace mpbind::cli {

class JsonWriter {
public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    JsonWriter &key(const std::string &k); // inside an object, before each value
    void value(const std::string &s);
    void value(const char *s) { value(std::string(s)); }
    void value(int64_t v);
    void value(uint64_t v);
    void value(int v) { value(static_cast<int64_t>(v)); }
    void value(double v);
    void value(bool b);
    void null();

    const std::string &str() const { return out_; }

    static std::string escape(const std::string &s);
    static void escape_into(std::string &out, const std::string &s); // appends escape(s)

private:
    void before_value();
    void newline();

    std::string out_;
    std::vector<bool> first_; // per open container: no element written yet
    bool after_key_ = false;
};

} // namespace mpbind::cli
