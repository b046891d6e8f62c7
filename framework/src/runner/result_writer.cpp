#include "runner/result_writer.hpp"

#include <exception>

namespace evalpanel::runner {

namespace {
// Enough to amortise a commit; small enough that a batch commits in milliseconds.
constexpr std::size_t max_queued = 4096;
}  // namespace

ResultWriter::ResultWriter(store::Store& store, std::mutex& store_mutex, OnStored on_stored, OnFailure on_failure)
    : store_(store), store_mutex_(store_mutex), on_stored_(std::move(on_stored)), on_failure_(std::move(on_failure)),
      thread_([this] { loop(); }) {}

ResultWriter::~ResultWriter() {
    flush();
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    has_work_.notify_one();
    thread_.join();
}

void ResultWriter::submit(store::ResultRecord result, std::optional<store::CacheEntry> cache_entry) {
    std::unique_lock lock(mutex_);
    has_room_.wait(lock, [&] { return failed_ || results_.size() < max_queued; });
    if (failed_) return;
    results_.push_back(std::move(result));
    if (cache_entry) cache_entries_.push_back(std::move(*cache_entry));
    has_work_.notify_one();
}

void ResultWriter::flush() {
    std::unique_lock lock(mutex_);
    drained_.wait(lock, [&] { return failed_ || (results_.empty() && cache_entries_.empty() && !writing_); });
}

void ResultWriter::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        has_work_.wait(lock, [&] { return closing_ || !results_.empty() || !cache_entries_.empty(); });
        if (results_.empty() && cache_entries_.empty()) return;  // closing, nothing left
        std::vector<store::ResultRecord> results;
        std::vector<store::CacheEntry> cache_entries;
        results.swap(results_);
        cache_entries.swap(cache_entries_);
        writing_ = true;
        lock.unlock();
        has_room_.notify_all();

        std::string failure;
        try {
            std::lock_guard store_lock(store_mutex_);
            store_.write_batch(results, cache_entries);
        } catch (const std::exception& e) {
            failure = e.what();
        }
        if (failure.empty()) {
            on_stored_(results);
        } else {
            on_failure_(failure);
        }

        lock.lock();
        writing_ = false;
        if (!failure.empty()) {
            failed_ = true;
            results_.clear();
            cache_entries_.clear();
            has_room_.notify_all();
        }
        drained_.notify_all();
    }
}

}  // namespace evalpanel::runner
