// evalpanel score --jsonl FILE: scores predictions made elsewhere (other harnesses, old runs), one JSON
// object per line in, one per line out, in order.
#include <fstream>
#include <iostream>
#include <set>

#include "cli/command.hpp"
#include "metrics/metric.hpp"
#include "metrics/params.hpp"

namespace evalpanel::cli {

namespace {

// One input line, checked and converted; scoring it cannot fail for a reason the input could cause.
struct ScoreItem {
    const metrics::MetricDef* metric = nullptr;
    std::string prediction;
    std::vector<std::string> references;
    std::vector<metrics::Source> sources;
    std::vector<std::string> facts;
    std::vector<std::string> expected_sources;
    nlohmann::json params = nlohmann::json::object();
    nlohmann::json id;  // echoed back when given
};

std::vector<std::string> string_list(const nlohmann::json& value, const std::string& key) {
    if (!value.is_array()) throw std::invalid_argument("'" + key + "' must be a list of strings");
    std::vector<std::string> out;
    for (const auto& item : value) {
        if (!item.is_string()) throw std::invalid_argument("'" + key + "' must be a list of strings, got " + item.dump());
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<metrics::Source> source_list(const nlohmann::json& value) {
    if (!value.is_array()) throw std::invalid_argument("'references' must be a list of sources");
    std::vector<metrics::Source> out;
    for (const auto& item : value) {
        metrics::Source source;
        if (item.is_string()) {
            source.url = item.get<std::string>();
        } else if (item.is_object()) {
            for (const auto& [key, field] : item.items()) {
                if (!field.is_string() && !field.is_null()) {
                    throw std::invalid_argument("source field '" + key + "' must be a string");
                }
                const std::string text = field.is_string() ? field.get<std::string>() : "";
                if (key == "url") source.url = text;
                else if (key == "title") source.title = text;
                else if (key == "text" || key == "snippet") source.text = text;
                else if (key == "date" || key == "last_updated") { if (source.date.empty() || key == "date") source.date = text; }
                else throw std::invalid_argument("unknown source field '" + key + "' (known: url, title, text, date)");
            }
        } else {
            throw std::invalid_argument("a source is a URL string or an object with url, title, text, date");
        }
        out.push_back(std::move(source));
    }
    return out;
}

ScoreItem parse_item(const std::string& line) {
    const nlohmann::json j = nlohmann::json::parse(line);  // throws parse_error: reported as not JSON
    if (!j.is_object()) throw std::invalid_argument("a line must be a JSON object");
    static const std::set<std::string> known = {"metric", "prediction", "references", "params", "facts", "sources", "id"};
    for (const auto& [key, value] : j.items()) {
        if (!known.contains(key)) {
            throw std::invalid_argument("unknown key '" + key + "' (known: metric, prediction, references, params, facts, sources, id)");
        }
    }
    ScoreItem item;
    if (!j.contains("metric") || !j["metric"].is_string()) throw std::invalid_argument("'metric' (a metric id) is required");
    const std::string id = j["metric"].get<std::string>();
    item.metric = metrics::find_metric(id);
    if (item.metric == nullptr) {
        std::string ids;
        for (const auto& def : metrics::all_metrics()) ids += (ids.empty() ? "" : ", ") + def.id;
        throw std::invalid_argument("unknown metric '" + id + "' (known: " + ids + ")");
    }
    if (!j.contains("prediction") || !j["prediction"].is_string()) throw std::invalid_argument("'prediction' (a string) is required");
    item.prediction = j["prediction"].get<std::string>();
    if (j.contains("references")) {
        if (item.metric->references_are_sources) item.sources = source_list(j["references"]);
        else item.references = string_list(j["references"], "references");
    }
    if (j.contains("facts")) item.facts = string_list(j["facts"], "facts");
    if (j.contains("sources")) item.expected_sources = string_list(j["sources"], "sources");
    if (j.contains("params")) item.params = j["params"];
    metrics::validate_params(*item.metric, item.params);  // throws MetricParamError naming the parameter
    if (j.contains("id")) item.id = j["id"];
    return item;
}

}  // namespace

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
            items.push_back(parse_item(line));
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
