#include "cli/score_item.hpp"

#include <set>
#include <stdexcept>

#include "metrics/params.hpp"

namespace evalpanel::cli {
namespace {

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

}  // namespace

ScoreItem parse_score_item(const std::string& line) {
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

}  // namespace evalpanel::cli
