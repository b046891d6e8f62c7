#include "suite/case_reader.hpp"

#include <algorithm>
#include <map>

#include "suite/image_source_reader.hpp"

namespace evalpanel::suite::detail {
namespace {

const std::vector<std::string_view> case_keys = {"id",    "image", "expected", "question", "answers", "query",
                                                 "facts", "sources", "passages", "tags"};
const std::vector<std::string_view> passage_keys = {"url", "title", "text", "date"};

// The keys a case of each task may carry beyond id and tags, and the ones it must.
struct TaskKeys {
    std::vector<std::string_view> allowed;
    std::vector<std::string_view> required;
};

TaskKeys keys_for(Task task) {
    switch (task) {
        case Task::ocr: return {{"image", "expected"}, {"image", "expected"}};
        case Task::vqa: return {{"image", "question", "answers"}, {"image", "question", "answers"}};
        case Task::research: return {{"image", "query", "facts", "sources", "passages"}, {"query"}};
    }
    return {};
}

}  // namespace

bool task_takes(const std::optional<Task>& task, std::string_view key) {
    if (!task || key == "id" || key == "tags") return true;
    const std::vector<std::string_view> allowed = keys_for(*task).allowed;
    return std::find(allowed.begin(), allowed.end(), key) != allowed.end();
}

void add_tags(std::vector<std::string>& tags, const std::vector<std::string>& more) {
    for (const std::string& tag : more) {
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    }
}

std::vector<std::string_view> required_case_keys(Task task) { return keys_for(task).required; }

namespace {

// Which task a task-specific key belongs to, for "`question` is for vqa cases".
std::string owner_of(std::string_view key) {
    for (const Task task : {Task::ocr, Task::vqa, Task::research}) {
        const auto allowed = keys_for(task).allowed;
        if (key != "image" && std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
            return std::string(to_string(task));
        }
    }
    return "other";
}

std::string case_name(const YAML::Node& node, std::size_t index) {
    const YAML::Node id = node["id"];
    if (id && id.IsScalar() && !id.Scalar().empty()) return "case `" + id.Scalar() + "`";
    return "case #" + std::to_string(index + 1);
}

void check_task_keys(const FieldMap& fields, const YAML::Node& node, Task task, const std::string& where,
                     Diagnostics& out) {
    const TaskKeys keys = keys_for(task);
    const std::string task_name(to_string(task));
    for (const Field& field : fields.fields()) {
        if (!task_takes(task, field.name)) {
            out.add(field.key.Mark(), prefix(where) + "`" + field.name + "` is for " + owner_of(field.name) +
                                          " cases; this suite's task is " + task_name);
        }
    }
    for (const std::string_view required : keys.required) {
        if (!fields.find(required)) {
            out.add(node.Mark(), prefix(where) + "missing required key `" + std::string(required) + "` (every " +
                                     task_name + " case needs it)");
        }
    }
}

std::optional<Passage> read_passage(const YAML::Node& node, const std::string& where, Diagnostics& out) {
    if (!node.IsMap()) {
        out.add(node.Mark(), prefix(where) + "every item of `passages` must be a map {url, title, text, date}, got " +
                                 describe(node));
        return std::nullopt;
    }
    const std::string passage_where = where + ", passage";
    const FieldMap fields(node, passage_keys, passage_where, out);
    Passage passage;
    bool ok = true;
    const auto read_into = [&](std::string_view name, std::string& target, bool required) {
        const Field* field = fields.find(name);
        if (!field) {
            if (required) {
                out.add(node.Mark(), prefix(passage_where) + "missing required key `" + std::string(name) + "`");
                ok = false;
            }
            return;
        }
        if (auto value = read_string(*field, passage_where, out)) {
            target = std::move(*value);
        } else {
            ok = false;
        }
    };
    read_into("url", passage.url, true);
    read_into("title", passage.title, false);
    read_into("text", passage.text, true);
    read_into("date", passage.date, false);
    if (!ok) return std::nullopt;
    return passage;
}

void read_passages(const Field& field, const std::string& where, Diagnostics& out, Case& result) {
    if (!field.value.IsSequence()) {
        out.add(field.mark(), prefix(where) + "`passages` must be a list of {url, title, text, date}, got " +
                                  describe(field.value));
        return;
    }
    for (const YAML::Node& item : field.value) {
        if (auto passage = read_passage(item, where, out)) result.passages.push_back(std::move(*passage));
    }
}

// Reads one field into the case; the task check has already flagged fields the task does not take.
void read_case_field(const Field& field, const std::string& where, const CaseContext& context, Diagnostics& out,
                     Case& result) {
    const std::string& name = field.name;
    const auto read_text = [&](std::string& target) {
        if (auto value = read_string(field, where, out)) target = std::move(*value);
    };
    const auto read_list = [&](std::vector<std::string>& target) {
        if (auto value = read_string_list(field, where, out)) target = std::move(*value);
    };
    if (name == "image") {
        result.image = read_image_source(field, where, context.root, *context.image_paths, out);
    } else if (name == "expected") {
        read_text(result.expected);
    } else if (name == "question") {
        read_text(result.question);
    } else if (name == "answers") {
        read_list(result.answers);
        if (field.value.IsSequence() && field.value.size() == 0) {
            out.add(field.mark(), prefix(where) + "`answers` must list at least one answer");
        }
    } else if (name == "query") {
        read_text(result.query);
    } else if (name == "facts") {
        read_list(result.facts);
    } else if (name == "sources") {
        read_list(result.sources);
    } else if (name == "passages") {
        read_passages(field, where, out, result);
    } else if (name == "tags") {
        std::vector<std::string> own;
        read_list(own);
        add_tags(result.tags, own);
    }
}

}  // namespace

ReadCase read_case(const YAML::Node& node, std::size_t index, const CaseContext& context, Diagnostics& out) {
    ReadCase result;
    result.value.line = node.Mark().line + 1;
    const std::string where = case_name(node, index);
    const FieldMap fields(node, case_keys, where, out);

    if (const Field* id = fields.find("id")) {
        if (auto value = read_string(*id, where, out)) {
            if (value->empty()) {
                out.add(id->mark(), prefix(where) + "`id` must not be empty");
            } else {
                result.value.id = std::move(*value);
                result.id_mark = id->mark();
                result.has_id = true;
            }
        }
    } else {
        out.add(node.Mark(), prefix(where) + "missing required key `id` (a name unique in this suite)");
    }
    if (context.task) check_task_keys(fields, node, *context.task, where, out);

    result.value.tags = context.default_tags;
    for (const Field& field : fields.fields()) {
        // A key of another task was reported above; its value would only add noise.
        if (field.name != "id" && task_takes(context.task, field.name)) {
            read_case_field(field, where, context, out, result.value);
        }
    }
    return result;
}

std::vector<Case> read_cases(const Field& field, const CaseContext& context, Diagnostics& out) {
    std::vector<Case> cases;
    if (!field.value.IsSequence() || field.value.size() == 0) {
        out.add(field.mark(), "`cases` must be a non-empty list of cases, got " +
                                  (field.value.IsSequence() ? std::string("an empty list") : describe(field.value)));
        return cases;
    }
    std::map<std::string, int> first_line_of_id;
    std::size_t index = 0;
    for (const YAML::Node& node : field.value) {
        if (!node.IsMap()) {
            out.add(node.Mark(), "case #" + std::to_string(index + 1) + ": a case must be a map with `id` and its "
                                 "inputs, got " + describe(node));
            ++index;
            continue;
        }
        ReadCase read = read_case(node, index, context, out);
        ++index;
        if (!read.has_id) continue;
        const auto [first, inserted] = first_line_of_id.emplace(read.value.id, read.value.line);
        if (!inserted) {
            out.add(read.id_mark, "duplicate case id `" + read.value.id + "`; the first case with this id is at line " +
                                      std::to_string(first->second));
            continue;
        }
        cases.push_back(std::move(read.value));
    }
    return cases;
}

}  // namespace evalpanel::suite::detail
