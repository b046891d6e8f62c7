// Writes a vqa suite as YAML text that load_suite reads back to the same values.
#pragma once

#include <string>
#include <vector>

namespace evalpanel::suite::detail {

struct DraftCase {
    std::string id;
    std::string image;  // relative to the suite's folder, '/'-separated
    std::string question;
    std::vector<std::string> answers;
    std::vector<std::string> tags;
};

struct DraftSuite {
    std::string name;
    std::string description;
    std::string metric;
    std::string prompt;  // may be empty
    std::vector<DraftCase> cases;
};

// Every string is written double-quoted with escapes, so no dataset text (a "null", a "${...}", a
// colon, a line break) can change the file's structure or trip the loader's checks.
std::string suite_yaml(const DraftSuite& suite);

// `text` as a YAML double-quoted scalar.
std::string yaml_quoted(const std::string& text);

}  // namespace evalpanel::suite::detail
