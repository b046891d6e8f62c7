#include "store/merge.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace evalpanel::store {

namespace {

using Source = MergePlan::Source;

std::string group_key(const RunRecord& r) {
    return nlohmann::json{r.tool,          r.plugin,        r.plugin_version, r.tool_config.dump(), r.suite_name,
                          r.suite_hash,    r.metrics.dump(), r.pricing.dump(), r.task,               r.tool_kind}
        .dump();
}

std::pair<int, int> parse_shard(const std::string& shard, const std::string& where) {
    const auto slash = shard.find('/');
    try {
        return {std::stoi(shard.substr(0, slash)), std::stoi(shard.substr(slash + 1))};
    } catch (const std::exception&) {
        throw MergeError(where + ": run has an unreadable shard '" + shard + "'");
    }
}

std::string describe(const Source& s) { return s.file + " run " + std::to_string(s.run.id); }

// Checks one group; returns the merged run's status.
std::string check_group(const std::vector<Source>& group) {
    const Source& first = group.front();
    const std::string what = first.run.tool + " × " + first.run.suite_name;
    if (group.size() == 1 && first.run.shard.empty()) return first.run.status;
    std::set<int> seen;
    int count = 0;
    for (const Source& s : group) {
        if (s.run.shard.empty()) {
            throw MergeError(what + ": " + describe(s) + " covers the whole suite, but other inputs hold shards of it");
        }
        const auto [index, n] = parse_shard(s.run.shard, describe(s));
        if (count == 0) count = n;
        if (n != count) throw MergeError(what + ": shards of different splits (" + s.run.shard + " and ?/" + std::to_string(count) + ")");
        if (!seen.insert(index).second) throw MergeError(what + ": shard " + s.run.shard + " appears twice (" + describe(s) + ")");
    }
    std::string missing;
    for (int i = 1; i <= count; ++i) {
        if (!seen.contains(i)) missing += (missing.empty() ? "" : ", ") + std::to_string(i) + "/" + std::to_string(count);
    }
    if (!missing.empty()) throw MergeError(what + ": shard " + missing + " is missing from the inputs");
    std::set<std::string> cases;
    for (const Source& s : group) {
        for (const ResultRecord& r : s.results) {
            if (!cases.insert(r.case_id).second) throw MergeError(what + ": case '" + r.case_id + "' is in two shards");
        }
    }
    const bool all_finished = std::all_of(group.begin(), group.end(), [](const Source& s) { return s.run.status == "finished"; });
    const bool any_failed = std::any_of(group.begin(), group.end(), [](const Source& s) { return s.run.status == "failed"; });
    return all_finished ? "finished" : any_failed ? "failed" : "interrupted";
}

}  // namespace

MergePlan plan_merge(const std::vector<std::filesystem::path>& inputs) {
    std::map<std::string, std::vector<Source>> groups;
    std::vector<std::string> order;
    for (const auto& file : inputs) {
        if (!std::filesystem::exists(file)) throw MergeError(file.string() + ": no such shard database");
        const Store shard = Store::open(file);
        for (const RunRecord& run : shard.runs()) {
            const std::string key = group_key(run);
            if (!groups.contains(key)) order.push_back(key);
            groups[key].push_back(Source{run, shard.results(run.id), file.string()});
        }
    }
    MergePlan plan;
    for (const auto& key : order) {
        MergePlan::Group group;
        group.sources = std::move(groups[key]);
        group.status = check_group(group.sources);
        if (group.status == "running") group.status = "interrupted";
        std::sort(group.sources.begin(), group.sources.end(),
                  [](const Source& a, const Source& b) { return a.run.shard < b.run.shard; });
        plan.groups.push_back(std::move(group));
    }
    return plan;
}

std::vector<MergedRun> write_merge(Store& out, const MergePlan& plan) {
    std::vector<MergedRun> merged;
    for (const MergePlan::Group& group : plan.groups) {
        RunRecord run = group.sources.front().run;
        run.shard.clear();
        run.cases_total = 0;
        for (const Source& s : group.sources) {
            run.cases_total += s.run.cases_total;
            run.started_at = std::min(run.started_at, s.run.started_at);
        }
        const std::int64_t id = out.begin_run(run);
        std::size_t cases = 0;
        for (const Source& s : group.sources) {
            for (ResultRecord r : s.results) {
                r.run_id = id;
                out.write_result(r);
                ++cases;
            }
        }
        out.finish_run(id, group.status);
        merged.push_back({id, run.tool, run.suite_name, group.sources.size(), cases, group.status});
    }
    return merged;
}

}  // namespace evalpanel::store
