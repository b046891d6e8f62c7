// fake_llama_server: the tests' llama-server imitation, run by hand to try a client against it.
//
//   fake_llama_server [--port N] [--api-key KEY] [--no-vision] [--n-ctx N] [--answer TEXT] [--fault NAME]
//
// Prints the base URL, serves until SIGINT or SIGTERM, then prints the requests it received.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "fake_llama_server.hpp"

namespace {

using namespace evalpanel::fakes::llama_server;

int usage(const std::string& problem) {
    std::cerr << "fake_llama_server: " << problem << "\n"
              << "usage: fake_llama_server [--port N] [--api-key KEY] [--no-vision] [--n-ctx N] [--answer TEXT]"
                 " [--fault none|no_vision|undecodable_image|context_overflow|rate_limited|loading|server_error|slow|"
                 "malformed_json|wrong_shape|stream_error]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    std::string answer = "STOP";
    Fault fault = Fault::none;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--no-vision") options.vision = false;
        else if (arg == "--port" && has_value) options.port = std::atoi(argv[++i]);
        else if (arg == "--api-key" && has_value) options.api_key = argv[++i];
        else if (arg == "--n-ctx" && has_value) options.n_ctx = std::atoll(argv[++i]);
        else if (arg == "--answer" && has_value) answer = argv[++i];
        else if (arg == "--fault" && has_value) {
            const auto named = fault_from_string(argv[++i]);
            if (!named) return usage(std::string("unknown fault '") + argv[i] + "'");
            fault = *named;
        } else
            return usage("unknown argument '" + arg + "'");
    }

    // Block the stop signals before the server's threads start, so they all inherit the mask and
    // sigwait below receives them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    try {
        FakeLlamaServer server(options);
        server.set_answer([answer](const ReceivedRequest&) { return answer; });
        server.set_fault(fault);
        std::cout << server.base_url() << std::endl;
        int received = 0;
        sigwait(&stop_signals, &received);
        server.stop();
        for (const ReceivedRequest& r : server.requests()) {
            std::cout << r.method << " " << r.path << " -> " << r.status;
            for (const ReceivedImage& image : r.images)
                std::cout << "  image " << image.mime << " " << image.width << "x" << image.height << "x" << image.channels;
            std::cout << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "fake_llama_server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
