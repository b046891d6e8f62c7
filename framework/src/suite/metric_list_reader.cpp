#include "suite/metric_list_reader.hpp"

#include <algorithm>
#include <map>

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

// Checks the `{param: value}` map of one metric and returns it as JSON. Names are checked one by one; values
// are checked together, since some rules span parameters (a required `as_of`), and a problem is reported
// at the value it names, or at the metric when it names none (a missing parameter).
nlohmann::json read_params(const metrics::MetricDef& metric, const YAML::Node& id_node, const YAML::Node& value,
                           Diagnostics& out) {
    nlohmann::json params = nlohmann::json::object();
    if (!value.IsNull() && !value.IsMap()) {
        out.add(value.Mark(), "metric `" + metric.id + "`: parameters must be a map {name: value}, got " +
                                  describe(value));
        return params;
    }
    std::map<std::string, YAML::Mark> where;
    bool names_ok = true;
    if (value.IsMap()) {
        for (auto entry = value.begin(); entry != value.end(); ++entry) {
            const std::string name = entry->first.Scalar();
            if (std::find(metric.params.begin(), metric.params.end(), name) == metric.params.end()) {
                out.add(entry->first.Mark(), "metric `" + metric.id + "` has no parameter `" + name + "`; " +
                                                 accepted_params(metric));
                names_ok = false;
                continue;
            }
            where[name] = entry->second.IsNull() ? entry->first.Mark() : entry->second.Mark();
            params[name] = to_json(entry->second);
        }
    }
    if (!names_ok) return params;
    try {
        metrics::validate_params(metric, params);
    } catch (const metrics::MetricParamError& error) {
        const std::string message = error.what();
        YAML::Mark mark = id_node.Mark();
        for (const auto& [name, name_mark] : where) {
            if (message.find("'" + name + "'") != std::string::npos || message.find("`" + name + "`") != std::string::npos) {
                mark = name_mark;
                break;
            }
        }
        out.add(mark, message);
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
        list.params[id] = read_params(*metric, id_node, params_node, out);
    }
    return list;
}

}  // namespace evalpanel::suite::detail
