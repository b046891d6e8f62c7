#include "worker/worker_server.hpp"

#include <cstdio>
#include <exception>
#include <memory>
#include <optional>

#include "plugin_host/plugin_host.hpp"
#include "worker/worker_messages.hpp"
#include "worker/worker_protocol.hpp"

namespace evalpanel::worker {

namespace {

constexpr int kHostClosed = 0;
constexpr int kHostGone = 1;
constexpr int kRefusedOrConfused = 2;

void log_error(const std::string& message) { std::fprintf(stderr, "evalpanel-worker: %s\n", message.c_str()); }

// What a Tool throws is reported, never let through: the host records the case and goes on.
std::string thrown_message(std::exception_ptr thrown) {
    try {
        std::rethrow_exception(thrown);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an exception that is not a std::exception";
    }
}

class Server {
public:
    Server(plugin_host::LoadedPlugin plugin, int in_fd, int out_fd)
        : plugin_(std::move(plugin)), reader_(in_fd), out_fd_(out_fd) {}

    int run() {
        if (!send(MessageKind::hello, encode_hello({plugin_.entry().name, plugin_.entry().version}))) return kHostGone;
        Frame frame;
        for (;;) {
            const IoResult got = reader_.read(frame);
            if (got.status == IoStatus::closed) return kHostClosed;
            if (got.status != IoStatus::ok) {
                log_error("cannot read the host's next message: " + got.error);
                return kRefusedOrConfused;
            }
            try {
                if (!answer(frame)) return kHostGone;
            } catch (const std::exception& e) {  // a malformed message, or describe() of a Tool that cannot be made
                log_error(e.what());
                return kRefusedOrConfused;
            }
        }
    }

private:
    bool answer(Frame& frame) {
        switch (frame.kind) {
            case MessageKind::configure: return send(MessageKind::configured, encode_configure_result(configure(frame)));
            case MessageKind::describe: return send(MessageKind::described, encode_tool_info(describe()));
            case MessageKind::call: return call(decode_request(std::move(frame)));
            default:
                throw ProtocolError("the host sent the message '" + std::string(to_string(frame.kind)) +
                                    "', which only a worker sends");
        }
    }

    ConfigureResult configure(const Frame& frame) {
        const nlohmann::json options = decode_header(frame.header, "configure");
        ConfigureResult result;
        tool_.reset();
        std::shared_ptr<Tool> tool;
        try {
            tool = plugin_.create_tool();  // a factory failure is already a sentence naming the plugin
        } catch (...) {
            result.failure = thrown_message(std::current_exception());
            return result;
        }
        try {
            result.rejection = tool->configure(options);
        } catch (...) {
            result.failure = "configure() threw: " + thrown_message(std::current_exception());
            return result;
        }
        if (!result.rejection) tool_ = std::move(tool);
        return result;
    }

    // describe() is cheap and side-effect free, so before configure() a fresh Tool can answer.
    ToolInfo describe() { return (tool_ ? tool_ : plugin_.create_tool())->describe(); }

    bool call(const Request& request) {
        if (!tool_) return send(MessageKind::threw, "the host called the tool before configuring it");
        std::optional<Outcome> outcome;
        try {
            outcome = tool_->call(request);
        } catch (...) {
            return send(MessageKind::threw, thrown_message(std::current_exception()));
        }
        return send(MessageKind::answer, encode_outcome(*outcome));
    }

    bool send(MessageKind kind, const std::string& header) {
        const IoResult sent = write_frame(out_fd_, kind, header, {});
        if (sent.status == IoStatus::failed) log_error(sent.error);
        return sent.status == IoStatus::ok;
    }

    plugin_host::LoadedPlugin plugin_;
    FrameReader reader_;
    int out_fd_;
    std::shared_ptr<Tool> tool_;
};

}  // namespace

int serve_plugin(const std::filesystem::path& plugin_file, int in_fd, int out_fd) {
    std::optional<plugin_host::LoadedPlugin> plugin;
    try {
        plugin = plugin_host::PluginHost::load_file(plugin_file);
    } catch (const std::exception& e) {
        return refuse_plugin(e.what(), out_fd);
    }
    return serve_loaded_plugin(std::move(*plugin), in_fd, out_fd);
}

int serve_loaded_plugin(plugin_host::LoadedPlugin plugin, int in_fd, int out_fd) {
    return Server(std::move(plugin), in_fd, out_fd).run();
}

int refuse_plugin(const std::string& refusal, int out_fd) {
    // The host reports the refusal; stderr only if it cannot be told.
    if (const IoResult sent = write_frame(out_fd, MessageKind::refused, refusal, {}); sent.status != IoStatus::ok) {
        log_error(refusal);
    }
    return kRefusedOrConfused;
}

}  // namespace evalpanel::worker
