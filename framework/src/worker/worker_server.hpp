// The evalpanel-worker side of the protocol: loads one plugin, says hello, then answers the host's
// configure / describe / call messages with one Tool until the host closes its end of the pipe.
#pragma once

#include <filesystem>
#include <string>

#include "plugin_host/plugin_host.hpp"

namespace evalpanel::worker {

// Serves the plugin over `in_fd` / `out_fd` and returns the process's exit status: 0 when the host
// closed the pipe, 1 when the host went away mid-answer, 2 when the plugin was refused or the host sent
// something that is not the protocol (a refusal is sent as a `refused` frame, the rest said on stderr).
int serve_plugin(const std::filesystem::path& plugin_file, int in_fd, int out_fd);

// The same for a plugin loaded already (a zygote's forked worker), and for one that was refused.
int serve_loaded_plugin(plugin_host::LoadedPlugin plugin, int in_fd, int out_fd);
int refuse_plugin(const std::string& refusal, int out_fd);

}  // namespace evalpanel::worker
