// What every evalpanel-worker process does before it speaks: a worker spawned by the host, a zygote,
// and a worker a zygote forked (evalpanel_worker_main.cpp, zygote_server.cpp).
#pragma once

#include <sys/types.h>

namespace evalpanel::worker {

// Ignores SIGINT and asks for SIGKILL when the parent goes away. false when the parent (`parent`, read
// with getppid() before forking or at start) has gone already, so the request came too late.
bool tie_to_parent(pid_t parent);

// Moves the protocol from fd 0 / fd 1 to private close-on-exec descriptors (`in_fd`, `out_fd`) and points
// fd 0 at /dev/null and fd 1 at stderr. false (said on stderr) when it cannot.
bool take_protocol_descriptors(int& in_fd, int& out_fd);

}  // namespace evalpanel::worker
