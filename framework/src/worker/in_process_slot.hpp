// A ToolSlot in this process: one configured Tool and one persistent call thread that runs its calls, so
// the caller can stop waiting at a deadline. A call that hangs cannot be interrupted in process: its
// thread is abandoned together with its Tool (which keeps the plugin's library loaded), and restart()
// makes a fresh Tool on a fresh thread. A plugin that crashes takes the whole process with it — that is
// what isolated workers are for (`--in-process` is for debugging and speed tests).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "plugin_host/plugin_host.hpp"
#include "worker/tool_slot.hpp"

namespace evalpanel::worker {

// Makes a new, unconfigured Tool; may throw (the slot reports what it threw).
using ToolFactory = std::function<std::shared_ptr<Tool>()>;

// nullptr + `why` (one sentence) when the Tool cannot be created or rejects its configuration.
std::unique_ptr<ToolSlot> make_in_process_slot(ToolFactory make_tool, const SlotSpec& spec, std::string& why);
// The same, with the plugin's factory.
std::unique_ptr<ToolSlot> make_in_process_slot(const plugin_host::LoadedPlugin& plugin, const SlotSpec& spec,
                                               std::string& why);

// Whether any in-process call has been abandoned in this process: the process must then leave with
// _exit, since a hung plugin thread may still be running inside code that static destruction unloads.
bool any_call_abandoned();

}  // namespace evalpanel::worker
