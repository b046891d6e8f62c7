// null_loop_bench: the host-overhead baseline. Loads a suite (timed on its own: the suite-load figure),
// then calls the null plugin once per case in a bare loop in this process — no scheduling, retries,
// scoring or storage — so `evalpanel run` against the same suite shows what the host itself costs.
//
//   null_loop_bench --suite FILE --plugin FILE
//
// Prints one JSON line per measurement (bench_clock.hpp).
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>

#include "bench_clock.hpp"
#include "plugin_host/plugin_host.hpp"
#include "suite/suite.hpp"

namespace {

using namespace evalpanel;

// The images a suite's cases share are read once: the baseline is the call, not the file system.
const std::vector<std::uint8_t>& image_of(const suite::Case& c, std::map<std::string, std::vector<std::uint8_t>>& cache) {
    const std::string key = c.image && !c.image->path.empty() ? c.image->path.string() : "generated:" + c.id;
    auto found = cache.find(key);
    if (found == cache.end()) found = cache.emplace(key, suite::load_image_bytes(c)).first;
    return found->second;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::filesystem::path suite_file, plugin_file;
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string key = argv[i];
            if (key == "--suite") suite_file = argv[i + 1];
            else if (key == "--plugin") plugin_file = argv[i + 1];
            else throw std::invalid_argument("unknown option '" + key + "'");
        }
        if (suite_file.empty() || plugin_file.empty()) throw std::invalid_argument("--suite and --plugin are required");

        bench::Stopwatch loading;
        loading.start();
        const suite::Suite s = suite::load_suite(suite_file);
        loading.stop();
        bench::emit_measurement("suite_load", {{"cases", s.cases.size()}, {"seconds", loading.seconds()}});

        const std::shared_ptr<Tool> tool = plugin_host::PluginHost::load_file(plugin_file).create_tool();
        if (auto error = tool->configure(nlohmann::json::object())) throw std::runtime_error(error->message);
        std::map<std::string, std::vector<std::uint8_t>> images;
        std::size_t answered = 0;
        bench::Stopwatch calling;
        calling.start();
        for (const suite::Case& c : s.cases) {
            Request request;
            request.case_id = c.id;
            request.task = s.task;
            request.prompt = s.prompt;
            request.question = c.question;
            request.query = c.query;
            if (c.image) request.image = image_of(c, images);
            const Outcome outcome = tool->call(request);
            answered += std::holds_alternative<Response>(outcome) ? 1 : 0;
        }
        calling.stop();
        bench::emit_measurement("null_bare_loop", {{"cases", s.cases.size()}, {"answered", answered},
                                                   {"seconds", calling.seconds()}});
    } catch (const std::exception& error) {  // a SuiteError's message lists every diagnostic
        std::cerr << "null_loop_bench: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
