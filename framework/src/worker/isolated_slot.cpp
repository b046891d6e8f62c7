#include "worker/isolated_slot.hpp"

#include <cstdlib>
#include <utility>

#include "worker/sigpipe_guard.hpp"
#include "worker/worker_launcher.hpp"
#include "worker/worker_messages.hpp"

namespace evalpanel::worker {

namespace fs = std::filesystem;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// A deadline `seconds` from now; none for a timeout too large to represent (infinity included).
Deadline deadline_in(double seconds) {
    if (!(seconds < 1e9)) return std::nullopt;
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(std::max(seconds, 0.0)));
}

}  // namespace

IsolatedSlot::IsolatedSlot(SlotSpec spec, fs::path worker_executable)
    : spec_(std::move(spec)), worker_executable_(std::move(worker_executable)) {}

std::string IsolatedSlot::tool_label() const { return "tool '" + spec_.tool_name + "' (" + spec_.config_source + ")"; }

std::string IsolatedSlot::send_startup(MessageKind kind, const std::string& header, Deadline deadline) {
    IoResult sent;
    {
        const SigpipeGuard guard;
        sent = write_frame(child_->to_child(), kind, header, {}, deadline);
    }
    switch (sent.status) {
        case IoStatus::ok: return {};
        case IoStatus::timed_out: return "the worker of " + tool_label() + " did not take its " + std::string(to_string(kind)) + " message in time";
        case IoStatus::closed: return "the worker of " + tool_label() + " " + child_->kill() + " while starting";
        case IoStatus::failed: break;
    }
    return "cannot send the worker of " + tool_label() + " its " + std::string(to_string(kind)) + " message: " + sent.error;
}

std::string IsolatedSlot::expect(MessageKind kind, Frame& reply, Deadline deadline) {
    const IoResult got = reader_->read(reply, deadline);
    if (got.status == IoStatus::timed_out) {
        return "the worker of " + tool_label() + " did not start within " + std::to_string(int(kStartupTimeoutS)) + " s";
    }
    if (got.status != IoStatus::ok) {
        return "the worker of " + tool_label() + " " + child_->kill() + " while starting" +
               (got.error.empty() ? "" : "; " + got.error);
    }
    if (reply.kind == MessageKind::refused) return tool_label() + ": " + reply.header;
    if (reply.kind != kind) {
        return "the worker of " + tool_label() + " sent '" + std::string(to_string(reply.kind)) + "' where '" +
               std::string(to_string(kind)) + "' was due";
    }
    return {};
}

std::string IsolatedSlot::handshake(Deadline deadline) {
    Frame reply;
    if (std::string why = expect(MessageKind::hello, reply, deadline); !why.empty()) return why;
    decode_hello(reply.header);
    if (std::string why = send_startup(MessageKind::configure, encode_header(spec_.options), deadline); !why.empty()) return why;
    if (std::string why = expect(MessageKind::configured, reply, deadline); !why.empty()) return why;
    const ConfigureResult configured = decode_configure_result(reply.header);
    if (configured.rejection) return tool_label() + " rejected its configuration: " + configured.rejection->message;
    if (!configured.failure.empty()) return tool_label() + ": " + configured.failure;
    if (std::string why = send_startup(MessageKind::describe, {}, deadline); !why.empty()) return why;
    if (std::string why = expect(MessageKind::described, reply, deadline); !why.empty()) return why;
    info_ = decode_tool_info(reply.header);
    return {};
}

std::string IsolatedSlot::start() {
    std::string why;
    child_ = start_worker(worker_executable_, spec_.plugin_file, why);
    if (!child_) return tool_label() + " cannot run in a worker process: " + why;
    reader_ = std::make_unique<FrameReader>(child_->from_child());
    try {
        why = handshake(deadline_in(kStartupTimeoutS));
    } catch (const ProtocolError& e) {
        why = "the worker of " + tool_label() + " does not speak the protocol: " + e.what();
    }
    if (!why.empty()) {
        child_->kill();
        reader_.reset();
        child_.reset();
    }
    return why;
}

ToolInfo IsolatedSlot::describe() { return info_; }

SlotCall IsolatedSlot::lost(SlotCall result, std::string how) {
    result.detail = std::move(how);
    reader_.reset();
    child_.reset();
    return result;
}

SlotCall IsolatedSlot::call(const Request& request, double timeout_s) {
    const auto start = Clock::now();
    if (!child_) {
        return SlotCall{CallEnd::crashed, std::nullopt, "no worker is running: restart() must follow a timeout or a crash", 0};
    }
    const std::string header = encode_request_header(request);
    if (header.size() + request.image.size() > kMaxFrameBytes) {  // refused unsent: the worker stays usable
        return SlotCall{CallEnd::answered,
                        ToolError{ErrorKind::bad_input, "case '" + request.case_id + "' is larger than the " +
                                                            std::to_string(kMaxFrameBytes >> 20) + " MiB a worker accepts", {}},
                        {}, 0};
    }
    const Deadline deadline = deadline_in(timeout_s);
    IoResult io;
    {
        const SigpipeGuard guard;
        io = write_frame(child_->to_child(), MessageKind::call, header, request.image, deadline);
    }
    Frame reply;
    if (io.status == IoStatus::ok) io = reader_->read(reply, deadline);

    SlotCall result;
    result.latency_ms = ms_since(start);
    // A worker whose pipe closed has died: its exit status is set before its descriptors close, so
    // kill() then only collects how it ended (SIGSEGV, exit 3...).
    switch (io.status) {
        case IoStatus::ok: break;
        case IoStatus::timed_out:
            result.end = CallEnd::timed_out;
            child_->kill();
            return lost(result, {});
        case IoStatus::closed:
            result.end = CallEnd::crashed;
            return lost(result, child_->kill());
        case IoStatus::failed:  // a truncated or malformed answer
            result.end = CallEnd::crashed;
            return lost(result, child_->kill() + "; " + io.error);
    }
    if (reply.kind == MessageKind::threw) {
        result.end = CallEnd::threw;
        result.detail = std::move(reply.header);
        return result;
    }
    if (reply.kind == MessageKind::answer) {
        try {
            result.outcome = decode_outcome(reply.header);
            return result;
        } catch (const ProtocolError& e) {
            result.end = CallEnd::crashed;
            return lost(result, std::string(e.what()) + "; the worker was " + child_->kill());
        }
    }
    result.end = CallEnd::crashed;
    return lost(result, "the worker answered a call with a '" + std::string(to_string(reply.kind)) +
                            "' message and was " + child_->kill());
}

std::string IsolatedSlot::restart() {
    if (child_) child_->kill();
    reader_.reset();
    child_.reset();
    return start();
}

std::unique_ptr<ToolSlot> make_isolated_slot(const SlotSpec& spec, const fs::path& worker_executable, std::string& why) {
    auto slot = std::make_unique<IsolatedSlot>(spec, worker_executable);
    why = slot->start();
    if (!why.empty()) return nullptr;
    return slot;
}

fs::path default_worker_executable() {
    if (const char* env = std::getenv("EVALPANEL_WORKER"); env && *env) return env;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return (ec ? fs::path() : self.parent_path()) / "evalpanel-worker";
}

}  // namespace evalpanel::worker
