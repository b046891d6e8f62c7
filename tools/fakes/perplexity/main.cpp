// fake_perplexity_server: the tests' Perplexity imitation, run by hand to try a client against it.
//
//   fake_perplexity_server [--port N] [--api-key KEY] [--fault NAME] [--polls N] [--retry-after S]
//                          [--line-end lf|crlf|cr] [--done by_model|always|never]
//
// Prints the base URL, serves until SIGINT or SIGTERM, then prints the requests it received.
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "fake_perplexity.hpp"

namespace {

using namespace evalpanel::fakes::perplexity;

int usage(const std::string& problem) {
    std::cerr << "fake_perplexity_server: " << problem << "\n"
              << "usage: fake_perplexity_server [--port N] [--api-key KEY] [--fault NAME] [--polls N]"
                 " [--retry-after S] [--line-end lf|crlf|cr] [--done by_model|always|never]\n"
                 "faults: none unauthorized forbidden rate_limited rate_limited_bare server_error bad_gateway"
                 " unavailable bad_request invalid_model malformed_json wrong_shape missing_choices missing_content"
                 " sparse slow truncated_body connection_dropped job_failed stream_error\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    Fault fault = Fault::none;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) return usage("'" + arg + "' needs a value or is unknown");
        const std::string value = argv[++i];
        if (arg == "--port") options.port = std::atoi(value.c_str());
        else if (arg == "--api-key") options.api_key = value;
        else if (arg == "--polls") options.polls_before_complete = std::atoi(value.c_str());
        else if (arg == "--retry-after") options.retry_after = value;
        else if (arg == "--line-end") {
            if (value == "lf") options.stream_line_end = "\n";
            else if (value == "crlf") options.stream_line_end = "\r\n";
            else if (value == "cr") options.stream_line_end = "\r";
            else return usage("--line-end takes lf, crlf or cr");
        } else if (arg == "--done") {
            if (value == "by_model") options.done_marker = DoneMarker::by_model;
            else if (value == "always") options.done_marker = DoneMarker::always;
            else if (value == "never") options.done_marker = DoneMarker::never;
            else return usage("--done takes by_model, always or never");
        } else if (arg == "--fault") {
            const auto named = fault_from_string(value);
            if (!named) return usage("unknown fault '" + value + "'");
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
        FakePerplexity server(options);
        server.set_fault(fault);
        std::cout << server.base_url() << std::endl;
        int received = 0;
        sigwait(&stop_signals, &received);
        server.stop();
        for (const ReceivedRequest& r : server.requests()) std::cout << r.method << " " << r.path << " -> " << r.status << "\n";
    } catch (const std::exception& e) {
        std::cerr << "fake_perplexity_server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
