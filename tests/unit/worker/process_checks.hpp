// What the worker tests ask the kernel about processes they started.
#pragma once

#include <cerrno>

#include <signal.h>
#include <sys/wait.h>

namespace evalpanel::worker {

// True when `pid` no longer exists at all: not running, and not a zombie waiting to be reaped (kill(pid,
// 0) still succeeds on a zombie).
inline bool process_is_gone(pid_t pid) {
    if (::kill(pid, 0) == 0 || errno != ESRCH) return false;
    return ::waitpid(pid, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

}  // namespace evalpanel::worker
