// load_suite: reads the file, parses it with yaml-cpp and hands each part to its reader. Every reader
// reports into one Diagnostics, so a user sees all the problems of a file in one go.
#include <fstream>
#include <iterator>

#include "suite/case_reader.hpp"
#include "suite/cases_file_reader.hpp"
#include "suite/image_path.hpp"
#include "suite/metric_list_reader.hpp"
#include "suite/sha256.hpp"
#include "suite/yaml_fields.hpp"
#include "yaml_guard/yaml_limits.hpp"

namespace evalpanel::suite {
namespace {

using detail::Diagnostics;
using detail::Field;
using detail::FieldMap;

const std::vector<std::string_view> top_level_keys = {"suite",    "task",  "metrics", "prompt",
                                                      "defaults", "cases", "cases_file", "description", "dataset"};

[[noreturn]] void fail_with(const Diagnostics& out) { throw SuiteError(out.sorted()); }

std::string read_file_bytes(const std::filesystem::path& file, Diagnostics& out) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        out.add_at(0, 0, std::filesystem::exists(file, error) ? "not a regular file" : "no such file");
        fail_with(out);
    }
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        out.add_at(0, 0, "cannot be opened for reading");
        fail_with(out);
    }
    return std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
}

// Suites must be self-contained and reproducible, so unlike tools.yaml they may not read the environment.
// Scanned in the raw text so the column is exact whatever the quoting.
void report_env_references(const std::string& text, Diagnostics& out) {
    static constexpr std::string_view marker = "${env:";
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '\n') {
            ++line;
            line_start = at + 1;
        } else if (text.compare(at, marker.size(), marker) == 0) {
            out.add_at(line, static_cast<int>(at - line_start) + 1,
                       "`${env:...}` is not allowed in a suite (only the tools config reads the environment); "
                       "write the value itself");
        }
    }
}

// The tree, or nothing with what was wrong in `out`: a broken YAML limit (yaml_guard), a syntax error.
std::optional<YAML::Node> parse_yaml(const std::string& text, Diagnostics& out) {
    try {
        yaml_guard::LimitedYaml loaded = yaml_guard::load_yaml_within_limits(text);
        if (loaded.violation) {
            out.add_at(loaded.violation->line, loaded.violation->column, loaded.violation->message);
            return std::nullopt;
        }
        return std::move(loaded.root);
    } catch (const YAML::ParserException& error) {
        out.add(error.mark, "YAML syntax error: " + error.msg);
    } catch (const YAML::Exception& error) {
        out.add(error.mark, "cannot parse YAML: " + error.msg);
    }
    return std::nullopt;
}

std::string required_string(const FieldMap& fields, const YAML::Node& root, std::string_view name,
                            std::string_view meaning, Diagnostics& out) {
    const Field* field = fields.find(name);
    if (!field) {
        out.add(root.Mark(), "missing required key `" + std::string(name) + "` (" + std::string(meaning) + ")");
        return {};
    }
    std::optional<std::string> value = detail::read_string(*field, "", out);
    if (value && value->empty()) out.add(field->mark(), "`" + std::string(name) + "` must not be empty");
    return value.value_or("");
}

std::optional<Task> read_task(const FieldMap& fields, const YAML::Node& root, Diagnostics& out) {
    const Field* field = fields.find("task");
    if (!field) {
        out.add(root.Mark(), "missing required key `task` (one of ocr, vqa, research)");
        return std::nullopt;
    }
    const std::optional<std::string> name = detail::read_string(*field, "", out);
    if (!name) return std::nullopt;
    const std::optional<Task> task = task_from_string(*name);
    if (!task) out.add(field->mark(), "`task` must be one of ocr, vqa, research, got `" + *name + "`");
    return task;
}

std::vector<std::string> read_default_tags(const Field& field, Diagnostics& out) {
    if (!field.value.IsMap()) {
        out.add(field.mark(), "`defaults` must be a map (e.g. {tags: [printed]}), got " + detail::describe(field.value));
        return {};
    }
    const FieldMap defaults(field.value, {"tags"}, "defaults", out);
    const Field* tags = defaults.find("tags");
    if (!tags) return {};
    return detail::read_string_list(*tags, "defaults", out).value_or(std::vector<std::string>{});
}

// What reading a suite's `cases_file` adds to the suite file's own reading.
struct CasesFileReading {
    std::vector<Diagnostic> problems;  // located in the cases file
    std::string bytes_hash;            // SHA-256 of its bytes: part of the suite's version
};

