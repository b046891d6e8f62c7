// evalpanel vote TOOL up|down [--comment TEXT]: the community vote shown beside the panel's verdict.
#include <iostream>
#include <set>

#include "cli/command.hpp"
#include "store/store.hpp"
#include "tool_config/tool_config.hpp"

namespace evalpanel::cli {

int vote_command(const std::vector<std::string>& args) {
    std::string db, tool, vote, comment, config;
    bool json = false;
    po::options_description options("vote options");
    options.add_options()
        ("tool", po::value(&tool), "the tool voted on (a name from `evalpanel runs` or the tools config)")
        ("vote", po::value(&vote), "up or down")
        ("comment", po::value(&comment), "why, in a sentence")
        ("config", po::value(&config), "tools config file (default ./evalpanel.yaml if present)")
        ("json", po::bool_switch(&json), "print the tool's counts as JSON");
    add_db_option(options, db);
    po::positional_options_description positional;
    positional.add("tool", 1).add("vote", 1);
    po::variables_map vm;
    if (!parse("evalpanel vote TOOL up|down [--comment TEXT] [--db PATH]", args, options, positional, vm)) return kExitOk;
    if (tool.empty() || vote.empty()) throw UsageError("name the tool and the vote (up or down)");
    if (vote != "up" && vote != "down") throw UsageError("a vote is 'up' or 'down', not '" + vote + "'");

    store::Store store = store::Store::open(db);
    // A vote for a name nobody evaluated or configured is almost always a typo.
    std::set<std::string> known;
    for (const auto& run : store.runs()) known.insert(run.tool);
    for (const auto& [name, t] : tool_config::load_tools_config(config.empty() ? std::nullopt
                                                                                 : std::optional<std::filesystem::path>(config))
                                     .tools) {
        known.insert(name);
    }
    if (!known.contains(tool)) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        throw UsageError("no tool named '" + tool + "' in " + db + " or the tools config (known: " + list + ")");
    }
    store.add_vote(tool, vote, comment);
    const store::VoteCount count = store.vote_counts()[tool];
    if (json) std::cout << nlohmann::json{{"tool", tool}, {"up", count.up}, {"down", count.down}}.dump() << "\n";
    else std::cout << tool << ": " << count.up << " up, " << count.down << " down\n";
    return kExitOk;
}

}  // namespace evalpanel::cli
