// evalpanel merge OUT.db SHARD.db...: joins shard databases into one store, each sharded run into one run.
#include <iostream>

#include "cli/command.hpp"
#include "store/merge.hpp"

namespace evalpanel::cli {

int merge_command(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    po::options_description options("merge options");
    options.add_options()("files", po::value(&files)->multitoken(), "OUT.db then the shard databases");
    po::positional_options_description positional;
    positional.add("files", -1);
    po::variables_map vm;
    if (!parse("evalpanel merge OUT.db SHARD.db...", args, options, positional, vm)) return kExitOk;
    if (files.size() < 2) throw UsageError("name the output database and at least one shard database");
    const std::filesystem::path out_file = files.front();
    if (std::filesystem::exists(out_file)) {
        throw UsageError(out_file.string() + " exists: merge writes a new database, so nothing is merged twice");
    }
    const std::vector<std::filesystem::path> inputs(files.begin() + 1, files.end());
    // Everything is read and checked before the output exists: a refused merge writes nothing.
    store::MergePlan plan;
    try {
        plan = store::plan_merge(inputs);
    } catch (const store::MergeError& e) {
        throw UsageError(e.what());
    }
    store::Store out = store::Store::open(out_file);
    const std::vector<store::MergedRun> merged = store::write_merge(out, plan);
    for (const auto& m : merged) {
        std::cout << "run " << m.id << ": " << m.tool << " × " << m.suite << " — " << m.cases << " cases from " << m.shards
                  << (m.shards == 1 ? " run" : " shards") << ", " << m.status << "\n";
    }
    std::cout << "wrote " << out_file.string() << "\n";
    return kExitOk;
}

}  // namespace evalpanel::cli
