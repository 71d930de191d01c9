// JSON writer: escaping per RFC 8259, stable formatting (the golden tests compare its output byte for byte).
#include "json_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mpbind::cli {

std::string JsonWriter::escape(const std::string &s) {
    std::string o;
    escape_into(o, s);
    return o;
}

// Runs of characters that need no escape are appended at once: reports hold thousands of names.
void JsonWriter::escape_into(std::string &o, const std::string &s) {
    o += '"';
    size_t plain = 0; // start of the run not yet appended
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        o.append(s, plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': o += "\\\""; break;
        case '\\': o += "\\\\"; break;
        case '\n': o += "\\n"; break;
        case '\t': o += "\\t"; break;
        case '\r': o += "\\r"; break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            o += buf;
        }
        }
    }
    o.append(s, plain, std::string::npos);
    o += '"';
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(first_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        newline();
    }
}

JsonWriter &JsonWriter::key(const std::string &k) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline();
    escape_into(out_, k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

void JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    first_.push_back(true);
}

void JsonWriter::end_object() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += '}';
    if (first_.empty()) out_ += '\n';
}

void JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    first_.push_back(true);
}

void JsonWriter::end_array() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += ']';
}

void JsonWriter::value(const std::string &s) {
    before_value();
    escape_into(out_, s);
}

void JsonWriter::value(int64_t v) {
    before_value();
    out_ += std::to_string(v);
}

void JsonWriter::value(uint64_t v) {
    before_value();
    out_ += std::to_string(v);
}

void JsonWriter::value(double v) {
    before_value();
    if (!std::isfinite(v)) {
        out_ += "null";
        return;
    }
    // Shortest of %.15g / %.17g that reads back exactly (stable, and 0.1 stays "0.1").
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
    out_ += buf;
}

void JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

} // namespace mpbind::cli
