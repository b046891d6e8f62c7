// evalpanel-worker PLUGIN_FILE: the process an isolated tool runs in (worker/isolated_slot.hpp). It
// loads the plugin and serves it over stdin/stdout until the host closes stdin.
#include <cstdio>
#include <cstdlib>

#include <csignal>

#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "worker/worker_server.hpp"

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

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: evalpanel-worker PLUGIN_FILE (started by evalpanel, speaking on stdin/stdout)\n");
        return 2;
    }
    // Ctrl-C at a terminal reaches the whole job. The host decides what an interrupt means (finish the
    // cases in flight, store them, mark the run): a worker dying of it would turn them into crashes.
    std::signal(SIGINT, SIG_IGN);
    // A host that dies (even by SIGKILL) takes its workers with it, hung calls included. The check
    // after prctl covers a host that died before it. (The signal follows the host *thread* that started
    // the worker; the runner's threads outlive the slots they restart, so that is the run's end.)
    const pid_t host = ::getppid();
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != host) return 1;

    // As in evalpanel's own main: the host owns parallelism, an engine's OpenMP pool must not add to it.
    setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);

    const int dev_null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int protocol_in = take_private(STDIN_FILENO, dev_null);
    const int protocol_out = take_private(STDOUT_FILENO, STDERR_FILENO);
    if (dev_null < 0 || protocol_in < 0 || protocol_out < 0) {
        std::perror("evalpanel-worker: cannot set up its protocol descriptors");
        return 2;
    }
    ::close(dev_null);
    return evalpanel::worker::serve_plugin(argv[1], protocol_in, protocol_out);
}
