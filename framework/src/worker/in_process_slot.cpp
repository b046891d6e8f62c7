#include "worker/in_process_slot.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace evalpanel::worker {

namespace {

std::atomic<bool> abandoned{false};

using Clock = std::chrono::steady_clock;

// The hand-off between the caller and the call thread. Shared, so an abandoned thread still owns what it
// touches after the caller has moved on.
struct CallChannel {
    std::mutex mutex;
    std::condition_variable wake;       // the call thread waits for a request (or shutdown)
    std::condition_variable answered;   // the caller waits for the answer
    // The call thread's own copy: a hung call may go on reading it long after its caller gave up.
    std::optional<Request> request;
    bool done = false;
    bool shutdown = false;
    std::optional<Outcome> outcome;
    std::string exception;
};

void serve(std::shared_ptr<Tool> tool, std::shared_ptr<CallChannel> channel) {
    std::unique_lock lock(channel->mutex);
    for (;;) {
        channel->wake.wait(lock, [&] { return channel->shutdown || channel->request.has_value(); });
        if (!channel->request) return;  // shut down with nothing to do
        const Request request = std::move(*channel->request);
        channel->request.reset();
        lock.unlock();
        std::optional<Outcome> outcome;
        std::string exception;
        try {
            outcome = tool->call(request);
        } catch (const std::exception& e) {
            exception = e.what();
        } catch (...) {
            exception = "an exception that is not a std::exception";
        }
        lock.lock();
        channel->outcome = std::move(outcome);
        channel->exception = std::move(exception);
        channel->done = true;
        channel->answered.notify_one();
        if (channel->shutdown) return;
    }
}

class InProcessSlot final : public ToolSlot {
public:
    InProcessSlot(ToolFactory make_tool, SlotSpec spec) : make_tool_(std::move(make_tool)), spec_(std::move(spec)) {}

    ~InProcessSlot() override { stop_thread(); }

    std::string start() {
        try {
            auto tool = make_tool_();
            if (auto error = tool->configure(spec_.options)) {
                return "tool '" + spec_.tool_name + "' (" + spec_.config_source + ") rejected its configuration: " +
                       error->message;
            }
            tool_ = std::move(tool);
        } catch (const std::exception& e) {
            return e.what();
        }
        channel_ = std::make_shared<CallChannel>();
        thread_ = std::thread(serve, tool_, channel_);
        return {};
    }

    ToolInfo describe() override { return tool_->describe(); }

    SlotCall call(const Request& request, double timeout_s) override {
        const auto start = Clock::now();
        auto elapsed_ms = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };
        std::unique_lock lock(channel_->mutex);
        channel_->done = false;
        channel_->request = request;
        channel_->wake.notify_one();
        const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout_s));
        if (!channel_->answered.wait_until(lock, deadline, [&] { return channel_->done; })) {
            channel_->shutdown = true;  // the hung thread leaves when (if ever) its call returns
            lock.unlock();
            thread_.detach();
            abandoned = true;
            channel_.reset();
            tool_.reset();
            return SlotCall{CallEnd::timed_out, std::nullopt, {}, elapsed_ms()};
        }
        SlotCall result;
        result.latency_ms = elapsed_ms();
        if (!channel_->exception.empty()) {
            result.end = CallEnd::threw;
            result.detail = std::move(channel_->exception);
        } else {
            result.outcome = std::move(channel_->outcome);
        }
        channel_->outcome.reset();
        channel_->exception.clear();
        return result;
    }

    std::string restart() override {
        stop_thread();
        return start();
    }

private:
    void stop_thread() {
        if (!thread_.joinable()) return;
        {
            std::lock_guard lock(channel_->mutex);
            channel_->shutdown = true;
        }
        channel_->wake.notify_one();
        thread_.join();
        channel_.reset();
        tool_.reset();
    }

    ToolFactory make_tool_;
    SlotSpec spec_;
    std::shared_ptr<Tool> tool_;
    std::shared_ptr<CallChannel> channel_;
    std::thread thread_;
};

}  // namespace

bool any_call_abandoned() { return abandoned.load(); }

std::unique_ptr<ToolSlot> make_in_process_slot(const plugin_host::LoadedPlugin& plugin, const SlotSpec& spec,
                                               std::string& why) {
    return make_in_process_slot([plugin] { return plugin.create_tool(); }, spec, why);
}

std::unique_ptr<ToolSlot> make_in_process_slot(ToolFactory make_tool, const SlotSpec& spec, std::string& why) {
    auto slot = std::make_unique<InProcessSlot>(std::move(make_tool), spec);
    why = slot->start();
    if (!why.empty()) return nullptr;
    return slot;
}

}  // namespace evalpanel::worker
