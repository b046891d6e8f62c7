// A ToolSlot is where one configured Tool instance runs, one case at a time: in this process on a
// persistent call thread (in_process_slot.hpp, for debugging and speed tests) or in a worker process
// that loaded the plugin (isolated_slot.hpp, the default). The runner sees only this interface, so a
// plugin that hangs, segfaults or aborts costs one case and a restarted instance, never the run
// (DESIGN.md "Plugin boundary").
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::worker {

// How one call ended. Only `answered` carries an Outcome (a Response or the Tool's own ToolError).
enum class CallEnd {
    answered,
    timed_out,  // no answer within the deadline: the instance was abandoned (in process) or killed
    crashed,    // the worker process died (signal or exit) before answering: `detail` says how
    threw,      // the Tool threw from call() (it must not): `detail` is what it threw
};

struct SlotCall {
    CallEnd end = CallEnd::answered;
    std::optional<Outcome> outcome;  // set iff end == answered
    std::string detail;              // crashed: "killed by signal 11 (SIGSEGV)" / "exited with status 3";
                                     // threw: the exception's message
    double latency_ms = 0;           // from sending the request to the answer (or to the deadline)
};

class ToolSlot {
public:
    virtual ~ToolSlot() = default;

    // describe() of the configured instance (a plugin may only know its kind after configure()).
    virtual ToolInfo describe() = 0;

    // One case, with a deadline in seconds. Never throws. After timed_out or crashed the instance is
    // gone: the caller must restart() before the next call.
    virtual SlotCall call(const Request& request, double timeout_s) = 0;

    // A fresh instance, created and configured like the first. Returns "" on success, else one sentence
    // saying why (the caller then stops the run with it).
    virtual std::string restart() = 0;
};

// What a slot needs to make (and remake) its instance.
struct SlotSpec {
    std::filesystem::path plugin_file;   // the plugin library (PluginEntry::path)
    std::string tool_name;               // the tools-config name, for messages
    std::string config_source;           // where the tool was configured, for messages
    nlohmann::json options = nlohmann::json::object();  // the plugin's options, passed to configure()
};

}  // namespace evalpanel::worker
