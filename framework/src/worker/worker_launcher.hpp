// How an isolated slot gets a worker process: forked by the zygote of its plugin (zygote_client.hpp),
// started on first use and shared by every slot of that plugin in this host, so a worker starts
// without exec, dynamic linking and plugin loading; or spawned as a fresh evalpanel-worker when
// zygotes are off (EVALPANEL_WORKER_ZYGOTE=0) or the plugin's zygote cannot start or has died.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "worker/child_process.hpp"

namespace evalpanel::worker {

// A started worker for `plugin_file`, not yet past its hello; nullptr + why (one sentence).
std::unique_ptr<ChildProcess> start_worker(const std::filesystem::path& worker_executable,
                                           const std::filesystem::path& plugin_file, std::string& why);

// Starts the zygote of `plugin_file` now, without waiting for it, so it loads the plugin while the host
// does other work (reading suites); the first start_worker() for it then finds it ready. Does nothing when
// zygotes are off or it runs already; a zygote that cannot start is said once, as start_worker() would.
void prestart_zygote(const std::filesystem::path& worker_executable, const std::filesystem::path& plugin_file);

// False when $EVALPANEL_WORKER_ZYGOTE is "0": every worker is then spawned (for comparison and debugging).
bool zygotes_enabled();

}  // namespace evalpanel::worker
