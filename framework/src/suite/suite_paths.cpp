#include <algorithm>

#include "suite/suite.hpp"

namespace evalpanel::suite {
namespace {

bool is_suite_file(const std::filesystem::directory_entry& entry) {
    const std::string extension = entry.path().extension().string();
    return (extension == ".yaml" || extension == ".yml") && entry.is_regular_file();
}

}  // namespace

std::vector<std::filesystem::path> expand_suite_paths(const std::vector<std::filesystem::path>& args) {
    std::vector<std::filesystem::path> files;
    std::vector<Diagnostic> problems;
    for (const std::filesystem::path& arg : args) {
        std::error_code error;
        if (std::filesystem::is_directory(arg, error)) {
            std::vector<std::filesystem::path> found;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
                if (is_suite_file(entry)) found.push_back(entry.path());
            }
            if (found.empty()) problems.push_back({arg.string(), 0, 0, "folder holds no *.yaml or *.yml suite"});
            // Sorted so that runs, shards and reports list suites in the same order on every machine.
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (std::filesystem::exists(arg, error)) {
            files.push_back(arg);
        } else {
            problems.push_back({arg.string(), 0, 0, "no such suite file or folder"});
        }
    }
    if (!problems.empty()) throw SuiteError(std::move(problems));
    return files;
}

}  // namespace evalpanel::suite
