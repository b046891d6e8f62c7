// evalpanel score --jsonl FILE: scores predictions made elsewhere (other harnesses, old runs), one JSON
// object per line in, one per line out, in order.
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/score_item.hpp"
#include "metrics/metric.hpp"

namespace evalpanel::cli {

int score_command(const std::vector<std::string>& args) {
    std::string file;
    po::options_description options("score options");
    options.add_options()("jsonl", po::value(&file), "input: one JSON object per line (- for standard input)");
    po::variables_map vm;
    if (!parse("evalpanel score --jsonl FILE", args, options, {}, vm)) return kExitOk;
    if (file.empty()) throw UsageError("name the input with --jsonl FILE");

    std::ifstream in_file;
    if (file != "-") {
        in_file.open(file, std::ios::binary);
        if (!in_file) throw UsageError(file + ": cannot read");
    }
    std::istream& in = file == "-" ? std::cin : in_file;

    // Check every line before writing anything: a half-scored file is worse than a clear refusal.
    std::vector<ScoreItem> items;
    std::vector<std::string> problems;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            items.push_back(parse_score_item(line));
        } catch (const nlohmann::json::parse_error& e) {
            problems.push_back(file + ":" + std::to_string(number) + ": not JSON: " + e.what());
        } catch (const std::exception& e) {
            problems.push_back(file + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    if (!problems.empty()) {
        for (std::size_t i = 0; i < problems.size() && i < 50; ++i) std::cerr << problems[i] << "\n";
        if (problems.size() > 50) std::cerr << "... and " << problems.size() - 50 << " more\n";
        return kExitUsage;
    }
    for (const ScoreItem& item : items) {
        const metrics::MetricInput input{item.prediction, item.references, item.params, item.sources, item.facts,
                                         item.expected_sources};
        const metrics::MetricValue value = item.metric->compute(input);
        nlohmann::ordered_json out;
        if (!item.id.is_null()) out["id"] = item.id;
        out["metric"] = item.metric->id;
        out["value"] = value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
        std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return kExitOk;
}

}  // namespace evalpanel::cli
