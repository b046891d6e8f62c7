// Progress of a long run: a live line with an ETA on a terminal, plain lines (every 10%) otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace evalpanel::runner {

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void begin(const std::string& label, std::size_t total) = 0;
    virtual void advance(std::size_t done, std::size_t failed) = 0;  // cumulative counts
    virtual void end(const std::string& outcome) = 0;
    virtual void note(const std::string& line) = 0;  // a message that must not be lost in the live line
};

class NoProgress final : public ProgressSink {
public:
    void begin(const std::string&, std::size_t) override {}
    void advance(std::size_t, std::size_t) override {}
    void end(const std::string&) override {}
    void note(const std::string&) override {}
};

class StreamProgress final : public ProgressSink {
public:
    // `live` = redraw one line in place (a terminal); otherwise print a line every 10%.
    StreamProgress(std::FILE* out, bool live);
    void begin(const std::string& label, std::size_t total) override;
    void advance(std::size_t done, std::size_t failed) override;
    void end(const std::string& outcome) override;
    void note(const std::string& line) override;

    // "1:05" / "1:02:03"; exposed for tests.
    static std::string format_duration(double seconds);

private:
    std::string status_line() const;

    std::FILE* out_;
    bool live_;
    std::mutex mutex_;
    std::string label_;
    std::size_t total_ = 0, done_ = 0, failed_ = 0;
    int last_decile_ = -1;
    std::chrono::steady_clock::time_point started_, last_draw_;
};

}  // namespace evalpanel::runner
