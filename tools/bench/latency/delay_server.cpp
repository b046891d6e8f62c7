// delay_server: a loopback OpenAI-style chat server that takes a fixed time per request, for the
// latency-bound benchmark. It speaks just enough of /v1/chat/completions for plugins/openai_vision (the
// answer, usage) and does no other work, so a run's wall time is the delay and the client's scheduling.
//
//   delay_server [--delay-ms 200] [--threads 128]
//
// Listens on an ephemeral port of 127.0.0.1, prints "http://127.0.0.1:PORT/v1" and a newline, then serves
// until standard input closes or SIGTERM; on the way out prints how many requests it answered and the
// most it ever held at once (a cap below the client's concurrency would show here).
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>

#include <httplib.h>

namespace {

httplib::Server* running_server = nullptr;

extern "C" void stop_serving(int) {
    if (running_server != nullptr) running_server->stop();
}

constexpr const char* kAnswer =
    R"({"id":"bench","object":"chat.completion","model":"bench","choices":[{"index":0,"finish_reason":"stop",)"
    R"("message":{"role":"assistant","content":"STOP"}}],"usage":{"prompt_tokens":80,"completion_tokens":1,"total_tokens":81}})";

}  // namespace

// Debian's compiled cpp-httplib listens with a backlog of 5: 64 clients connecting at once overflow it,
// and a dropped SYN is retried after 1 s — the benchmark would measure the fake's queue, not the client.
// listen() again on the same socket raises the backlog; the socket is found by its port.
void widen_listen_backlog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
        int listening = 0;
        socklen_t size = sizeof listening;
        if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) continue;
        sockaddr_in address{};
        socklen_t length = sizeof address;
        if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0 && address.sin_family == AF_INET &&
            ntohs(address.sin_port) == port) {
            ::listen(fd, 1024);
        }
    }
}

int main(int argc, char** argv) {
    int delay_ms = 200;
    int threads = 128;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--delay-ms") delay_ms = std::stoi(argv[i + 1]);
        else if (key == "--threads") threads = std::stoi(argv[i + 1]);
        else {
            std::cerr << "delay_server: unknown option '" << key << "' (known: --delay-ms, --threads)\n";
            return 2;
        }
    }

    httplib::Server server;
    // httplib's default pool has as many threads as cores: at concurrency 64 requests would queue inside
    // the server and the benchmark would measure that queue, not the client.
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    // Without TCP_NODELAY an answer written in two pieces (headers, then body) waits for the client's
    // delayed ACK: +40 ms per request on Linux loopback, a fifth of the 200 ms being measured.
    // Production servers (uvicorn for vLLM, Ollama's Go server) set it; so does this one.
    server.set_tcp_nodelay(true);
    std::atomic<int> in_flight{0}, most_in_flight{0};
    std::atomic<long> answered{0};
    server.Post("/v1/chat/completions", [&](const httplib::Request&, httplib::Response& response) {
        const int now = ++in_flight;
        for (int seen = most_in_flight.load(); now > seen && !most_in_flight.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        response.set_content(kAnswer, "application/json");
        --in_flight;
        ++answered;
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    if (port < 0) {
        std::cerr << "delay_server: cannot listen on 127.0.0.1\n";
        return 1;
    }
    widen_listen_backlog(port);
    running_server = &server;
    std::signal(SIGTERM, stop_serving);
    std::signal(SIGINT, stop_serving);
    std::thread stdin_watch([&server] {
        std::string ignored;
        while (std::getline(std::cin, ignored)) {
        }
        server.stop();
    });
    stdin_watch.detach();  // blocked in a read; ends with the process
    std::cout << "http://127.0.0.1:" << port << "/v1" << std::endl;
    server.listen_after_bind();
    std::cout << "{\"answered\": " << answered << ", \"most_in_flight\": " << most_in_flight << "}" << std::endl;
    return 0;
}
