// Timing and reporting helpers shared by the C++ benchmarks: a monotonic stopwatch, and one JSON line per
// measurement on standard output, which tools/bench/bench.py reads.
#pragma once

#include <chrono>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

namespace evalpanel::bench {

class Stopwatch {
public:
    void start() { begin_ = std::chrono::steady_clock::now(); }
    void stop() { total_ += std::chrono::steady_clock::now() - begin_; }
    double seconds() const { return std::chrono::duration<double>(total_).count(); }

private:
    std::chrono::steady_clock::time_point begin_;
    std::chrono::steady_clock::duration total_{};
};

// {"measure": name, ...fields}: one line, flushed, so a driver reading a pipe sees it at once.
inline void emit_measurement(const std::string& name, nlohmann::json fields) {
    fields["measure"] = name;
    std::cout << fields.dump() << std::endl;
}

}  // namespace evalpanel::bench
