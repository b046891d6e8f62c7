// worker_roundtrip_bench [PLUGIN_FILE] [SECONDS]: how many trivial cases per second go through isolated
// worker processes (make_isolated_slot) at concurrency 1..4, beside the same Tool called in process.
// The default plugin is the echo test plugin of this build tree (build with -DEVALPANEL_BUILD_TESTS=ON).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "plugin_host/plugin_host.hpp"
#include "worker/isolated_slot.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace evalpanel;

Request trivial_request() {
    Request request;
    request.case_id = "bench";
    request.image = {'4', '2'};
    request.image_name = "inline";
    return request;
}

double in_process_rate(const fs::path& plugin_file, double seconds) {
    const auto tool = plugin_host::PluginHost::load_file(plugin_file).create_tool();
    if (auto error = tool->configure(nlohmann::json::object())) {
        std::fprintf(stderr, "configure failed: %s\n", error->message.c_str());
        std::exit(1);
    }
    const Request request = trivial_request();
    long calls = 0;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
        tool->call(request);
        ++calls;
    }
    return calls / seconds;
}

// Each thread owns one slot (one worker process), as the runner's workers do.
double isolated_rate(const fs::path& plugin_file, int concurrency, double seconds) {
    std::vector<std::unique_ptr<worker::ToolSlot>> slots;
    for (int i = 0; i < concurrency; ++i) {
        std::string why;
        slots.push_back(worker::make_isolated_slot({plugin_file, "bench", "worker_roundtrip_bench", {}},
                                                   worker::default_worker_executable(), why));
        if (!slots.back()) {
            std::fprintf(stderr, "%s\n", why.c_str());
            std::exit(1);
        }
    }
    std::atomic<long> calls{0};
    std::atomic<long> failures{0};
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (auto& slot : slots) {
        threads.emplace_back([&, s = slot.get()] {
            const Request request = trivial_request();
            long mine = 0;
            while (Clock::now() < end) {
                if (s->call(request, 10).end != worker::CallEnd::answered) ++failures;
                ++mine;
            }
            calls += mine;
        });
    }
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (failures > 0) std::fprintf(stderr, "%ld calls did not answer\n", failures.load());
    return calls / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    std::error_code ec;
    const fs::path here = fs::read_symlink("/proc/self/exe", ec).parent_path();
    const fs::path plugin = argc > 1 ? fs::path(argv[1]) : here / ".." / "test-plugins" / "good" / "evalpanel_plugin_echo.so";
    const double seconds = argc > 2 ? std::atof(argv[2]) : 3.0;
    std::printf("plugin %s, %.1f s per measurement, worker %s\n", plugin.c_str(), seconds,
                evalpanel::worker::default_worker_executable().c_str());
    const double baseline = in_process_rate(plugin, seconds);
    std::printf("in process, direct call:   %9.0f cases/s\n", baseline);
    for (int concurrency = 1; concurrency <= 4; ++concurrency) {
        const double rate = isolated_rate(plugin, concurrency, seconds);
        std::printf("isolated, concurrency %d:   %9.0f cases/s  (%.1f us per case per worker)\n", concurrency, rate,
                    1e6 * concurrency / rate);
    }
}
