#include "worker/child_process.hpp"

#include <cerrno>
#include <cstring>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace evalpanel::worker {

namespace {

constexpr const char* kReapedElsewhere = "ended (its exit status was collected elsewhere)";
// How long a killed child's exit report may take to arrive from its zygote before it counts as unknowable.
constexpr std::chrono::seconds kReportWait{10};

std::string signal_name(int signal) {
    const char* abbrev = sigabbrev_np(signal);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

struct Pipe {
    int read_end = -1;
    int write_end = -1;
};

void close_pipe(Pipe& p) {
    if (p.read_end >= 0) ::close(p.read_end);
    if (p.write_end >= 0) ::close(p.write_end);
    p = {};
}

// Spawn settings for the child: its two pipe ends become fd 0 and 1, and every descriptor above 2 is
// closed, so it inherits nothing else of the host's (another slot's pipes, a database or socket some
// library opened without close-on-exec); no signal blocked, and SIGPIPE at its default even if the host
// ignores it (ignored signals survive exec): a worker whose host died should die on its next write.
class SpawnSettings {
public:
    SpawnSettings(int child_stdin, int child_stdout) {
        posix_spawn_file_actions_init(&actions_);
        posix_spawn_file_actions_adddup2(&actions_, child_stdin, STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions_, child_stdout, STDOUT_FILENO);
        posix_spawn_file_actions_addclosefrom_np(&actions_, STDERR_FILENO + 1);
        posix_spawnattr_init(&attributes_);
        sigset_t none;
        sigemptyset(&none);
        posix_spawnattr_setsigmask(&attributes_, &none);
        sigset_t defaults;
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGPIPE);
        posix_spawnattr_setsigdefault(&attributes_, &defaults);
        posix_spawnattr_setflags(&attributes_, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    }
    ~SpawnSettings() {
        posix_spawn_file_actions_destroy(&actions_);
        posix_spawnattr_destroy(&attributes_);
    }
    SpawnSettings(const SpawnSettings&) = delete;
    SpawnSettings& operator=(const SpawnSettings&) = delete;

    const posix_spawn_file_actions_t* actions() const { return &actions_; }
    const posix_spawnattr_t* attributes() const { return &attributes_; }

private:
    posix_spawn_file_actions_t actions_;
    posix_spawnattr_t attributes_;
};

}  // namespace

std::string describe_exit_status(int status) {
    if (WIFSIGNALED(status)) {
        return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" + signal_name(WTERMSIG(status)) + ")";
    }
    if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
    return "ended with wait status " + std::to_string(status);
}

pid_t spawn_process(const std::filesystem::path& executable, const std::vector<std::string>& arguments,
                    int child_stdin, int child_stdout, std::string& why) {
    std::vector<std::string> argv_strings{executable.string()};
    argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_t pid = -1;
    const SpawnSettings settings(child_stdin, child_stdout);
    if (const int error = ::posix_spawn(&pid, argv[0], settings.actions(), settings.attributes(), argv.data(), environ);
        error != 0) {
        why = "cannot start the worker executable " + executable.string() + ": " + std::strerror(error);
        return -1;
    }
    return pid;
}

std::unique_ptr<ChildProcess> ChildProcess::spawn(const std::filesystem::path& executable,
                                                  const std::vector<std::string>& arguments, std::string& why) {
    return start([&](int child_stdin, int child_stdout, std::string& launch_why) {
        return spawn_process(executable, arguments, child_stdin, child_stdout, launch_why);
    }, nullptr, why);
}

std::unique_ptr<ChildProcess> ChildProcess::start(const Launch& launch, std::shared_ptr<ExitReporter> exits,
                                                  std::string& why) {
    Pipe to_child;
    Pipe from_child;
    int ends[2];
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        why = std::string("cannot create a pipe for a worker process: ") + std::strerror(errno);
        return nullptr;
    }
    to_child = {ends[0], ends[1]};
    if (::pipe2(ends, O_CLOEXEC) != 0) {
        why = std::string("cannot create a pipe for a worker process: ") + std::strerror(errno);
        close_pipe(to_child);
        return nullptr;
    }
    from_child = {ends[0], ends[1]};

    const pid_t pid = launch(to_child.read_end, from_child.write_end, why);
    // The child's ends are the child's: the host keeps only its own, so it sees EOF when the child dies.
    ::close(to_child.read_end);
    ::close(from_child.write_end);
    if (pid < 0) {
        ::close(to_child.write_end);
        ::close(from_child.read_end);
        return nullptr;
    }
    ::fcntl(to_child.write_end, F_SETFL, ::fcntl(to_child.write_end, F_GETFL) | O_NONBLOCK);
    return std::make_unique<ChildProcess>(pid, to_child.write_end, from_child.read_end, std::move(exits));
}

ChildProcess::ChildProcess(pid_t pid, int to_child, int from_child, std::shared_ptr<ExitReporter> exits)
    : pid_(pid), to_child_(to_child), from_child_(from_child), exits_(std::move(exits)) {}

ChildProcess::~ChildProcess() {
    close_input();  // a healthy worker leaves by itself on EOF
    if (!reaped_) wait_for_exit(kExitGrace);
    ::close(from_child_);
}

void ChildProcess::close_input() {
    if (to_child_ >= 0) ::close(to_child_);
    to_child_ = -1;
}

std::string ChildProcess::reap_blocking() {
    if (exits_) return reported(exits_->wait_for(pid_, std::chrono::steady_clock::now() + kReportWait));
    int status = 0;
    pid_t got;
    do {
        got = ::waitpid(pid_, &status, 0);
    } while (got < 0 && errno == EINTR);
    return reaped(got == pid_ ? describe_exit_status(status) : kReapedElsewhere);
}

std::string ChildProcess::reaped(std::string how) {
    reaped_ = true;
    ended_how_ = std::move(how);
    return ended_how_;
}

std::string ChildProcess::reported(const ExitReporter::Exit& exit) {
    return reaped(exit.wait_status ? describe_exit_status(*exit.wait_status) : kReapedElsewhere);
}

std::string ChildProcess::kill() {
    if (reaped_) return ended_how_;
    // A pid whose exit was reported may already belong to another process: never signal it.
    if (exits_) {
        if (const auto exit = exits_->wait_for(pid_, std::chrono::steady_clock::now()); exit.ended) return reported(exit);
    }
    ::kill(pid_, SIGKILL);
    return reap_blocking();
}

std::string ChildProcess::wait_for_exit(std::chrono::milliseconds grace) {
    if (reaped_) return ended_how_;
    const auto deadline = std::chrono::steady_clock::now() + grace;
    if (exits_) {
        const auto exit = exits_->wait_for(pid_, deadline);
        return exit.ended ? reported(exit) : kill();
    }
    // A dying process takes microseconds to a few milliseconds to become waitable: poll, backing off.
    auto pause = std::chrono::microseconds(50);
    for (;;) {
        int status = 0;
        const pid_t got = ::waitpid(pid_, &status, WNOHANG);
        if (got == pid_) return reaped(describe_exit_status(status));
        // Not our child any more: SIGCHLD is ignored, or someone else reaped it.
        if (got < 0 && errno != EINTR) return reaped(kReapedElsewhere);
        if (std::chrono::steady_clock::now() >= deadline) return kill();
        std::this_thread::sleep_for(pause);
        pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(5));
    }
}

}  // namespace evalpanel::worker
