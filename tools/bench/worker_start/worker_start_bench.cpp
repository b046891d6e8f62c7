// worker_start_bench PLUGIN_FILE [N] [OPTIONS_JSON]: the time to start N isolated slots, the first alone
// and the rest in parallel, as `evalpanel run --concurrency N` does (README.md).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "worker/isolated_slot.hpp"
#include "worker/worker_launcher.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace evalpanel;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double host_cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1e-6 * (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

std::unique_ptr<worker::ToolSlot> start_slot(const worker::SlotSpec& spec) {
    std::string why;
    auto slot = worker::make_isolated_slot(spec, worker::default_worker_executable(), why);
    if (!slot) {
        std::fprintf(stderr, "worker_start_bench: %s\n", why.c_str());
        std::exit(1);
    }
    return slot;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4) {
        std::fprintf(stderr, "usage: worker_start_bench PLUGIN_FILE [N] [OPTIONS_JSON]\n");
        return 2;
    }
    const int count = argc > 2 ? std::atoi(argv[2]) : 64;
    const worker::SlotSpec spec{argv[1], "bench", "worker_start_bench",
                                argc > 3 ? nlohmann::json::parse(argv[3]) : nlohmann::json::object()};
    std::vector<std::unique_ptr<worker::ToolSlot>> slots(std::max(count, 1));

    const double cpu_before = host_cpu_seconds();
    const auto start = Clock::now();
    slots[0] = start_slot(spec);
    const double first_s = seconds_since(start);

    const auto rest_start = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 1; i < count; ++i) threads.emplace_back([&slots, &spec, i] { slots[i] = start_slot(spec); });
    for (std::thread& thread : threads) thread.join();
    const double rest_s = seconds_since(rest_start);

    std::printf("%s, %d slots: first %.3f s, other %d in parallel %.3f s, all %.3f s; host CPU %.3f s\n",
                worker::zygotes_enabled() ? "zygote" : "spawn", count, first_s, count - 1, rest_s, seconds_since(start),
                host_cpu_seconds() - cpu_before);
    return 0;
}
