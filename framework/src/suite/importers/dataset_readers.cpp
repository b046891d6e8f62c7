// The public datasets' own annotation layouts, as published:
//   DocVQA   {"data": [{"questionId", "question", "image": "documents/x.png", "answers": [...]}]}
//   TextVQA  {"data": [{"question_id", "question", "image_id", "answers": [10 strings]}]}, images <id>.jpg
//   ChartQA  [{"imgname", "query", "label"}]  (test_human.json / test_augmented.json)
//   OCRBench [{"dataset_name", "image_path", "question", "answers": string or list, "type"}]
//   JSON Lines: one {"id", "image", "question", "answers", "tags"?} per line
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "suite/importers/dataset_record.hpp"

namespace evalpanel::suite::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHmeType = "Handwritten Mathematical Expression Recognition";
constexpr const char* kHmeDataset = "HME100k";

std::string read_text(const fs::path& file, RecordProblems& problems) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
        problems.add("", std::string(fs::exists(file) ? "cannot be opened for reading" : "no such file"));
        problems.fail();
    }
    return std::string(std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>());
}

std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& where,
                                         RecordProblems& problems) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        problems.add(where, std::string("not valid JSON: ") + error.what());
    }
    return std::nullopt;
}

nlohmann::json read_json(const fs::path& file, RecordProblems& problems) {
    std::optional<nlohmann::json> value = parse_json(read_text(file, problems), "", problems);
    problems.fail_if_any();
    return std::move(*value);
}

// The records of a {"data": [...]} file (DocVQA, TextVQA).
const nlohmann::json& data_list(const nlohmann::json& root, std::string_view layout, RecordProblems& problems) {
    if (!root.is_object() || !root.contains("data") || !root["data"].is_array()) {
        problems.add("", "expected a JSON object with a `data` list of questions (the " + std::string(layout) +
                             " layout), got " + (root.is_object() ? "an object without a `data` list"
                                                                  : "a JSON " + std::string(root.type_name())));
        problems.fail();
    }
    return root["data"];
}

// The records of a top-level list file (ChartQA, OCRBench).
const nlohmann::json& top_list(const nlohmann::json& root, std::string_view layout, RecordProblems& problems) {
    if (!root.is_array()) {
        problems.add("", "expected a JSON list of questions (the " + std::string(layout) + " layout), got a JSON " +
                             std::string(root.type_name()) +
                             (root.is_object() && root.contains("data") ? " with `data` (DocVQA or TextVQA?)" : ""));
        problems.fail();
    }
    return root;
}

std::size_t count_to_read(const nlohmann::json& list, const ImportRequest& request) {
    return request.limit ? std::min(*request.limit, list.size()) : list.size();
}

std::string record_name(std::size_t index) { return "record " + std::to_string(index + 1); }

std::vector<fs::path> here_or_by_name(const fs::path& images, const std::string& written) {
    const fs::path path(written);
    if (path.is_absolute()) return {path};
    std::vector<fs::path> candidates = {images / path};
    if (path.has_parent_path()) candidates.push_back(images / path.filename());
    return candidates;
}

}  // namespace

std::vector<DatasetRecord> read_docvqa(const ImportRequest& request, RecordProblems& problems) {
    const nlohmann::json root = read_json(request.annotations, problems);
    const nlohmann::json& list = data_list(root, "DocVQA", problems);
    std::vector<DatasetRecord> records;
    for (std::size_t i = 0; i < count_to_read(list, request); ++i) {
        JsonRecord record(list[i], record_name(i), problems);
        DatasetRecord out;
        out.where = record.where();
        out.id = "docvqa-" + record.text("questionId", true);
        out.question = record.text("question");
        out.image_candidates = here_or_by_name(request.images, record.text("image"));
        if (list[i].is_object() && !list[i].contains("answers")) {
            problems.add(record.where(), "missing `answers` (the DocVQA test split has no public answers; import "
                                         "train_v1.0.json or val_v1.0.json)");
            continue;
        }
        out.answers = record.text_list("answers");
        if (record.has("question_types")) {
            for (const std::string& type : record.text_list("question_types")) out.tags.push_back(type);
        }
        if (record.ok()) records.push_back(std::move(out));
    }
    return records;
}

