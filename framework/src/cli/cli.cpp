#include "cli/cli.hpp"

#include <cstdio>
#include <iostream>

#include "cli/command.hpp"
#include "suite/suite.hpp"

#ifndef EVALPANEL_VERSION
#define EVALPANEL_VERSION "0.0.0"
#endif

namespace evalpanel::cli {

std::string evalpanel_version() { return EVALPANEL_VERSION; }

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {
        {"run", "run suites against tools and store every scored result", run_command},
        {"runs", "list the stored runs", runs_command},
        {"report", "write a report of stored runs", report_command},
        {"export", "export a run's results, one JSON object per case", export_command},
        {"compare", "compare a candidate run with a baseline; exit 1 on a regression (the CI gate)", compare_command},
        {"score", "score predictions made elsewhere: `score --jsonl FILE`", score_command},
        {"vote", "record a community vote: `vote TOOL up|down [--comment TEXT]`", vote_command},
        {"merge", "join shard databases: `merge OUT.db SHARD.db...`", merge_command},
        {"new-plugin", "write a buildable plugin project: `new-plugin NAME [--dir DIR]`", new_plugin_command},
        {"plugins", "list the plugins found and whether they can be loaded", plugins_command},
        {"suite", "`suite validate FILE...`, `suite import --format F FILE --images DIR --out SUITE.yaml`", suite_command},
    };
    return all;
}

bool parse(const std::string& usage, const std::vector<std::string>& args, po::options_description& options,
           const po::positional_options_description& positional, po::variables_map& vm) {
    options.add_options()("help,h", "show this help");
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << "usage: " << usage << "\n\n" << options << "\n";
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string(e.what()) + " (usage: " + usage + ")");
    }
    return true;
}

void add_db_option(po::options_description& options, std::string& db) {
    options.add_options()("db", po::value(&db)->default_value("evalpanel.db"), "the SQLite store");
}

namespace {

void print_usage(std::FILE* out) {
    std::fprintf(out, "evalpanel %s — evaluate AI tools on YAML suites\n\nusage: evalpanel COMMAND [options]\n\n",
                 evalpanel_version().c_str());
    for (const auto& c : commands()) std::fprintf(out, "  %-9s %s\n", c.name, c.summary);
    std::fprintf(out, "\n`evalpanel COMMAND --help` describes a command's options.\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_usage(stderr);
        return kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_usage(stdout);
        return kExitOk;
    }
    if (args[0] == "--version") {
        std::printf("evalpanel %s\n", evalpanel_version().c_str());
        return kExitOk;
    }
    for (const auto& command : commands()) {
        if (args[0] != command.name) continue;
        try {
            return command.run(std::vector<std::string>(args.begin() + 1, args.end()));
        } catch (const suite::SuiteError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return kExitUsage;
        } catch (const std::exception& e) {  // usage, config, plugin and store errors: one sentence
            std::fprintf(stderr, "evalpanel %s: %s\n", command.name, e.what());
            return kExitUsage;
        }
    }
    std::fprintf(stderr, "evalpanel: unknown command '%s'\n\n", args[0].c_str());
    print_usage(stderr);
    return kExitUsage;
}

}  // namespace evalpanel::cli
