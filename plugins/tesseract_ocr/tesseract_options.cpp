#include "tesseract_options.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace evalpanel::plugins::tesseract_ocr {
namespace {

constexpr long long kMaxMaxPixels = 1'000'000'000'000;  // a terapixel: far beyond any memory

ToolError fatal(std::string message) {
    return ToolError{ErrorKind::fatal, std::move(message), std::nullopt};
}

std::string type_name(const nlohmann::json& value) {
    if (value.is_number_float()) return "a fractional number";
    if (value.is_number()) return "an integer";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "a list";
    return "a map";
}

std::string known_list() {
    std::string list;
    for (const std::string& name : known_option_names()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

// Int: int, or std::uint64_t for counts beyond int's range (max_pixels).
template <typename Int>
std::optional<ToolError> read_int(const nlohmann::json& value, std::string_view key, long long low, long long high,
                                  std::string_view meaning, Int& out) {
    const bool in_range =
        value.is_number_integer() && value.get<long long>() >= low && value.get<long long>() <= high;
    if (!in_range)
        return fatal("tesseract_ocr option '" + std::string(key) + "' must be an integer in [" +
                     std::to_string(low) + ", " + std::to_string(high) + "] (" + std::string(meaning) +
                     "), got " + (value.is_number_integer() ? value.dump() : type_name(value)));
    out = static_cast<Int>(value.get<long long>());
    return std::nullopt;
}

std::optional<ToolError> read_string(const nlohmann::json& value, std::string_view key, std::string& out) {
    if (!value.is_string() || value.get<std::string>().empty())
        return fatal("tesseract_ocr option '" + std::string(key) + "' must be a non-empty string, got " +
                     (value.is_string() ? "an empty string" : type_name(value)));
    out = value.get<std::string>();
    return std::nullopt;
}

// Language codes are file names under tessdata joined by '+': keep path separators out of them.
std::optional<ToolError> read_lang(const nlohmann::json& value, std::string& out) {
    if (auto error = read_string(value, "lang", out)) return error;
    const bool plain = std::all_of(out.begin(), out.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-' || c == '+';
    });
    if (!plain || out.front() == '+' || out.back() == '+')
        return fatal(
            "tesseract_ocr option 'lang' must be Tesseract language codes joined by '+' (e.g. eng or "
            "eng+deu), got '" +
            out + "'");
    return std::nullopt;
}

std::optional<ToolError> read_tessdata(const nlohmann::json& value, std::string& out) {
    if (auto error = read_string(value, "tessdata", out)) return error;
    std::error_code ec;
    if (!std::filesystem::is_directory(out, ec))
        return fatal("tesseract_ocr option 'tessdata': '" + out + "' is not a directory");
    return std::nullopt;
}

// Tesseract takes every variable as a string; YAML scalars arrive typed, so accept those and spell them
// as Tesseract would read them.
std::optional<ToolError> read_variables(const nlohmann::json& value,
                                        std::vector<std::pair<std::string, std::string>>& out) {
    if (!value.is_object())
        return fatal(
            "tesseract_ocr option 'variables' must be a map of Tesseract variable name to value, got " +
            type_name(value));
    for (const auto& [name, setting] : value.items()) {
        std::string text;
        if (setting.is_string())
            text = setting.get<std::string>();
        else if (setting.is_boolean())
            text = setting.get<bool>() ? "1" : "0";
        else if (setting.is_number())
            text = setting.dump();
        else
            return fatal("tesseract_ocr option variables." + name +
                         " must be a string, number or boolean, got " + type_name(setting));
        out.emplace_back(name, std::move(text));
    }
    return std::nullopt;
}

std::optional<ToolError> read_option(const std::string& key, const nlohmann::json& value,
                                     TesseractOptions& out) {
    if (key == "lang") return read_lang(value, out.lang);
    if (key == "psm") return read_int(value, key, 0, 13, "a Tesseract page segmentation mode", out.psm);
    if (key == "oem") return read_int(value, key, 0, 3, "a Tesseract OCR engine mode", out.oem);
    if (key == "dpi") {
        int dpi = 0;
        auto error = read_int(value, key, kMinCredibleDpi, kMaxCredibleDpi,
                              "dots per inch; Tesseract ignores resolutions outside this range", dpi);
        if (!error) out.dpi = dpi;
        return error;
    }
    if (key == "tessdata") return read_tessdata(value, out.tessdata);
    if (key == "variables") return read_variables(value, out.variables);
    if (key == "max_pixels")
        return read_int(value, key, 1, kMaxMaxPixels, "pixels an image may declare; larger ones are refused undecoded",
                        out.max_pixels);
    return fatal("unknown option '" + key + "' for tesseract_ocr (known: " + known_list() + ")");
}

}  // namespace

const std::vector<std::string>& known_option_names() {
    static const std::vector<std::string> names{"lang", "psm", "oem", "dpi", "tessdata", "variables", "max_pixels"};
    return names;
}

std::variant<TesseractOptions, ToolError> parse_options(const nlohmann::json& options) {
    TesseractOptions parsed;
    if (options.is_null()) return parsed;
    if (!options.is_object()) return fatal("tesseract_ocr options must be a map, got " + type_name(options));
    for (const auto& [key, value] : options.items())
        if (auto error = read_option(key, value, parsed)) return *error;
    return parsed;
}

}  // namespace evalpanel::plugins::tesseract_ocr