std::vector<DatasetRecord> read_textvqa(const ImportRequest& request, RecordProblems& problems) {
    const nlohmann::json root = read_json(request.annotations, problems);
    const nlohmann::json& list = data_list(root, "TextVQA", problems);
    std::vector<DatasetRecord> records;
    for (std::size_t i = 0; i < count_to_read(list, request); ++i) {
        JsonRecord record(list[i], record_name(i), problems);
        DatasetRecord out;
        out.where = record.where();
        out.id = "textvqa-" + record.text("question_id", true);
        out.question = record.text("question");
        out.image_candidates = {request.images / (record.text("image_id") + ".jpg")};
        if (list[i].is_object() && !list[i].contains("answers")) {
            problems.add(record.where(), "missing `answers` (the TextVQA test split has no public answers; import "
                                         "TextVQA_0.5.1_val.json)");
            continue;
        }
        out.answers = record.text_list("answers");
        if (record.ok()) records.push_back(std::move(out));
    }
    return records;
}

std::vector<DatasetRecord> read_chartqa(const ImportRequest& request, RecordProblems& problems) {
    const nlohmann::json root = read_json(request.annotations, problems);
    const nlohmann::json& list = top_list(root, "ChartQA", problems);
    // ChartQA ships its human-written and generated questions as separate files; the stem tells which.
    const std::string split = request.annotations.stem().string();
    std::vector<DatasetRecord> records;
    for (std::size_t i = 0; i < count_to_read(list, request); ++i) {
        JsonRecord record(list[i], record_name(i), problems);
        DatasetRecord out;
        out.where = record.where();
        out.id = "chartqa-" + std::to_string(i + 1);
        out.question = record.text("query");
        const std::string image = record.text("imgname");
        out.image_candidates = {request.images / image, request.images / "png" / image};
        if (record.is_object() && list[i].contains("label") && list[i]["label"].is_number()) {
            out.answers = {list[i]["label"].dump()};
        } else {
            out.answers = {record.text("label")};
        }
        out.tags = {split};
        if (record.ok()) records.push_back(std::move(out));
    }
    return records;
}

std::vector<DatasetRecord> read_ocrbench(const ImportRequest& request, RecordProblems& problems) {
    const nlohmann::json root = read_json(request.annotations, problems);
    const nlohmann::json& list = top_list(root, "OCRBench", problems);
    std::vector<DatasetRecord> records;
    for (std::size_t i = 0; i < count_to_read(list, request); ++i) {
        JsonRecord record(list[i], record_name(i), problems);
        DatasetRecord out;
        out.where = record.where();
        out.id = "ocrbench-" + (record.has("id") ? record.text("id", true) : std::to_string(i + 1));
        out.question = record.text("question");
        out.image_candidates = here_or_by_name(request.images, record.text("image_path"));
        out.answers = record.text_list("answers", /*single_ok=*/true);
        const std::string type = record.text("type");
        const std::string dataset = record.has("dataset_name") ? record.text("dataset_name") : "";
        out.tags = {type};
        if (!dataset.empty()) out.tags.push_back(dataset);
        out.handwritten_maths = type == kHmeType || dataset == kHmeDataset;
        if (record.ok()) records.push_back(std::move(out));
    }
    return records;
}

std::vector<DatasetRecord> read_jsonl(const ImportRequest& request, RecordProblems& problems) {
    std::ifstream stream(request.annotations, std::ios::binary);
    if (!stream) {
        problems.add("", std::string(fs::exists(request.annotations) ? "cannot be opened for reading" : "no such file"));
        problems.fail();
    }
    std::vector<DatasetRecord> records;
    std::string line;
    std::size_t read = 0;
    for (std::size_t number = 1; std::getline(stream, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
        if (request.limit && read == *request.limit) break;
        ++read;
        const std::string where = "line " + std::to_string(number);
        const std::optional<nlohmann::json> value = parse_json(line, where, problems);
        if (!value) continue;
        JsonRecord record(*value, where, problems);
        DatasetRecord out;
        out.where = where;
        out.id = record.text("id", true);
        out.question = record.text("question");
        out.image_candidates = here_or_by_name(request.images, record.text("image"));
        out.answers = record.text_list("answers", /*single_ok=*/true);
        if (record.has("tags")) out.tags = record.text_list("tags");
        if (record.ok()) records.push_back(std::move(out));
    }
    return records;
}

}  // namespace evalpanel::suite::detail
