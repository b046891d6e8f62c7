// The tools-config keys the tesseract_ocr plugin accepts, checked and turned into values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <evalpanel/image.hpp>
#include <evalpanel/tool.hpp>

namespace evalpanel::plugins::tesseract_ocr {

// Tesseract accepts resolutions in this range; outside it, it silently substitutes its own.
inline constexpr int kMinCredibleDpi = 70;
inline constexpr int kMaxCredibleDpi = 2400;

struct TesseractOptions {
    std::string lang = "eng";  // Tesseract language code(s), e.g. "eng" or "eng+deu"
    int psm = 3;               // page segmentation mode, tesseract::PageSegMode (3 = fully automatic)
    int oem = 3;               // engine mode, tesseract::OcrEngineMode (3 = whatever the traineddata has)
    // The resolution assumed when an image declares none. Unset: let Tesseract estimate it from the
    // text size, as the `tesseract` command does (see README.md for the measurement behind this).
    std::optional<int> dpi;
    std::string tessdata;  // directory holding <lang>.traineddata; empty = libtesseract's default
    std::vector<std::pair<std::string, std::string>> variables;  // for Init, in key order
    // Images whose header declares more pixels are refused before decoding (decompression bombs).
    std::uint64_t max_pixels = image::kDefaultMaxPixels;
};

// The option names, in the order messages list them.
const std::vector<std::string>& known_option_names();

// Checks every key and type; the first problem found is returned as a fatal ToolError naming the key.
std::variant<TesseractOptions, ToolError> parse_options(const nlohmann::json& options);

}  // namespace evalpanel::plugins::tesseract_ocr
