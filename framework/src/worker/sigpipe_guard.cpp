#include "worker/sigpipe_guard.hpp"

#include <ctime>

#include <pthread.h>

namespace evalpanel::worker {

namespace {

sigset_t only_sigpipe() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    return set;
}

}  // namespace

SigpipeGuard::SigpipeGuard() {
    const sigset_t set = only_sigpipe();
    pthread_sigmask(SIG_BLOCK, &set, &previous_mask_);
    blocked_here_ = sigismember(&previous_mask_, SIGPIPE) == 0;
}

SigpipeGuard::~SigpipeGuard() {
    if (!blocked_here_) return;
    // Three system calls per guarded write in all (block, this, unblock): small beside a round trip.
    const sigset_t set = only_sigpipe();
    const timespec no_wait{0, 0};
    sigtimedwait(&set, nullptr, &no_wait);  // takes the SIGPIPE a write raised, if any; else returns at once
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

}  // namespace evalpanel::worker
