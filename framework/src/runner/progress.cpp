#include "runner/progress.hpp"

#include <cmath>

namespace evalpanel::runner {

using Clock = std::chrono::steady_clock;

StreamProgress::StreamProgress(std::FILE* out, bool live) : out_(out), live_(live) {}

std::string StreamProgress::format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "?";
    const long total = std::lround(seconds);
    const long h = total / 3600, m = (total % 3600) / 60, s = total % 60;
    char buffer[32];
    if (h > 0) std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", h, m, s);
    else std::snprintf(buffer, sizeof buffer, "%ld:%02ld", m, s);
    return buffer;
}

std::string StreamProgress::status_line() const {
    const double elapsed = std::chrono::duration<double>(Clock::now() - started_).count();
    const double rate = elapsed > 0 ? static_cast<double>(done_) / elapsed : 0;
    const double eta = rate > 0 ? static_cast<double>(total_ - done_) / rate : NAN;
    const int percent = total_ ? static_cast<int>(100.0 * static_cast<double>(done_) / static_cast<double>(total_)) : 100;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s  %zu/%zu  %3d%%  %zu failed  %.1f cases/s  elapsed %s  ETA %s",
                  label_.c_str(), done_, total_, percent, failed_, rate, format_duration(elapsed).c_str(),
                  done_ ? format_duration(eta).c_str() : "?");
    return buffer;
}

void StreamProgress::begin(const std::string& label, std::size_t total) {
    std::lock_guard lock(mutex_);
    label_ = label;
    total_ = total;
    done_ = failed_ = 0;
    last_decile_ = -1;
    started_ = last_draw_ = Clock::now();
    if (!live_) std::fprintf(out_, "%s: %zu cases\n", label_.c_str(), total_);
    else std::fprintf(out_, "\r\033[K%s", status_line().c_str());
    std::fflush(out_);
}

void StreamProgress::advance(std::size_t done, std::size_t failed) {
    std::lock_guard lock(mutex_);
    done_ = done;
    failed_ = failed;
    if (live_) {
        const auto now = Clock::now();
        if (now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
        last_draw_ = now;
        std::fprintf(out_, "\r\033[K%s", status_line().c_str());
    } else {
        const int decile = total_ ? static_cast<int>(10 * done_ / total_) : 10;
        if (decile == last_decile_ || decile == 0) return;
        last_decile_ = decile;
        std::fprintf(out_, "%s\n", status_line().c_str());
    }
    std::fflush(out_);
}

void StreamProgress::end(const std::string& outcome) {
    std::lock_guard lock(mutex_);
    if (live_) std::fprintf(out_, "\r\033[K%s  %s\n", status_line().c_str(), outcome.c_str());
    else std::fprintf(out_, "%s: %s\n", label_.c_str(), outcome.c_str());
    std::fflush(out_);
}

void StreamProgress::note(const std::string& line) {
    std::lock_guard lock(mutex_);
    if (live_) std::fprintf(out_, "\r\033[K%s\n%s", line.c_str(), label_.empty() ? "" : status_line().c_str());
    else std::fprintf(out_, "%s\n", line.c_str());
    std::fflush(out_);
}

}  // namespace evalpanel::runner
