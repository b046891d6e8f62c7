#include "suite/importers/dataset_record.hpp"

namespace evalpanel::suite {
namespace {

// A broken file can have a problem in every record; the first ones tell the story.
constexpr std::size_t kMaxProblemsShown = 50;

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
    return text;
}

}  // namespace

ImportError::ImportError(std::vector<std::string> problems)
    : std::runtime_error(joined(problems)), problems_(std::move(problems)) {}

namespace detail {

void RecordProblems::add(const std::string& where, const std::string& message) {
    items_.push_back(file_.string() + ": " + (where.empty() ? "" : where + ": ") + message);
}

void RecordProblems::fail() const {
    std::vector<std::string> shown = items_;
    if (shown.size() > kMaxProblemsShown) {
        const std::size_t hidden = shown.size() - kMaxProblemsShown;
        shown.resize(kMaxProblemsShown);
        shown.push_back(file_.string() + ": ... and " + std::to_string(hidden) + " more problems");
    }
    throw ImportError(std::move(shown));
}

JsonRecord::JsonRecord(const nlohmann::json& value, std::string where, RecordProblems& problems)
    : value_(value), where_(std::move(where)), problems_(problems) {
    if (!value_.is_object()) problem("must be a JSON object, got " + std::string(value_.type_name()));
}

void JsonRecord::problem(const std::string& message) {
    problems_.add(where_, message);
    ok_ = false;
}

std::string JsonRecord::text(const char* key, bool number_ok) {
    if (!value_.is_object()) return {};
    const auto it = value_.find(key);
    if (it == value_.end() || it->is_null()) {
        problem("missing `" + std::string(key) + "`");
        return {};
    }
    if (number_ok && it->is_number_integer()) return it->dump();
    if (!it->is_string()) {
        problem("`" + std::string(key) + "` must be a string" + (number_ok ? " or a whole number" : "") + ", got " +
                it->type_name());
        return {};
    }
    std::string value = it->get<std::string>();
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
        problem("`" + std::string(key) + "` is empty");
        return {};
    }
    return value;
}

std::vector<std::string> JsonRecord::text_list(const char* key, bool single_ok) {
    if (!value_.is_object()) return {};
    const auto it = value_.find(key);
    if (it == value_.end() || it->is_null()) {
        problem("missing `" + std::string(key) + "`");
        return {};
    }
    if (single_ok && it->is_string()) return {it->get<std::string>()};
    const std::string expected = single_ok ? "a string or a non-empty list of strings" : "a non-empty list of strings";
    if (!it->is_array() || it->empty()) {
        problem("`" + std::string(key) + "` must be " + expected + ", got " +
                (it->is_array() ? std::string("an empty list") : std::string(it->type_name())));
        return {};
    }
    std::vector<std::string> items;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json& item = (*it)[i];
        // ChartQA-style numeric golds are answers too; they keep the digits the dataset wrote.
        if (item.is_number()) {
            items.push_back(item.dump());
        } else if (item.is_string()) {
            items.push_back(item.get<std::string>());
        } else {
            problem("`" + std::string(key) + "` item " + std::to_string(i + 1) + " must be a string, got " +
                    item.type_name());
            return {};
        }
    }
    return items;
}

}  // namespace detail
}  // namespace evalpanel::suite
