#include "loopback_servers.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace evalpanel::http::testing {
namespace {

// These tests talk to 127.0.0.1 only; a proxy configured on the machine running them must not get in
// the way (the proxy test switches this off for itself).
[[maybe_unused]] const bool no_proxy_for_tests = [] {
    setenv("no_proxy", "*", 1);
    setenv("NO_PROXY", "*", 1);
    return true;
}();

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int bound_port(int fd) {
    sockaddr_in address{};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) throw std::runtime_error("getsockname failed");
    return ntohs(address.sin_port);
}

int listen_on_ephemeral_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    const sockaddr_in address = loopback(0);
    if (bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 || listen(fd, 16) != 0) {
        close(fd);
        throw std::runtime_error("bind/listen on 127.0.0.1 failed");
    }
    return fd;
}

bool readable(int fd, int timeout_ms) {
    pollfd polled{fd, POLLIN, 0};
    return poll(&polled, 1, timeout_ms) > 0;
}

// Reads the request head and, when it announces one, the body; bounded by a 2 s silence.
std::string read_request(int fd) {
    std::string request;
    std::size_t wanted = std::string::npos;
    char buffer[4096];
    while (request.size() < wanted && readable(fd, 2000)) {
        const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        request.append(buffer, static_cast<std::size_t>(got));
        if (request.front() == '\x16') break;  // a TLS ClientHello: there is no HTTP head to wait for
        const std::size_t head_end = request.find("\r\n\r\n");
        if (wanted == std::string::npos && head_end != std::string::npos) {
            std::size_t body = 0;
            const std::size_t length_at = request.find("Content-Length: ");
            if (length_at != std::string::npos && length_at < head_end)
                body = std::stoul(request.substr(length_at + 16));
            wanted = head_end + 4 + body;
        }
    }
    return request;
}

}  // namespace

HttpServer::HttpServer(const std::function<void(httplib::Server&)>& routes) {
    routes(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cpp-httplib could not bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // Connections would queue on the bound socket anyway, but stop() is a no-op until the server runs:
    // a test that ends before the thread got going would otherwise hang in the destructor.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_.is_running() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

HttpServer::~HttpServer() {
    server_.stop();
    thread_.join();
}

std::string HttpServer::url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

RawServer::RawServer(Handler handler) : handler_(std::move(handler)) {
    listener_ = listen_on_ephemeral_port();
    port_ = bound_port(listener_);
    thread_ = std::thread([this] { serve(); });
}

RawServer::~RawServer() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    stopped_.notify_all();
    thread_.join();
    close(listener_);
}

void RawServer::serve() {
    while (!stopping_) {
        if (!readable(listener_, 20)) continue;
        const int fd = accept(listener_, nullptr, nullptr);
        if (fd < 0) continue;
        const std::string request = read_request(fd);
        {
            const std::lock_guard lock(mutex_);
            requests_.push_back(request);
        }
        handler_(fd, request);
        close(fd);
    }
}

std::string RawServer::url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
}

std::vector<std::string> RawServer::requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
}

void RawServer::wait_for_stop(std::chrono::milliseconds at_most) {
    std::unique_lock lock(mutex_);
    stopped_.wait_for(lock, at_most, [this] { return stopping_.load(); });
}

void send_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t sent = send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent <= 0) return;  // the client went away: the test will say what it saw
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
}

void reset_on_close(int fd) {
    const linger abort_on_close{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
}

int closed_port() {
    const int fd = listen_on_ephemeral_port();
    const int port = bound_port(fd);
    close(fd);
    return port;
}

ScopedEnv::ScopedEnv(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
    if (const char* old = std::getenv(name_.c_str())) previous_ = old;
    if (value)
        setenv(name_.c_str(), value->c_str(), 1);
    else
        unsetenv(name_.c_str());
}

ScopedEnv::~ScopedEnv() {
    if (previous_)
        setenv(name_.c_str(), previous_->c_str(), 1);
    else
        unsetenv(name_.c_str());
}

}  // namespace evalpanel::http::testing
