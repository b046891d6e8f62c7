// What every dataset layout is read into before it becomes a suite, and where its problems are collected.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "suite/importers/dataset_import.hpp"

namespace evalpanel::suite::detail {

struct DatasetRecord {
    std::string where;                 // "record 3" or "line 7": how problems name it
    std::string id;                    // the case id, unique in the suite
    std::vector<std::filesystem::path> image_candidates;  // where the image may be, most likely first
    std::string question;
    std::vector<std::string> answers;
    std::vector<std::string> tags;
    bool handwritten_maths = false;    // OCRBench HME100k: scored by ocrbench_hme
};

// Problems of one annotation file, each "FILE: WHERE: message".
class RecordProblems {
public:
    explicit RecordProblems(std::filesystem::path file) : file_(std::move(file)) {}
    void add(const std::string& where, const std::string& message);
    bool empty() const { return items_.empty(); }
    [[noreturn]] void fail() const;
    void fail_if_any() const {
        if (!empty()) fail();
    }
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    std::vector<std::string> items_;
};

// Typed access to one JSON record's fields; every wrong or missing field is reported, naming the record.
class JsonRecord {
public:
    JsonRecord(const nlohmann::json& value, std::string where, RecordProblems& problems);
    bool is_object() const { return value_.is_object(); }
    const std::string& where() const { return where_; }

    // A non-empty string. A number is accepted and written as the dataset wrote it (ids are often numbers).
    std::string text(const char* key, bool number_ok = false);
    // A non-empty list of strings, or, when single_ok, one string (OCRBench's `answers` is either).
    std::vector<std::string> text_list(const char* key, bool single_ok = false);
    bool has(const char* key) const { return value_.is_object() && value_.contains(key) && !value_[key].is_null(); }
    bool ok() const { return ok_; }

private:
    void problem(const std::string& message);

    const nlohmann::json& value_;
    std::string where_;
    RecordProblems& problems_;
    bool ok_ = true;
};

// Each reads one layout; `limit` caps the records read. Throws ImportError on unreadable input.
std::vector<DatasetRecord> read_docvqa(const ImportRequest& request, RecordProblems& problems);
std::vector<DatasetRecord> read_textvqa(const ImportRequest& request, RecordProblems& problems);
std::vector<DatasetRecord> read_chartqa(const ImportRequest& request, RecordProblems& problems);
std::vector<DatasetRecord> read_ocrbench(const ImportRequest& request, RecordProblems& problems);
std::vector<DatasetRecord> read_jsonl(const ImportRequest& request, RecordProblems& problems);

}  // namespace evalpanel::suite::detail
