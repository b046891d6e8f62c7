// Reads a suite's `cases:` list, checking each case against the suite's task.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "suite/image_source_reader.hpp"
#include "suite/yaml_fields.hpp"

namespace evalpanel::suite::detail {

// What every case of one suite shares.
struct CaseContext {
    std::optional<Task> task;           // nullopt when the suite's task is itself in error
    std::filesystem::path root;         // the suite's folder, canonical
    std::vector<std::string> default_tags;
    // Shared by the suite's cases; never null (the loader makes one per suite).
    std::shared_ptr<ImagePathCache> image_paths = std::make_shared<ImagePathCache>();
};

// One case, and where its id was written (for the repeated-id check).
struct ReadCase {
    Case value;
    YAML::Mark id_mark;
    bool has_id = false;
};

// One case from its map node (`index` names it in messages when it has no id).
ReadCase read_case(const YAML::Node& node, std::size_t index, const CaseContext& context, Diagnostics& out);

// Reports every problem (including repeated ids); returns the cases that read cleanly.
std::vector<Case> read_cases(const Field& field, const CaseContext& context, Diagnostics& out);

}  // namespace evalpanel::suite::detail
