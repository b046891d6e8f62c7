#include "suite/metric_list_reader.hpp"

#include <algorithm>

#include "metrics/metric.hpp"
#include "metrics/params.hpp"

namespace evalpanel::suite::detail {
namespace {

std::string known_metric_ids() {
    std::string list;
    for (const metrics::MetricDef& metric : metrics::all_metrics()) {
        if (!list.empty()) list += ", ";
        list += metric.id;
    }
    return list;
}

std::string accepted_params(const metrics::MetricDef& metric) {
    if (metric.params.empty()) return "it takes no parameters";
    std::string list = "it accepts: ";
    for (std::size_t i = 0; i < metric.params.size(); ++i) {
        if (i > 0) list += ", ";
        list += metric.params[i];
    }
    return list;
}

// Checks the `{param: value}` map of one metric and returns it as JSON.
nlohmann::json read_params(const metrics::MetricDef& metric, const YAML::Node& value, Diagnostics& out) {
    if (value.IsNull()) return nlohmann::json::object();
    if (!value.IsMap()) {
        out.add(value.Mark(), "metric `" + metric.id + "`: parameters must be a map {name: value}, got " +
                                  describe(value));
        return nlohmann::json::object();
    }
    nlohmann::json params = nlohmann::json::object();
    for (auto entry = value.begin(); entry != value.end(); ++entry) {
        const std::string name = entry->first.Scalar();
        if (std::find(metric.params.begin(), metric.params.end(), name) == metric.params.end()) {
            out.add(entry->first.Mark(), "metric `" + metric.id + "` has no parameter `" + name + "`; " +
                                             accepted_params(metric));
            continue;
        }
        // One parameter at a time, so a value of the wrong type is reported at its own line.
        nlohmann::json value_json = to_json(entry->second);
        try {
            nlohmann::json single = nlohmann::json::object();
            single[name] = value_json;
            metrics::validate_params(metric, single);
        } catch (const metrics::MetricParamError& error) {
            out.add(entry->second.IsNull() ? entry->first.Mark() : entry->second.Mark(), error.what());
            continue;
        }
        params[name] = std::move(value_json);
    }
    return params;
}

}  // namespace

MetricList read_metric_list(const Field& field, Diagnostics& out) {
    MetricList list;
    if (!field.value.IsSequence() || field.value.size() == 0) {
        out.add(field.mark(), "`metrics` must be a non-empty list of metric ids (e.g. [cer, wer]), got " +
                                  (field.value.IsSequence() ? std::string("an empty list") : describe(field.value)));
        return list;
    }
    for (const YAML::Node& item : field.value) {
        if (item.IsMap() && item.size() != 1) {
            out.add(item.Mark(), "a `metrics` item with parameters must be a one-key map {id: {param: value}}, "
                                 "got " + std::to_string(item.size()) + " keys");
            continue;
        }
        // Copy-constructed, never assigned: yaml-cpp's Node::operator= writes through to the document.
        const YAML::Node id_node = item.IsMap() ? item.begin()->first : item;
        const YAML::Node params_node = item.IsMap() ? item.begin()->second : YAML::Node();
        if (!id_node.IsScalar()) {
            out.add(item.Mark(), "a `metrics` item must be a metric id or {id: {param: value}}, got " +
                                     describe(item));
            continue;
        }
        const std::string id = id_node.Scalar();
        const metrics::MetricDef* metric = metrics::find_metric(id);
        if (!metric) {
            out.add(id_node.Mark(), "unknown metric `" + id + "`; known metrics: " + known_metric_ids());
            continue;
        }
        if (list.params.contains(id)) {
            out.add(id_node.Mark(), "metric `" + id + "` is listed twice");
            continue;
        }
        list.ids.push_back(id);
        list.params[id] = read_params(*metric, params_node, out);
    }
    return list;
}

}  // namespace evalpanel::suite::detail
