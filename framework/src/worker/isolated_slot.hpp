// A ToolSlot whose Tool lives in an evalpanel-worker process that loaded the plugin (forked by the
// plugin's zygote, or spawned: worker_launcher.hpp), reached over two
// pipes (worker_protocol.hpp). A call that passes its deadline kills the worker (SIGKILL): the case is
// a timeout and nothing of the hung call survives. A worker that dies (a segfault, abort(), exit())
// costs one case, recorded as a crash with how it ended. restart() starts and configures a new worker.
// This is the default way tools run (DESIGN.md "Plugin boundary"); in_process_slot.hpp is the other.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <sys/types.h>

#include "worker/child_process.hpp"
#include "worker/tool_slot.hpp"
#include "worker/worker_protocol.hpp"

namespace evalpanel::worker {

// A started and configured isolated slot, or nullptr + `why` (one sentence naming the tool) when the
// worker cannot start, refuses the plugin, or the Tool rejects its configuration.
std::unique_ptr<ToolSlot> make_isolated_slot(const SlotSpec& spec, const std::filesystem::path& worker_executable,
                                             std::string& why);

// $EVALPANEL_WORKER when set, else evalpanel-worker next to this executable (the build tree and an
// install both put it beside evalpanel).
std::filesystem::path default_worker_executable();

class IsolatedSlot final : public ToolSlot {
public:
    // Loading a plugin and configure() (which may load a model) must finish within this; a worker
    // stuck there is killed and the slot reports why.
    static constexpr double kStartupTimeoutS = 300;

    IsolatedSlot(SlotSpec spec, std::filesystem::path worker_executable);

    // Starts and configures a worker: "" on success, else why.
    std::string start();

    ToolInfo describe() override;
    SlotCall call(const Request& request, double timeout_s) override;
    std::string restart() override;

    // The worker's process id, or -1 when none runs (tests check that nothing is left behind).
    pid_t worker_pid() const { return child_ ? child_->pid() : -1; }

private:
    // Start-up: hello, configure, describe. "" when done, else why (the caller then drops the worker).
    std::string handshake(Deadline deadline);
    std::string send_startup(MessageKind kind, const std::string& header, Deadline deadline);
    std::string expect(MessageKind kind, Frame& reply, Deadline deadline);
    std::string tool_label() const;
    SlotCall lost(SlotCall result, std::string how);  // the worker is gone: forget it

    SlotSpec spec_;
    std::filesystem::path worker_executable_;
    std::unique_ptr<ChildProcess> child_;
    std::unique_ptr<FrameReader> reader_;
    ToolInfo info_;
};

}  // namespace evalpanel::worker