void read_cases_file(const Field& field, const detail::CaseContext& context, Suite& suite, Diagnostics& out,
                     CasesFileReading& reading) {
    const std::optional<std::string> name = detail::read_string(field, "", out);
    if (!name) return;
    const std::filesystem::path file = detail::resolve_image_path(suite.root, *name);
    if (!detail::is_inside(suite.root, file)) {
        out.add(field.mark(), "`cases_file` " + *name + " resolves to " + file.string() + ", outside the suite's folder " +
                                  suite.root.string() + "; it must stay inside it");
        return;
    }
    Diagnostics problems(file.string());
    const std::string bytes = read_file_bytes(file, problems);
    reading.bytes_hash = sha256_hex(bytes);
    suite.cases = detail::read_cases_file(bytes, context, problems);
    suite.cases_file = file;
    reading.problems = problems.sorted();
}

void read_top_level(const YAML::Node& root, Suite& suite, Diagnostics& out, CasesFileReading& cases_file) {
    const FieldMap fields(root, top_level_keys, "", out);
    suite.name = required_string(fields, root, "suite", "the suite's name", out);
    const std::optional<Task> task = read_task(fields, root, out);
    if (task) suite.task = *task;

    if (const Field* metrics = fields.find("metrics")) {
        detail::MetricList list = detail::read_metric_list(*metrics, out);
        suite.metrics = std::move(list.ids);
        suite.metric_params = std::move(list.params);
    } else {
        out.add(root.Mark(), "missing required key `metrics` (a list of metric ids, e.g. [cer, wer])");
    }
    if (const Field* prompt = fields.find("prompt")) suite.prompt = detail::read_string(*prompt, "", out).value_or("");
    if (const Field* description = fields.find("description")) {
        suite.description = detail::read_string(*description, "", out).value_or("");
    }
    const Field* dataset = fields.find("dataset");
    if (dataset) {
        out.add(dataset->key.Mark(), "`dataset` is not supported yet: list the cases under `cases` for now");
    }

    detail::CaseContext context{task, suite.root, {}};
    if (const Field* defaults = fields.find("defaults")) context.default_tags = read_default_tags(*defaults, out);
    const Field* cases = fields.find("cases");
    const Field* file = fields.find("cases_file");
    if (cases && file) {
        out.add(file->key.Mark(), "a suite has either `cases` or `cases_file`, not both");
    } else if (cases) {
        suite.cases = detail::read_cases(*cases, context, out);
    } else if (file) {
        read_cases_file(*file, context, suite, out, cases_file);
    } else if (!dataset) {
        out.add(root.Mark(), "missing required key `cases` (the list of cases) or `cases_file` (a JSON Lines file of them)");
    }
}

}  // namespace

Suite load_suite(const std::filesystem::path& file) {
    Diagnostics out(file.string());
    return load_suite_text(read_file_bytes(file, out), file);
}

Suite load_suite_text(const std::string& text, const std::filesystem::path& file) {
    Diagnostics out(file.string());
    Suite suite;
    suite.file = std::filesystem::absolute(file).lexically_normal();
    suite.root = std::filesystem::canonical(suite.file.parent_path());
    suite.content_hash = sha256_hex(text);

    report_env_references(text, out);
    const std::optional<YAML::Node> root = parse_yaml(text, out);
    if (!root) fail_with(out);
    if (root->IsNull()) {
        out.add_at(1, 1, "the file is empty; a suite needs `suite`, `task`, `metrics` and `cases`");
        fail_with(out);
    }
    if (!root->IsMap()) {
        out.add(root->Mark(), "a suite must be a map with `suite`, `task`, `metrics` and `cases`, got " +
                                  detail::describe(*root));
        fail_with(out);
    }
    CasesFileReading cases_file;
    read_top_level(*root, suite, out, cases_file);
    if (!out.empty() || !cases_file.problems.empty()) {
        std::vector<Diagnostic> all = out.sorted();
        all.insert(all.end(), cases_file.problems.begin(), cases_file.problems.end());
        throw SuiteError(std::move(all));
    }
    // The version run is the suite file and its cases file together.
    if (!suite.cases_file.empty()) suite.content_hash = sha256_hex(suite.content_hash + cases_file.bytes_hash);
    return suite;
}

}  // namespace evalpanel::suite
