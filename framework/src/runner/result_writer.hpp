// Group commit: the runner's workers hand finished cases to one writer thread, which stores everything
// waiting in one transaction. With a slow tool each case still commits on its own, at once; with a fast
// one, cases share commits and the store stops being the bottleneck (one commit per case caps a run at a
// few thousand cases a second). A case counts as stored only once its transaction has committed, so a run
// killed at any point loses at most the cases in flight — which --resume then runs.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"

namespace evalpanel::runner {

class ResultWriter {
public:
    // Called on the writer thread after each commit with the results it stored.
    using OnStored = std::function<void(const std::vector<store::ResultRecord>&)>;
    // Called on the writer thread, once, when a write fails (locked, disk full...): the run must stop.
    using OnFailure = std::function<void(const std::string& message)>;

    // `store_mutex` guards every use of `store` (it is one connection), here and by the caller.
    ResultWriter(store::Store& store, std::mutex& store_mutex, OnStored on_stored, OnFailure on_failure);
    ~ResultWriter();  // flush()es
    ResultWriter(const ResultWriter&) = delete;
    ResultWriter& operator=(const ResultWriter&) = delete;

    // Queues a result (and the cache entry its answer makes, if any). Blocks while the queue is full, so a
    // store slower than the tool slows the run instead of filling memory. After a failure, drops it.
    void submit(store::ResultRecord result, std::optional<store::CacheEntry> cache_entry);

    // Returns once everything submitted so far is committed (or has failed).
    void flush();

private:
    void loop();

    store::Store& store_;
    std::mutex& store_mutex_;
    OnStored on_stored_;
    OnFailure on_failure_;

    std::mutex mutex_;
    std::condition_variable has_work_, has_room_, drained_;
    std::vector<store::ResultRecord> results_;
    std::vector<store::CacheEntry> cache_entries_;
    bool writing_ = false;
    bool failed_ = false;
    bool closing_ = false;
    std::thread thread_;
};

}  // namespace evalpanel::runner
