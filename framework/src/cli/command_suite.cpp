// evalpanel suite validate FILE_OR_DIR...
// evalpanel suite import --format F FILE --images DIR --out SUITE.yaml [--limit N] [--name NAME] [--force]
#include <iostream>

#include "cli/command.hpp"
#include "suite/importers/dataset_import.hpp"
#include "suite/suite.hpp"

namespace evalpanel::cli {
namespace {

constexpr const char* kValidateUsage = "evalpanel suite validate FILE_OR_DIR...";
constexpr const char* kImportUsage =
    "evalpanel suite import --format docvqa|textvqa|chartqa|ocrbench|jsonl FILE --images DIR --out SUITE.yaml "
    "[--limit N] [--name NAME] [--force]";

int validate(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    po::options_description options("suite validate options");
    options.add_options()("file", po::value(&files)->multitoken(), "suite files or folders");
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    if (!parse(kValidateUsage, args, options, positional, vm)) return kExitOk;
    if (files.empty()) throw UsageError("name at least one suite file or folder");
    bool all_ok = true;
    for (const auto& file : suite::expand_suite_paths({files.begin(), files.end()})) {
        try {
            const suite::Suite s = suite::load_suite(file);
            std::string metrics;
            for (const auto& m : s.metrics) metrics += (metrics.empty() ? "" : ", ") + m;
            std::cout << file.string() << ": ok — suite '" << s.name << "', task " << to_string(s.task) << ", "
                      << s.cases.size() << " cases, metrics " << metrics << "\n";
        } catch (const suite::SuiteError& e) {
            all_ok = false;
            for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << "\n";
        }
    }
    return all_ok ? kExitOk : kExitUsage;
}

int import(const std::vector<std::string>& args) {
    std::string format, file, images, out, name;
    std::size_t limit = 0;
    po::options_description options("suite import options");
    options.add_options()
        ("format", po::value(&format)->required(), "the annotation layout: docvqa, textvqa, chartqa, ocrbench, jsonl")
        ("file", po::value(&file)->required(), "the dataset's annotation file (JSON, or JSON Lines for jsonl)")
        ("images", po::value(&images)->required(), "the folder the dataset's image names are relative to")
        ("out", po::value(&out)->required(), "the suite file to write; the images must be inside its folder")
        ("limit", po::value(&limit), "import only the first N records")
        ("name", po::value(&name), "the suite's name (default: the output file's name without .yaml)")
        ("force", "replace an existing output file");
    po::positional_options_description positional;
    positional.add("file", 1);
    po::variables_map vm;
    if (!parse(kImportUsage, args, options, positional, vm)) return kExitOk;

    suite::ImportRequest request;
    const auto parsed = suite::dataset_format_from_string(format);
    if (!parsed)
        throw UsageError("--format " + format + " is not a known layout (known: docvqa, textvqa, chartqa, ocrbench, "
                         "jsonl)");
    if (vm.count("limit") && limit == 0) throw UsageError("--limit must be at least 1");
    request.format = *parsed;
    request.annotations = file;
    request.images = images;
    request.out = out;
    if (vm.count("limit")) request.limit = limit;
    request.name = name;
    request.overwrite = vm.count("force") > 0;
    try {
        for (const suite::ImportedSuite& written : suite::import_dataset(request)) {
            std::cout << written.file.string() << ": wrote " << written.cases << " cases, metric " << written.metric
                      << "\n";
        }
    } catch (const suite::ImportError& e) {
        for (const std::string& problem : e.problems()) std::cerr << problem << "\n";
        return kExitUsage;
    }
    return kExitOk;
}

}  // namespace

int suite_command(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "usage: " << kValidateUsage << "\n       " << kImportUsage << "\n";
        return args.empty() ? kExitUsage : kExitOk;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "validate") return validate(rest);
    if (args[0] == "import") return import(rest);
    throw UsageError("unknown suite command '" + args[0] + "' (known: validate, import)");
}

}  // namespace evalpanel::cli
