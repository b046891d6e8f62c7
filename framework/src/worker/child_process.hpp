// A child process the host talks to over two pipes: the host writes to its stdin and reads its stdout;
// its stderr is the host's (a plugin's log lines still show). A child inherits descriptors 0, 1 and 2
// only, never another slot's pipes. The child is always reaped: a ChildProcess leaves no zombie behind.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sys/types.h>

namespace evalpanel::worker {

// "killed by signal 11 (SIGSEGV)" or "exited with status 3", from a waitpid() status.
std::string describe_exit_status(int status);

class ChildProcess {
public:
    // How long the destructor waits for the child to leave by itself after its stdin closed.
    static constexpr std::chrono::milliseconds kExitGrace{500};

    // Starts `executable` with `arguments` (argv[1]...). nullptr + `why` (one sentence) when it cannot.
    static std::unique_ptr<ChildProcess> spawn(const std::filesystem::path& executable,
                                               const std::vector<std::string>& arguments, std::string& why);

    ChildProcess(pid_t pid, int to_child, int from_child);
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

    pid_t pid_;
    int to_child_;
    int from_child_;
    bool reaped_ = false;
    std::string ended_how_;
};

}  // namespace evalpanel::worker
