// import_dataset: read the layout, check every record and its image, write the suite(s), load them back.
#include "suite/importers/dataset_import.hpp"

#include <array>
#include <fstream>
#include <map>
#include <utility>

#include "suite/image_path.hpp"
#include "suite/importers/dataset_record.hpp"
#include "suite/importers/suite_yaml_writer.hpp"
#include "suite/suite.hpp"

namespace evalpanel::suite {
namespace {

namespace fs = std::filesystem;
using detail::DatasetRecord;
using detail::RecordProblems;

constexpr std::array<std::pair<DatasetFormat, std::string_view>, 5> kFormatNames = {{
    {DatasetFormat::docvqa, "docvqa"},
    {DatasetFormat::textvqa, "textvqa"},
    {DatasetFormat::chartqa, "chartqa"},
    {DatasetFormat::ocrbench, "ocrbench"},
    {DatasetFormat::jsonl, "jsonl"},
}};

// How the dataset's own papers and evaluation kits score it (../shared/METRICS.md §4–§7).
std::string official_metric(DatasetFormat format) {
    switch (format) {
        case DatasetFormat::docvqa: return "anls";
        case DatasetFormat::textvqa: return "vqa_accuracy";
        case DatasetFormat::chartqa: return "relaxed_accuracy";
        case DatasetFormat::ocrbench: return "ocrbench";
        case DatasetFormat::jsonl: return "anls";
    }
    return "anls";
}

// lmms-eval's instruction for the short-answer benchmarks; OCRBench questions are whole instructions,
// and a JSON Lines file's questions are whatever its author wrote.
std::string prompt_for(DatasetFormat format) {
    switch (format) {
        case DatasetFormat::docvqa:
        case DatasetFormat::textvqa:
        case DatasetFormat::chartqa: return "Answer the question using a single word or phrase.";
        case DatasetFormat::ocrbench:
        case DatasetFormat::jsonl: return "";
    }
    return "";
}

std::vector<DatasetRecord> read_records(const ImportRequest& request, RecordProblems& problems) {
    switch (request.format) {
        case DatasetFormat::docvqa: return detail::read_docvqa(request, problems);
        case DatasetFormat::textvqa: return detail::read_textvqa(request, problems);
        case DatasetFormat::chartqa: return detail::read_chartqa(request, problems);
        case DatasetFormat::ocrbench: return detail::read_ocrbench(request, problems);
        case DatasetFormat::jsonl: return detail::read_jsonl(request, problems);
    }
    return {};
}

[[noreturn]] void refuse(const std::string& sentence) { throw ImportError({sentence}); }

// The folder the suite will live in, created if needed, canonical.
fs::path suite_root(const ImportRequest& request) {
    const std::string extension = request.out.extension().string();
    if (extension != ".yaml" && extension != ".yml")
        refuse("--out " + request.out.string() + ": a suite file must end in .yaml or .yml");
    std::error_code error;
    if (fs::exists(request.out, error) && !request.overwrite)
        refuse("--out " + request.out.string() + " already exists; pass --force to replace it");
    const fs::path folder = fs::absolute(request.out).parent_path();
    fs::create_directories(folder, error);
    if (error) refuse("--out " + request.out.string() + ": cannot create the folder " + folder.string() + ": " +
                      error.message());
    return fs::canonical(folder);
}

void check_images_folder(const ImportRequest& request, const fs::path& root) {
    std::error_code error;
    if (!fs::is_directory(request.images, error)) refuse("--images " + request.images.string() + " is not a folder");
    const fs::path images = fs::canonical(request.images);
    if (!detail::is_inside(root, images))
        refuse("--images " + images.string() + " is outside the suite's folder " + root.string() +
               ": a suite may only use images inside its folder, and import does not copy datasets; write the "
               "suite next to the images (e.g. --out " + (images.parent_path() / "suite.yaml").string() + ")");
}

// The image's path relative to the suite's folder, '/'-separated; reports a missing or escaping image.
std::string relative_image(const DatasetRecord& record, const fs::path& root, RecordProblems& problems) {
    std::error_code error;
    for (const fs::path& candidate : record.image_candidates) {
        if (!fs::is_regular_file(candidate, error)) continue;
        const fs::path resolved = fs::weakly_canonical(candidate, error);
        if (error || !detail::is_inside(root, resolved)) {
            problems.add(record.where, "image " + candidate.string() + " resolves to " + resolved.string() +
                                           ", outside the suite's folder " + root.string());
            return {};
        }
        return resolved.lexically_relative(root).generic_string();
    }
    std::string looked;
    for (const fs::path& candidate : record.image_candidates) looked += (looked.empty() ? "" : ", ") + candidate.string();
    problems.add(record.where, "image not found (looked for " + looked + ")");
    return {};
}

std::vector<detail::DraftCase> draft_cases(std::vector<DatasetRecord>& records, const fs::path& root,
                                           RecordProblems& problems) {
    std::vector<detail::DraftCase> cases;
    std::map<std::string, std::string> first_with_id;
    for (DatasetRecord& record : records) {
        const auto [first, inserted] = first_with_id.emplace(record.id, record.where);
        if (!inserted) {
            problems.add(record.where, "case id `" + record.id + "` repeats the id of " + first->second);
            continue;
        }
        std::string image = relative_image(record, root, problems);
        if (image.empty()) continue;
        cases.push_back({record.id, std::move(image), std::move(record.question), std::move(record.answers),
                         std::move(record.tags)});
    }
    return cases;
}

ImportedSuite write_suite(const detail::DraftSuite& draft, const fs::path& file) {
    {
        std::ofstream stream(file, std::ios::binary | std::ios::trunc);
        stream << detail::suite_yaml(draft);
        if (!stream.flush()) refuse(file.string() + ": cannot be written");
    }
    try {
        const Suite loaded = load_suite(file);
        return {file, loaded.cases.size(), draft.metric};
    } catch (const SuiteError& error) {
        // Only a bug in the writer gets here; say so rather than leave a broken suite unexplained.
        refuse(file.string() + " was written but does not load (a bug in `suite import`): " + error.what());
    }
}

detail::DraftSuite draft_suite(const ImportRequest& request, std::string name, std::string metric,
                               std::vector<detail::DraftCase> cases) {
    detail::DraftSuite draft;
    draft.name = std::move(name);
    draft.description = "Imported from " + request.annotations.filename().string() + " (" +
                        std::string(to_string(request.format)) + " layout) by `evalpanel suite import`.";
    draft.metric = std::move(metric);
    draft.prompt = prompt_for(request.format);
    draft.cases = std::move(cases);
    return draft;
}

}  // namespace

std::optional<DatasetFormat> dataset_format_from_string(std::string_view name) {
    for (const auto& [format, known] : kFormatNames) {
        if (known == name) return format;
    }
    return std::nullopt;
}

std::string_view to_string(DatasetFormat format) {
    for (const auto& [value, name] : kFormatNames) {
        if (value == format) return name;
    }
    return "jsonl";
}

std::vector<ImportedSuite> import_dataset(const ImportRequest& request) {
    const fs::path root = suite_root(request);
    check_images_folder(request, root);
    RecordProblems problems(request.annotations);
    std::vector<DatasetRecord> records = read_records(request, problems);
    std::vector<DatasetRecord> maths;  // OCRBench's handwritten maths: scored by ocrbench_hme
    for (auto it = records.begin(); it != records.end();) {
        if (it->handwritten_maths) {
            maths.push_back(std::move(*it));
            it = records.erase(it);
        } else {
            ++it;
        }
    }
    std::vector<detail::DraftCase> cases = draft_cases(records, root, problems);
    std::vector<detail::DraftCase> maths_cases = draft_cases(maths, root, problems);
    problems.fail_if_any();
    if (cases.empty() && maths_cases.empty()) refuse(request.annotations.string() + ": no records to import");

    const fs::path out = root / request.out.filename();
    const std::string name = request.name.empty() ? request.out.stem().string() : request.name;
    const fs::path maths_out = root / (request.out.stem().string() + "-hme" + request.out.extension().string());
    if (!maths_cases.empty() && fs::exists(maths_out) && !request.overwrite)
        refuse(maths_out.string() + " (the handwritten-maths part) already exists; pass --force to replace it");
    std::vector<ImportedSuite> written;
    if (!cases.empty())
        written.push_back(write_suite(draft_suite(request, name, official_metric(request.format), std::move(cases)), out));
    if (!maths_cases.empty())
        written.push_back(write_suite(draft_suite(request, name + "-hme", "ocrbench_hme", std::move(maths_cases)),
                                      maths_out));
    return written;
}

}  // namespace evalpanel::suite
