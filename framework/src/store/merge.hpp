// Joining shard databases (`evalpanel merge OUT.db SHARD.db...`): the runs that are shards of one
// suite x tool become one run, identical in every stored figure to a run of the whole suite.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace evalpanel::store {

class MergeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct MergedRun {
    std::int64_t id = 0;              // in the output store
    std::string tool;
    std::string suite;
    std::size_t shards = 0;           // how many input runs it joined
    std::size_t cases = 0;
    std::string status;
};

// The inputs read and checked, ready to write.
struct MergePlan {
    struct Source {
        RunRecord run;
        std::vector<ResultRecord> results;
        std::string file;
    };
    struct Group {
        std::vector<Source> sources;   // sorted by shard
        std::string status;            // of the merged run
    };
    std::vector<Group> groups;
};

// Runs belong together when tool, plugin and version, configuration, suite (name and hash), metrics
// and prices are the same. Within a group, the shards "I/N" must share N, cover 1..N once each, and
// hold each case once; otherwise MergeError says what is missing or doubled. A run that was not sharded
// is copied as it is. Reads only: call it before creating the output.
MergePlan plan_merge(const std::vector<std::filesystem::path>& inputs);

std::vector<MergedRun> write_merge(Store& out, const MergePlan& plan);

}  // namespace evalpanel::store
