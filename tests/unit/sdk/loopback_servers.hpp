// Servers on 127.0.0.1 for the HTTP client tests: a cpp-httplib server for ordinary exchanges, and a raw
// TCP server for the faults cpp-httplib will not produce (short bodies, resets, silence, interim answers).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <httplib.h>

namespace evalpanel::http::testing {

// A cpp-httplib server on an ephemeral port: routes are set up before it starts, it stops in the destructor.
class HttpServer {
public:
    explicit HttpServer(const std::function<void(httplib::Server&)>& routes);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    std::string url(std::string_view path) const;
    int port() const { return port_; }

private:
    httplib::Server server_;
    int port_ = -1;
    std::thread thread_;
};

// Each connection is handed, one at a time, to a handler that writes whatever bytes it likes; the server
// closes the connection when the handler returns.
class RawServer {
public:
    // request: what the client sent (head and, when it had a Content-Length, body).
    using Handler = std::function<void(int fd, const std::string& request)>;

    explicit RawServer(Handler handler);
    ~RawServer();
    RawServer(const RawServer&) = delete;
    RawServer& operator=(const RawServer&) = delete;

    std::string url(std::string_view path) const;
    int port() const { return port_; }
    std::vector<std::string> requests() const;

    // For a handler that must outwait the client: returns when the server stops or after at_most.
    void wait_for_stop(std::chrono::milliseconds at_most);

private:
    void serve();

    Handler handler_;
    int listener_ = -1;
    int port_ = -1;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::condition_variable stopped_;
    std::vector<std::string> requests_;
    std::thread thread_;
};

void send_all(int fd, std::string_view bytes);
// Makes the server's close() send a TCP RST instead of a FIN: the client sees "connection reset".
void reset_on_close(int fd);

// A port nothing listens on: bound, then closed.
int closed_port();

// Sets (or, with nullopt, unsets) an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(std::string name, const std::optional<std::string>& value);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> previous_;
};

}  // namespace evalpanel::http::testing
