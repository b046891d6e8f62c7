// `evalpanel suite import`: turns a public VQA dataset's own annotation file into a suite file, so a team
// can run the real benchmark on its copy. The images are referenced where they are, never copied: they
// must lie inside the output suite's folder, as every suite image must.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace evalpanel::suite {

// The annotation layouts understood, each with the dataset's official metric:
// docvqa -> anls, textvqa -> vqa_accuracy, chartqa -> relaxed_accuracy, ocrbench -> ocrbench
// (ocrbench_hme for handwritten maths), jsonl -> anls.
enum class DatasetFormat { docvqa, textvqa, chartqa, ocrbench, jsonl };

std::optional<DatasetFormat> dataset_format_from_string(std::string_view name);
std::string_view to_string(DatasetFormat format);

struct ImportRequest {
    DatasetFormat format = DatasetFormat::jsonl;
    std::filesystem::path annotations;   // the dataset's JSON / JSON Lines file
    std::filesystem::path images;        // the folder the dataset's image names are relative to
    std::filesystem::path out;           // the suite file to write
    std::optional<std::size_t> limit;    // import only the first N records
    std::string name;                    // the suite's name; default: the output file's stem
    bool overwrite = false;              // replace an existing output file
};

// One suite file written by import_dataset.
struct ImportedSuite {
    std::filesystem::path file;
    std::size_t cases = 0;
    std::string metric;
};

// Problems with the input: each item is one sentence naming the file and the record (by 1-based
// position, or line for JSON Lines). All the problems found are listed, up to a cap.
class ImportError : public std::runtime_error {
public:
    explicit ImportError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

// Reads the annotations, checks every record and image, and writes the suite — for OCRBench the
// handwritten-maths cases go to a second file "<stem>-hme.yaml" since they are scored by ocrbench_hme.
// Every written file is loaded back with load_suite before returning. Throws ImportError.
std::vector<ImportedSuite> import_dataset(const ImportRequest& request);

}  // namespace evalpanel::suite
