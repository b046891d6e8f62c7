// Measures what README.md reports: CER of the `tesseract` command against the plugin at several default
// resolutions, and whether the plugin's decode path reads the same text as the command, on the cases
// of the given OCR suites.
//
//   tesseract_ocr_dpi_bench [--formats] suites/ocr/*.yaml
//
// --formats also re-encodes every image as colour, RGBA, 16-bit and 1-bit PNG and compares command and plugin
// text on each (decode-path parity).
//
// Variants per case:
//   command      `tesseract FILE -` (Leptonica reads the file; no --dpi)
//   leptonica    the plugin's engine set-up, but the image read by Leptonica's pixReadMem: isolates the
//                decode path when `command` and `plugin-est` differ
//   plugin-est   the plugin with no `dpi` option (Tesseract estimates the resolution)
//   plugin-70/150/300  the plugin with `dpi: N`
// CER is the suites' own: METRICS.md §2 with collapse_whitespace, as suites/ocr declare it.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <leptonica/allheaders.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>

#include "metrics/cer.hpp"
#include "suite/suite.hpp"
#include "tesseract_tool.hpp"

namespace {

namespace fs = std::filesystem;
using evalpanel::plugins::tesseract_ocr::TesseractTool;

struct Variant {
    std::string name;
    nlohmann::json options;  // for the plugin variants
};

std::string run_command(const fs::path& image) {
    const std::string command = "tesseract '" + image.string() + "' - 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::string out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
        out.append(buffer.data(), n);
    return out;
}

std::string trim_trailing(std::string text) {
    const auto end = text.find_last_not_of(" \t\r\n\f\v");
    text.erase(end == std::string::npos ? 0 : end + 1);
    return text;
}

// The command's engine settings (default lang, oem, psm 3) with the pixels Leptonica decodes.
std::string read_with_leptonica(tesseract::TessBaseAPI& api, const std::vector<std::uint8_t>& bytes) {
    Pix* pix = pixReadMem(bytes.data(), bytes.size());
    if (!pix) return "";
    api.SetImage(pix);
    const std::unique_ptr<char[]> text(api.GetUTF8Text());
    api.Clear();
    pixDestroy(&pix);
    return text ? std::string(text.get()) : std::string();
}

std::string extension_for(const std::vector<std::uint8_t>& bytes) {
    return bytes.size() > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? ".jpg" : ".png";
}

// The same picture re-encoded in the forms whose decoding differs most between OpenCV and Leptonica:
// colour (Tesseract's own grey weights), transparency (composited on white), 16-bit and 1-bit samples.
std::map<std::string, std::vector<std::uint8_t>> format_variants(const std::vector<std::uint8_t>& bytes) {
    const cv::Mat grey = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
    std::map<std::string, std::vector<std::uint8_t>> variants;
    cv::Mat tinted;
    cv::merge(std::vector<cv::Mat>{grey, grey * 0.8 + 40, grey}, tinted);  // ink and paper in colour
    cv::imencode(".png", tinted, variants["rgb"]);
    cv::Mat rgba;  // black ink whose opacity is the darkness, on transparent paper
    const cv::Mat black = cv::Mat::zeros(grey.size(), CV_8U);
    cv::merge(std::vector<cv::Mat>{black, black, black, 255 - grey}, rgba);
    cv::imencode(".png", rgba, variants["rgba"]);
    cv::Mat wide;
    grey.convertTo(wide, CV_16U, 257.0);
    cv::imencode(".png", wide, variants["grey16"]);
    cv::Mat binary;  // 1-bit PNG: Leptonica hands Tesseract a binary image, OpenCV a 0/255 grey one
    cv::threshold(grey, binary, 128, 255, cv::THRESH_BINARY);
    cv::imencode(".png", binary, variants["bilevel"], {cv::IMWRITE_PNG_BILEVEL, 1});
    return variants;
}

// `command` and `plugin` text for each format variant; returns the names of the variants that differ.
std::vector<std::string> format_differences(const std::vector<std::uint8_t>& bytes, const fs::path& scratch,
                                            const std::string& id, TesseractTool& tool) {
    std::vector<std::string> differing;
    for (const auto& [name, encoded] : format_variants(bytes)) {
        const fs::path file = scratch / (id + "-" + name + ".png");
        std::ofstream(file, std::ios::binary)
            .write(reinterpret_cast<const char*>(encoded.data()),
                   static_cast<std::streamsize>(encoded.size()));
        evalpanel::Request request;
        request.image = encoded;
        request.image_name = file.filename().string();
        const evalpanel::Outcome outcome = tool.call(request);
        const auto* response = std::get_if<evalpanel::Response>(&outcome);
        const std::string command_text = trim_trailing(run_command(file));
        if (!response || response->text != command_text) {
            differing.push_back(name);
            std::cerr << "DIFF " << id << " " << name << "\n  command: " << command_text
                      << "\n  plugin:  " << (response ? response->text : "<error>") << "\n";
        }
    }
    return differing;
}

struct Totals {
    double cer_sum = 0;
    int cases = 0;
    int exact = 0;
};

}  // namespace

