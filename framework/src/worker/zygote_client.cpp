#include "worker/zygote_client.hpp"

#include <cerrno>
#include <cstring>

#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace evalpanel::worker {

namespace fs = std::filesystem;

std::shared_ptr<ZygoteClient> ZygoteClient::start(const fs::path& worker_executable, const fs::path& plugin_file,
                                                  std::string& why) {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) {
        why = "cannot create the control socket of a worker zygote: " + std::string(std::strerror(errno));
        return nullptr;
    }
    auto client = std::make_shared<ZygoteClient>(ends[0], plugin_file);
    std::promise<std::string> started;  // the reader thread's: it says whether the zygote started
    std::future<std::string> started_why = started.get_future();
    client->reader_ = std::thread([&client = *client, worker_executable, zygote_end = ends[1], started = std::move(started)]() mutable {
        client.serve(worker_executable, zygote_end, started);
    });
    why = started_why.get();
    if (!why.empty()) return nullptr;  // the destructor joins the reader thread, which has ended
    return client;
}

ZygoteClient::ZygoteClient(int socket, fs::path plugin_file) : socket_(socket), plugin_file_(std::move(plugin_file)) {}

ZygoteClient::~ZygoteClient() {
    closing_ = true;
    ::shutdown(socket_, SHUT_RDWR);  // the reader sees the end, kills and reaps the zygote
    if (reader_.joinable()) reader_.join();
    ::close(socket_);
}

void ZygoteClient::serve(const fs::path& worker_executable, int zygote_end, std::promise<std::string>& started) {
    std::string why;
    zygote_pid_ = spawn_process(worker_executable, {"--zygote", plugin_file_.string()}, zygote_end, zygote_end, why);
    ::close(zygote_end);
    if (zygote_pid_ < 0) {
        record_end("could not start");
        started.set_value("cannot start a worker zygote for " + plugin_file_.string() + ": " + why);
        return;
    }
    started.set_value({});
    read_reports();
}

void ZygoteClient::read_reports() {
    ZygoteReport report;
    while (!closing_ && receive_report(socket_, report) == Received::message) {
        const std::lock_guard lock(mutex_);
        if (report.kind == ZygoteReport::Kind::exited) {
            ended_workers_[report.pid] = report.value;
        } else {
            fork_reply_ = report;
        }
        changed_.notify_all();
    }
    // The zygote closed its end (it died), or talks nonsense, or the host is done with it. A zygote that
    // died has its exit status set already: SIGKILL then changes nothing of how it ended.
    ::kill(zygote_pid_, SIGKILL);
    int status = 0;
    pid_t got;
    do {
        got = ::waitpid(zygote_pid_, &status, 0);
    } while (got < 0 && errno == EINTR);
    record_end(got == zygote_pid_ ? describe_exit_status(status) : "ended");
}

void ZygoteClient::record_end(std::string how) {
    const std::lock_guard lock(mutex_);
    alive_ = false;
    ended_how_ = std::move(how);
    changed_.notify_all();
}

bool ZygoteClient::alive() const {
    const std::lock_guard lock(mutex_);
    return alive_;
}

std::string ZygoteClient::ended_how() const {
    const std::lock_guard lock(mutex_);
    return ended_how_;
}

std::unique_ptr<ChildProcess> ZygoteClient::fork_worker(std::string& why) {
    const std::lock_guard one_at_a_time(fork_mutex_);
    return ChildProcess::start([this](int child_stdin, int child_stdout, std::string& fork_why) {
        return request_fork(child_stdin, child_stdout, fork_why);
    }, shared_from_this(), why);
}

pid_t ZygoteClient::request_fork(int child_stdin, int child_stdout, std::string& why) {
    const std::string zygote = "the worker zygote for " + plugin_file_.string();
    {
        const std::lock_guard lock(mutex_);
        if (!alive_) {
            why = zygote + " " + ended_how_;
            return -1;
        }
        fork_reply_.reset();
    }
    if (!send_fork_request(socket_, child_stdin, child_stdout)) {
        why = "cannot ask " + zygote + " for a worker: " + std::strerror(errno);
        return -1;
    }
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, kForkTimeout, [&] { return fork_reply_ || !alive_; })) {
        // A late answer must not pass for the answer to the next request: this zygote is done.
        ::kill(zygote_pid_, SIGKILL);
        why = zygote + " did not fork a worker within " + std::to_string(kForkTimeout.count()) + " s";
        return -1;
    }
    if (!fork_reply_) {
        why = zygote + " " + ended_how_;
        return -1;
    }
    if (fork_reply_->kind == ZygoteReport::Kind::fork_failed) {
        why = zygote + " cannot fork: " + std::strerror(fork_reply_->value);
        return -1;
    }
    return fork_reply_->pid;
}

ExitReporter::Exit ZygoteClient::wait_for(pid_t pid, std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, until, [&] { return ended_workers_.count(pid) > 0 || !alive_; });
    if (const auto found = ended_workers_.find(pid); found != ended_workers_.end()) {
        const int status = found->second;
        ended_workers_.erase(found);
        return {true, status};
    }
    // Workers die with their zygote (PR_SET_PDEATHSIG); who reaps them then is not the host's to know.
    if (!alive_) return {true, std::nullopt};
    return {false, std::nullopt};
}

}  // namespace evalpanel::worker
