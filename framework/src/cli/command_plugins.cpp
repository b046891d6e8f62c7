// evalpanel plugins: what was found where, and whether it can be loaded.
#include <iostream>

#include "cli/command.hpp"
#include "plugin_host/plugin_host.hpp"

namespace evalpanel::cli {

namespace {

std::string tasks_text(const ToolInfo& info) {
    std::string out;
    for (Task t : info.tasks) out += (out.empty() ? "" : ",") + std::string(to_string(t));
    return out;
}

std::string pricing_text(const Pricing& p) {
    if (p.free) return "free";
    std::string out;
    auto add = [&](const char* what, double v) {
        if (v > 0) out += (out.empty() ? "" : ", ") + std::string("$") + std::to_string(v) + " " + what;
    };
    add("/M input tok", p.input_per_mtok);
    add("/M output tok", p.output_per_mtok);
    add("/M reasoning tok", p.reasoning_per_mtok);
    add("/M citation tok", p.citation_per_mtok);
    add("/request", p.per_request);
    add("/1k searches", p.per_1k_searches);
    return out.empty() ? "paid" : out;
}

nlohmann::json entry_json(const plugin_host::PluginEntry& e) {
    nlohmann::json j = {{"path", e.path.string()}, {"name", e.name}, {"version", e.version},
                        {"built_with", e.built_with}, {"ok", e.ok()}, {"refusal", e.refusal}};
    if (e.info) {
        j["kind"] = std::string(to_string(e.info->kind));
        j["tasks"] = tasks_text(*e.info);
        j["pricing"] = pricing_text(e.info->pricing);
        j["tool_version"] = e.info->version;
    }
    return j;
}

}  // namespace

int plugins_command(const std::vector<std::string>& args) {
    std::vector<std::string> plugin_paths;
    bool json = false;
    po::options_description options("plugins options");
    options.add_options()
        ("plugin-path", po::value(&plugin_paths)->multitoken(), "plugin file or folder, searched first")
        ("json", po::bool_switch(&json), "one JSON object per plugin");
    po::positional_options_description positional;
    positional.add("plugin-path", -1);
    po::variables_map vm;
    if (!parse("evalpanel plugins [--plugin-path FILE_OR_DIR...] [--json]", args, options, positional, vm)) return kExitOk;

    const plugin_host::PluginHost host(plugin_host::plugin_search_paths({plugin_paths.begin(), plugin_paths.end()}));
    const auto entries = host.discover();
    bool any_refused = false;
    for (const auto& e : entries) {
        any_refused = any_refused || !e.ok();
        if (json) {
            std::cout << entry_json(e).dump() << "\n";
        } else if (e.ok()) {
            std::cout << e.name << "  " << e.info->version << "  " << to_string(e.info->kind) << "  tasks: "
                      << tasks_text(*e.info) << "  pricing: " << pricing_text(e.info->pricing) << "  " << e.path.string()
                      << "  ABI ok\n";
        } else {
            std::cout << e.path.string() << ": refused: " << e.refusal << "\n";
        }
    }
    if (entries.empty()) {
        std::cout << "no plugins found in:";
        for (const auto& p : host.search_paths()) std::cout << " " << p.string();
        std::cout << "\n";
        return kExitUsage;
    }
    return any_refused ? kExitUsage : kExitOk;
}

}  // namespace evalpanel::cli
