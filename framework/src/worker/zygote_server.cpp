#include "worker/zygote_server.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plugin_host/plugin_host.hpp"
#include "worker/worker_process_setup.hpp"
#include "worker/worker_server.hpp"
#include "worker/zygote_protocol.hpp"

namespace evalpanel::worker {

namespace {

constexpr int kHostClosed = 0;
constexpr int kBroken = 2;

void log_error(const std::string& message) { std::fprintf(stderr, "evalpanel-worker --zygote: %s\n", message.c_str()); }

// The plugin, loaded once; or why it was refused, which each forked worker then tells the host exactly
// as a spawned worker would.
struct PreloadedPlugin {
    std::optional<plugin_host::LoadedPlugin> plugin;
    std::string refusal;
};

PreloadedPlugin preload(const std::filesystem::path& plugin_file) {
    PreloadedPlugin preloaded;
    try {
        preloaded.plugin = plugin_host::PluginHost::load_file(plugin_file);
    } catch (const std::exception& e) {
        preloaded.refusal = e.what();
    }
    return preloaded;
}

class Zygote {
public:
    Zygote(PreloadedPlugin preloaded, int control_in, int control_out, int child_signals)
        : preloaded_(std::move(preloaded)), control_in_(control_in), control_out_(control_out), child_signals_(child_signals) {}

    int run() {
        for (;;) {
            pollfd watched[2] = {{control_in_, POLLIN, 0}, {child_signals_, POLLIN, 0}};
            if (::poll(watched, 2, -1) < 0) {
                if (errno == EINTR) continue;
                log_error(std::string("poll failed: ") + std::strerror(errno));
                return kBroken;
            }
            if (watched[1].revents & POLLIN) {
                signalfd_siginfo info;
                while (::read(child_signals_, &info, sizeof(info)) == sizeof(info)) {}
                if (!report_ended_workers()) return kHostClosed;
            }
            if (watched[0].revents & (POLLIN | POLLHUP | POLLERR)) {
                int worker_in = -1;
                int worker_out = -1;
                switch (receive_fork_request(control_in_, worker_in, worker_out)) {
                    case Received::closed: return kHostClosed;
                    case Received::failed:
                        log_error("the host sent something that is not a fork request");
                        return kBroken;
                    case Received::message:
                        if (!fork_worker(worker_in, worker_out)) return kHostClosed;
                        break;
                }
            }
        }
    }

private:
    // Reaps every worker that ended (SIGCHLD signals coalesce) and tells the host how. false when the
    // host cannot be told any more.
    bool report_ended_workers() {
        int status = 0;
        pid_t pid;
        while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
            if (!send_report(control_out_, {ZygoteReport::Kind::exited, pid, status})) return false;
        }
        return true;
    }

    bool fork_worker(int worker_in, int worker_out) {
        const pid_t zygote = ::getpid();
        std::fflush(nullptr);  // or what a plugin printed while loading would be printed again by every worker
        const pid_t pid = ::fork();
        if (pid == 0) become_worker(zygote, worker_in, worker_out);
        const int fork_error = errno;
        // The worker's descriptors are the worker's: the zygote keeps none, so the host sees EOF when
        // the worker dies and the next worker does not inherit them.
        ::close(worker_in);
        ::close(worker_out);
        if (pid < 0) return send_report(control_out_, {ZygoteReport::Kind::fork_failed, 0, fork_error});
        return send_report(control_out_, {ZygoteReport::Kind::forked, pid, 0});
    }

    [[noreturn]] void become_worker(pid_t zygote, int worker_in, int worker_out) {
        // Nothing of the zygote's job survives: its socket and signalfd are closed, SIGCHLD flows again.
        ::close(control_in_);
        ::close(control_out_);
        ::close(child_signals_);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        if (!tie_to_parent(zygote)) std::_Exit(1);
        // fd 0 and fd 1 are /dev/null and stderr already (the zygote set them up as a worker does), and
        // the received descriptors are private and close-on-exec: the protocol is out of a plugin's reach.
        const int status = preloaded_.plugin ? serve_loaded_plugin(std::move(*preloaded_.plugin), worker_in, worker_out)
                                             : refuse_plugin(preloaded_.refusal, worker_out);
        std::exit(status);
    }

    PreloadedPlugin preloaded_;
    int control_in_;
    int control_out_;
    int child_signals_;
};

}  // namespace

int serve_zygote(const std::filesystem::path& plugin_file, int control_in, int control_out) {
    // SIGCHLD arrives as a readable descriptor in the poll loop, not as a handler racing it.
    sigset_t child_signal;
    sigemptyset(&child_signal);
    sigaddset(&child_signal, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &child_signal, nullptr);
    const int child_signals = ::signalfd(-1, &child_signal, SFD_CLOEXEC | SFD_NONBLOCK);
    if (child_signals < 0) {
        log_error(std::string("cannot create a signalfd: ") + std::strerror(errno));
        return kBroken;
    }
    const int status = Zygote(preload(plugin_file), control_in, control_out, child_signals).run();
    ::close(child_signals);
    return status;
}

}  // namespace evalpanel::worker
