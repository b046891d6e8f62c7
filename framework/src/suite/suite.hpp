// Suite: a YAML file of cases (DESIGN.md "Suites"). Loading validates everything and reports every
// problem with file:line:column; a Suite that loaded is safe to run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::suite {

// What a `generate:` image shows. Every kind takes the same degradations.
enum class GenerateKind { text, bar_chart, line_chart, table, form, receipt, sign };

// One `[label, value]` pair: a form's field and its filled-in value, a receipt's item and its price.
struct LabelledValue {
    std::string label;
    std::string value;
};

// `image: {generate: {...}}`: an image rendered with OpenCV whose content is known by construction.
// Same spec, same bytes.
struct GenerateSpec {
    GenerateKind kind = GenerateKind::text;
    std::string text;            // text, sign: what is written; may hold '\n' for several lines
    double scale = 1.0;          // font scale
    int thickness = 2;           // stroke thickness in pixels
    double blur = 0;             // Gaussian blur sigma in pixels; 0 = none
    double noise = 0;            // Gaussian noise standard deviation as a fraction of 255; 0 = none
    double rotate = 0;           // degrees, counter-clockwise
    double contrast = 1.0;       // 1 = black on white; 0.3 = dark grey on light grey
    int jpeg_quality = 0;        // 1..100 encodes as JPEG at that quality; 0 = PNG
    std::uint64_t seed = 0;      // seeds the noise
    std::string title;                        // charts, table, form, receipt: the heading; may be empty
    std::vector<std::string> labels;          // bar_chart, line_chart: the categories, left to right
    std::vector<double> values;               // bar_chart, line_chart: one per label, printed on the chart
    std::string y_label;                      // bar_chart, line_chart: the value axis' caption; may be empty
    std::vector<std::vector<std::string>> rows;  // table: the header row, then the data rows
    std::vector<LabelledValue> fields;        // form: field labels and their values, top to bottom
    std::vector<LabelledValue> items;         // receipt: item names and prices, top to bottom
    std::string total;                        // receipt: printed as "TOTAL <total>"; may be empty
    std::string footer;                       // receipt: lines under the total; may hold '\n'
};

std::string_view to_string(GenerateKind kind);
std::optional<GenerateKind> generate_kind_from_string(std::string_view name);

struct ImageSource {
    std::filesystem::path path;           // absolute, inside the suite's root; empty when generated
    // Null for a file. Held apart: a spec is larger than the rest of a case, and a 100,000-case suite of
    // image files should not carry 100,000 empty ones.
    std::shared_ptr<const GenerateSpec> generate;
};

// research: source text a case supplies so citation support can be checked offline.
struct Passage {
    std::string url;
    std::string title;
    std::string text;
    std::string date;                     // as written in the suite; may be empty
};

struct Case {
    std::string id;
    std::optional<ImageSource> image;
    std::string expected;                 // ocr: the text
    std::string question;                 // vqa
    std::vector<std::string> answers;     // vqa: gold / human answers
    std::string query;                    // research
    std::vector<std::string> facts;       // research: statements a good answer must contain
    std::vector<std::string> sources;     // research: domains or URLs a good answer should cite
    std::vector<Passage> passages;        // research: optional, for offline support checks
    std::vector<std::string> tags;        // the suite's default tags first, then the case's own
    int line = 0;                         // where the case starts in the suite file (1-based)
};

struct Suite {
    std::string name;
    evalpanel::Task task = evalpanel::Task::ocr;
    std::vector<std::string> metrics;     // ids, all known to the metric registry
    nlohmann::json metric_params = nlohmann::json::object();  // metric id -> {param: value}
    std::string prompt;
    std::string description;
    std::vector<Case> cases;              // from `cases:`, or read from `cases_file`
    std::filesystem::path cases_file;     // the JSON Lines file of cases, absolute; empty when inline
    std::filesystem::path file;           // the suite file, absolute
    std::filesystem::path root;           // images must stay inside this folder (the file's folder)
    std::string content_hash;             // SHA-256 (hex) of the file's bytes (and of its cases file's): the version run
};

struct Diagnostic {
    std::string file;
    int line = 0;     // 1-based; 0 when unknown
    int column = 0;   // 1-based; 0 when unknown
    std::string message;
    std::string to_string() const;  // "file:line:column: message"
};

// Thrown by load_suite with every problem found, not just the first.
class SuiteError : public std::runtime_error {
public:
    explicit SuiteError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Loads and validates one suite file. Throws SuiteError.
Suite load_suite(const std::filesystem::path& file);

// The same for a suite's text already in memory (tests, fuzzing). `file` names it in diagnostics, and its
// folder, which must exist, is the root that image paths must stay inside.
Suite load_suite_text(const std::string& text, const std::filesystem::path& file);

// Expands the command line's SUITE_OR_DIR arguments: a file stays; a folder gives every *.yaml / *.yml
// below it, sorted. A missing path is a SuiteError.
std::vector<std::filesystem::path> expand_suite_paths(const std::vector<std::filesystem::path>& args);

// The encoded bytes of a case's image: the file's bytes, or the rendered PNG/JPEG. Empty when the case
// has no image. Throws std::runtime_error naming the file when it cannot be read.
std::vector<std::uint8_t> load_image_bytes(const Case& c);

}  // namespace evalpanel::suite
