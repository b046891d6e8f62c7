#include "worker/worker_process_setup.hpp"

#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace evalpanel::worker {

namespace {

// Moves `fd` to a private close-on-exec descriptor (above 2) and points `fd` at `replacement`: the
// protocol's pipes are then out of a plugin's reach — its printf goes to stderr, its reads of stdin
// see /dev/null — and a program the plugin runs does not inherit them.
int take_private(int fd, int replacement) {
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (moved < 0 || ::dup2(replacement, fd) < 0) return -1;
    return moved;
}

}  // namespace

bool tie_to_parent(pid_t parent) {
    // Ctrl-C at a terminal reaches the whole job. The host decides what an interrupt means (finish the
    // cases in flight, store them, mark the run): a worker dying of it would turn them into crashes.
    std::signal(SIGINT, SIG_IGN);
    // A host that dies (even by SIGKILL) takes its workers with it, hung calls included. The check
    // after prctl covers a parent that died before it. The signal follows the parent *thread*: the
    // zygote is started by a thread that lives as long as the host's zygote client, and is itself
    // single-threaded, so neither fires early.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    return ::getppid() == parent;
}

bool take_protocol_descriptors(int& in_fd, int& out_fd) {
    const int dev_null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    in_fd = take_private(STDIN_FILENO, dev_null);
    out_fd = take_private(STDOUT_FILENO, STDERR_FILENO);
    if (dev_null < 0 || in_fd < 0 || out_fd < 0) {
        std::perror("evalpanel-worker: cannot set up its protocol descriptors");
        return false;
    }
    ::close(dev_null);
    return true;
}

}  // namespace evalpanel::worker