int main(int argc, char** argv) {
    const bool check_formats = argc > 1 && std::string(argv[1]) == "--formats";
    if (argc < 2 + (check_formats ? 1 : 0)) {
        std::cerr << "usage: " << argv[0] << " [--formats] SUITE.yaml...\n";
        return 2;
    }
    const std::vector<Variant> plugin_variants{{"plugin-est", nlohmann::json::object()},
                                               {"plugin-70", {{"dpi", 70}}},
                                               {"plugin-150", {{"dpi", 150}}},
                                               {"plugin-300", {{"dpi", 300}}}};
    std::vector<std::unique_ptr<TesseractTool>> tools;
    for (const Variant& variant : plugin_variants) {
        tools.push_back(std::make_unique<TesseractTool>());
        if (auto error = tools.back()->configure(variant.options)) {
            std::cerr << error->message << "\n";
            return 1;
        }
    }
    tesseract::TessBaseAPI leptonica_api;
    if (leptonica_api.Init(nullptr, "eng") != 0) return 1;
    leptonica_api.SetPageSegMode(tesseract::PSM_AUTO);

    const fs::path scratch =
        fs::temp_directory_path() / ("evalpanel-tesseract-bench-" + std::to_string(getpid()));
    fs::create_directories(scratch);
    const evalpanel::metrics::ErrorRateOptions collapse{true};

    std::vector<std::string> names{"command", "leptonica"};
    for (const Variant& variant : plugin_variants) names.push_back(variant.name);
    std::map<std::string, std::map<std::string, Totals>> totals;  // slice -> variant -> totals
    int decode_differences = 0;
    int command_vs_estimate_differences = 0;
    std::map<std::string, int> format_difference_counts;

    std::cout << std::fixed << std::setprecision(3);
    for (int i = check_formats ? 2 : 1; i < argc; ++i) {
        const evalpanel::suite::Suite suite = evalpanel::suite::load_suite(argv[i]);
        for (const evalpanel::suite::Case& c : suite.cases) {
            const std::vector<std::uint8_t> bytes = evalpanel::suite::load_image_bytes(c);
            const fs::path file = scratch / (c.id + extension_for(bytes));
            std::ofstream(file, std::ios::binary)
                .write(reinterpret_cast<const char*>(bytes.data()),
                       static_cast<std::streamsize>(bytes.size()));
            std::map<std::string, std::string> texts;
            texts["command"] = trim_trailing(run_command(file));
            texts["leptonica"] = trim_trailing(read_with_leptonica(leptonica_api, bytes));
            for (std::size_t v = 0; v < plugin_variants.size(); ++v) {
                evalpanel::Request request;
                request.case_id = c.id;
                request.image = bytes;
                request.image_name = file.filename().string();
                const evalpanel::Outcome outcome = tools[v]->call(request);
                const auto* response = std::get_if<evalpanel::Response>(&outcome);
                texts[plugin_variants[v].name] = response ? response->text : "<error>";
            }
            if (texts["leptonica"] != texts["plugin-est"]) ++decode_differences;
            if (texts["command"] != texts["plugin-est"]) ++command_vs_estimate_differences;

            const bool degraded = std::find(c.tags.begin(), c.tags.end(), "degraded") != c.tags.end();
            std::cout << c.id;
            for (const std::string& name : names) {
                const double cer = evalpanel::metrics::cer(texts[name], c.expected, collapse);
                std::cout << "  " << name << "=" << cer;
                for (const std::string& slice :
                     {std::string("all"), std::string(degraded ? "degraded" : "clean")}) {
                    Totals& t = totals[slice][name];
                    t.cer_sum += cer;
                    t.cases += 1;
                    t.exact += texts[name] == c.expected ? 1 : 0;
                }
            }
            if (check_formats)
                for (const std::string& name : format_differences(bytes, scratch, c.id, *tools.front())) {
                    ++format_difference_counts[name];
                    std::cout << "  [" << name << ": command != plugin-est]";
                }
            std::cout << (texts["command"] != texts["plugin-est"] ? "  [command != plugin-est]" : "")
                      << (texts["leptonica"] != texts["plugin-est"] ? "  [decode differs]" : "") << "\n";
        }
    }
    fs::remove_all(scratch);

    std::cout << "\n| slice | cases |";
    for (const std::string& name : names) std::cout << " " << name << " |";
    std::cout << "\n|---|---|";
    for (std::size_t i = 0; i < names.size(); ++i) std::cout << "---|";
    std::cout << "\n";
    for (const auto& [slice, by_variant] : totals) {
        std::cout << "| " << slice << " | " << by_variant.at("command").cases << " |";
        for (const std::string& name : names) {
            const Totals& t = by_variant.at(name);
            std::cout << " " << t.cer_sum / t.cases << " (" << t.exact << " exact) |";
        }
        std::cout << "\n";
    }
    std::cout << "\ncases where plugin-est text != command text: " << command_vs_estimate_differences
              << "\ncases where plugin-est text != leptonica-decoded text: " << decode_differences << "\n";
    if (check_formats)
        for (const std::string name : {"rgb", "rgba", "grey16", "bilevel"})
            std::cout << "format " << name
                      << ": cases where plugin-est text != command text: " << format_difference_counts[name]
                      << "\n";
    return 0;
}
