// The host's end of a worker zygote (`evalpanel-worker --zygote PLUGIN`, zygote_server.hpp): asks it
// to fork ready workers, and learns from it how each ended — the workers are the zygote's children,
// so the host cannot waitpid() them. Shared by every slot of one plugin; thread-safe.
#pragma once

#include <chrono>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <sys/types.h>

#include "worker/child_process.hpp"
#include "worker/zygote_protocol.hpp"

namespace evalpanel::worker {

class ZygoteClient final : public ExitReporter, public std::enable_shared_from_this<ZygoteClient> {
public:
    // A zygote that does not answer a fork request within this counts as gone.
    static constexpr std::chrono::seconds kForkTimeout{10};

    // Starts the zygote and the thread that reads its reports. The thread also spawns it: the zygote's
    // PR_SET_PDEATHSIG follows the thread that started it, and this one lives as long as the client.
    // nullptr + why (one sentence) when it cannot start.
    static std::shared_ptr<ZygoteClient> start(const std::filesystem::path& worker_executable,
                                               const std::filesystem::path& plugin_file, std::string& why);

    ZygoteClient(int socket, std::filesystem::path plugin_file);  // use start()
    ~ZygoteClient() override;  // ends the zygote, and with it every worker it forked
    ZygoteClient(const ZygoteClient&) = delete;
    ZygoteClient& operator=(const ZygoteClient&) = delete;

    // A new worker speaking the worker protocol on its pipes; nullptr + why when the zygote is gone or
    // cannot fork.
    std::unique_ptr<ChildProcess> fork_worker(std::string& why);

    Exit wait_for(pid_t pid, std::chrono::steady_clock::time_point until) override;

    bool alive() const;
    pid_t pid() const { return zygote_pid_; }
    // How the zygote ended ("killed by signal 9 (SIGKILL)"), once it has.
    std::string ended_how() const;

private:
    void serve(const std::filesystem::path& worker_executable, int zygote_end, std::promise<std::string>& started);
    void read_reports();
    void record_end(std::string how);
    pid_t request_fork(int child_stdin, int child_stdout, std::string& why);

    const int socket_;  // the host's end of the control socket
    const std::filesystem::path plugin_file_;
    pid_t zygote_pid_ = -1;
    std::atomic<bool> closing_ = false;  // the destructor ends it, on purpose

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool alive_ = true;
    std::string ended_how_;
    std::optional<ZygoteReport> fork_reply_;
    std::map<pid_t, int> ended_workers_;  // pid → wait status, until the worker's ChildProcess takes it

    std::mutex fork_mutex_;  // one fork request at a time, so a reply is the answer to the request in flight
    std::thread reader_;
};

}  // namespace evalpanel::worker
