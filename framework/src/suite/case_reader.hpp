// Reads a suite's `cases:` list, checking each case against the suite's task.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// Whether a case of `task` may carry `key` (`id` and `tags` always; any key when the task is unknown).
bool task_takes(const std::optional<Task>& task, std::string_view key);
// The keys every case of `task` must have besides `id`.
std::vector<std::string_view> required_case_keys(Task task);
// Appends the tags of `more` not already in `tags`, in order.
void add_tags(std::vector<std::string>& tags, const std::vector<std::string>& more);

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
