// Writing to a pipe whose reader died raises SIGPIPE, which kills a process by default, and pipes have
// no MSG_NOSIGNAL. While a SigpipeGuard lives, SIGPIPE is blocked in this thread, so the write fails
// with EPIPE instead; the guard then discards the SIGPIPE the write left pending. The process's signal
// disposition is left alone: the host may or may not ignore SIGPIPE itself.
#pragma once

#include <signal.h>

namespace evalpanel::worker {

class SigpipeGuard {
public:
    SigpipeGuard();
    ~SigpipeGuard();
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

private:
    sigset_t previous_mask_;
    // False when the thread blocked SIGPIPE already: a SIGPIPE pending then may be older than the guard
    // and is the thread's own business. When it was not blocked, nothing can have been pending before.
    bool blocked_here_ = false;
};

}  // namespace evalpanel::worker
