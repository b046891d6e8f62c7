// evalpanel suite validate FILE...
#include <iostream>

#include "cli/command.hpp"
#include "suite/suite.hpp"

namespace evalpanel::cli {

int suite_command(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "usage: evalpanel suite validate FILE_OR_DIR...\n";
        return args.empty() ? kExitUsage : kExitOk;
    }
    if (args[0] != "validate") throw UsageError("unknown suite command '" + args[0] + "' (known: validate)");
    std::vector<std::string> files;
    po::options_description options("suite validate options");
    options.add_options()("file", po::value(&files)->multitoken(), "suite files or folders");
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    if (!parse("evalpanel suite validate FILE_OR_DIR...", {args.begin() + 1, args.end()}, options, positional, vm)) {
        return kExitOk;
    }
    if (files.empty()) throw UsageError("name at least one suite file or folder");
    bool all_ok = true;
    for (const auto& file : suite::expand_suite_paths({files.begin(), files.end()})) {
        try {
            const suite::Suite s = suite::load_suite(file);
            std::string metrics;
            for (const auto& m : s.metrics) metrics += (metrics.empty() ? "" : ", ") + m;
            std::cout << file.string() << ": ok — suite '" << s.name << "', task " << to_string(s.task) << ", "
                      << s.cases.size() << " cases, metrics " << metrics << "\n";
        } catch (const suite::SuiteError& e) {
            all_ok = false;
            for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << "\n";
        }
    }
    return all_ok ? kExitOk : kExitUsage;
}

}  // namespace evalpanel::cli
