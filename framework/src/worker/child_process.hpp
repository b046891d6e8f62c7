// A child process the host talks to over two pipes: the host writes to its stdin and reads its stdout;
// its stderr is the host's (a plugin's log lines still show). A child inherits descriptors 0, 1 and 2
// only, never another slot's pipes. The child is always reaped: a ChildProcess leaves no zombie behind.
// A worker forked by a zygote (zygote_client.hpp) is the zygote's child, not the host's: its exit
// status then comes from an ExitReporter instead of waitpid().
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace evalpanel::worker {

// "killed by signal 11 (SIGSEGV)" or "exited with status 3", from a waitpid() status.
std::string describe_exit_status(int status);

// Starts `executable` with `arguments` (argv[1]...) and `child_stdin` / `child_stdout` as its fd 0 / 1,
// inheriting nothing else above fd 2. Its pid, or -1 + `why` (one sentence).
pid_t spawn_process(const std::filesystem::path& executable, const std::vector<std::string>& arguments,
                    int child_stdin, int child_stdout, std::string& why);

// Says how a process the host is not the parent of ended.
class ExitReporter {
public:
    struct Exit {
        bool ended = false;                // false: still running at the deadline
        std::optional<int> wait_status;    // when it ended: its waitpid() status, if it can still be known
    };
    virtual ~ExitReporter() = default;
    // Waits until `pid` has ended or `until` has passed.
    virtual Exit wait_for(pid_t pid, std::chrono::steady_clock::time_point until) = 0;
};

class ChildProcess {
public:
    // How long the destructor waits for the child to leave by itself after its stdin closed.
    static constexpr std::chrono::milliseconds kExitGrace{500};

    // Starts `executable` with `arguments` (argv[1]...). nullptr + `why` (one sentence) when it cannot.
    static std::unique_ptr<ChildProcess> spawn(const std::filesystem::path& executable,
                                               const std::vector<std::string>& arguments, std::string& why);

    // Starts a child some other way: `launch` gets the child's ends of the two pipes (its stdin and
    // stdout, close-on-exec), starts the child with them and returns its pid, or -1 + why. The host's
    // copies of the child's ends are closed when `launch` returns. `exits` as for the constructor.
    using Launch = std::function<pid_t(int child_stdin, int child_stdout, std::string& why)>;
    static std::unique_ptr<ChildProcess> start(const Launch& launch, std::shared_ptr<ExitReporter> exits,
                                               std::string& why);

    // `exits` is null for the host's own child (waitpid), else who reports its exit (its zygote).
    ChildProcess(pid_t pid, int to_child, int from_child, std::shared_ptr<ExitReporter> exits = nullptr);
    ~ChildProcess();  // closes its stdin, waits up to kExitGrace, then kills it; always reaps it
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    int to_child() const { return to_child_; }      // non-blocking: writes honour a deadline
    int from_child() const { return from_child_; }

    // Closes its stdin: a child that reads it to the end then leaves by itself.
    void close_input();
    // Kills it (SIGKILL) and reaps it; says how it ended — by its own exit or signal when it had died
    // already (a child that closed its pipes by dying has its exit status set: SIGKILL changes nothing).
    std::string kill();
    // For a child whose output ended: waits up to `grace` for it to exit, kills it if it has not, and
    // says how it ended.
    std::string wait_for_exit(std::chrono::milliseconds grace);

private:
    std::string reap_blocking();
    std::string reaped(std::string how);  // records that it is gone, and how
    std::string reported(const ExitReporter::Exit& exit);  // reaped(), from an ExitReporter's news

    pid_t pid_;
    int to_child_;
    int from_child_;
    std::shared_ptr<ExitReporter> exits_;
    bool reaped_ = false;
    std::string ended_how_;
};

}  // namespace evalpanel::worker
