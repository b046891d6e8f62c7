#include "runner/timed_call.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

namespace evalpanel::runner {

namespace {

std::atomic<bool> abandoned{false};

struct CallState {
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    std::optional<Outcome> outcome;
    std::string exception;
};

void guarded_call(Tool& tool, const Request& request, CallState& state) {
    std::optional<Outcome> outcome;
    std::string exception;
    try {
        outcome = tool.call(request);
    } catch (const std::exception& e) {
        exception = std::string("the plugin threw an exception: ") + e.what();
    } catch (...) {
        exception = "the plugin threw an unknown exception";
    }
    std::lock_guard lock(state.mutex);
    state.outcome = std::move(outcome);
    state.exception = std::move(exception);
    state.done = true;
    state.finished.notify_one();
}

}  // namespace

bool any_call_abandoned() { return abandoned.load(); }

TimedOutcome call_with_deadline(const std::shared_ptr<Tool>& tool, const Request& request, double timeout_s) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto elapsed_ms = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };

    auto state = std::make_shared<CallState>();
    // The thread owns copies of everything it touches, so abandoning it leaves nothing dangling.
    std::thread worker([tool, state, request] { guarded_call(*tool, request, *state); });

    std::unique_lock lock(state->mutex);
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout_s));
    const bool done = state->finished.wait_until(lock, deadline, [&] { return state->done; });
    if (!done) {
        lock.unlock();
        worker.detach();
        abandoned = true;
        return TimedOutcome{std::nullopt, {}, elapsed_ms()};
    }
    TimedOutcome result{std::move(state->outcome), std::move(state->exception), elapsed_ms()};
    lock.unlock();
    worker.join();
    return result;
}

}  // namespace evalpanel::runner
