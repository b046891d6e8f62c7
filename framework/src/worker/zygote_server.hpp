// The zygote side of `evalpanel-worker --zygote PLUGIN`: loads the plugin once, then forks a ready
// worker per request of the host (zygote_protocol.hpp), so a worker starts without exec, dynamic
// linking and plugin loading. The zygote stays single-threaded (no Tool is created in it), which is
// what makes fork() safe; it reaps its workers and reports how each ended.
#pragma once

#include <filesystem>

namespace evalpanel::worker {

// Serves fork requests on the control socket (`control_in` / `control_out`, both the socket) until the
// host closes it; returns the zygote's exit status. A forked worker never returns from here: it serves
// its Tool and exits.
int serve_zygote(const std::filesystem::path& plugin_file, int control_in, int control_out);

}  // namespace evalpanel::worker
