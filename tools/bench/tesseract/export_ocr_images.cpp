// export_ocr_images: writes the images of shipped suites to files — the real ones copied, the generated
// ones rendered exactly as a run renders them — and an OCR suite naming those files, so the Tesseract
// benchmark can give `evalpanel run` and a loop of the `tesseract` command the very same bytes.
//
//   export_ocr_images --out DIR --limit N SUITE...
//
// Takes cases in the order given until N distinct images are written (an image several cases share
// counts once). Writes DIR/images/NNN.png|jpg and DIR/ocr-images.yaml, whose `expected` is the case's
// text (ocr) or first answer (vqa). Prints one JSON line (bench_clock.hpp).
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <unordered_set>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_clock.hpp"
#include "suite/suite.hpp"

namespace {

namespace fs = std::filesystem;
using namespace evalpanel;

bool is_jpeg(const std::vector<std::uint8_t>& bytes) { return bytes.size() > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8; }

// A JSON string is a valid YAML double-quoted scalar: the suite's text round-trips with every escape.
std::string yaml_string(const std::string& text) { return nlohmann::json(text).dump(); }

}  // namespace

int main(int argc, char** argv) {
    try {
        fs::path out;
        std::size_t limit = 100;
        std::vector<fs::path> suites;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "--out" && i + 1 < argc) out = argv[++i];
            else if (arg == "--limit" && i + 1 < argc) limit = std::stoul(argv[++i]);
            else suites.emplace_back(arg);
        }
        if (out.empty() || suites.empty()) throw std::invalid_argument("usage: export_ocr_images --out DIR --limit N SUITE...");

        fs::remove_all(out / "images");
        fs::create_directories(out / "images");
        std::string yaml = "suite: ocr-images\ntask: ocr\nmetrics:\n  - cer: {collapse_whitespace: true}\n"
                           "  - wer: {collapse_whitespace: true}\n  - exact_match\ncases:\n";
        std::unordered_set<std::string> written;  // the bytes of every image written so far
        for (const fs::path& file : suite::expand_suite_paths(suites)) {
            const suite::Suite s = suite::load_suite(file);
            for (const suite::Case& c : s.cases) {
                if (written.size() == limit) break;
                if (!c.image) continue;
                std::vector<std::uint8_t> bytes = suite::load_image_bytes(c);
                if (!written.emplace(bytes.begin(), bytes.end()).second) continue;
                char name[32];
                std::snprintf(name, sizeof name, "%03zu.%s", written.size(), is_jpeg(bytes) ? "jpg" : "png");
                std::ofstream(out / "images" / name, std::ios::binary)
                    .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
                const std::string expected = s.task == Task::ocr ? c.expected : c.answers.front();
                yaml += "  - id: " + yaml_string(s.name + "-" + c.id) + "\n    image: images/" + name +
                        "\n    expected: " + yaml_string(expected) + "\n";
            }
        }
        std::ofstream(out / "ocr-images.yaml") << yaml;
        bench::emit_measurement("export_ocr_images", {{"images", written.size()}, {"suite", (out / "ocr-images.yaml").string()}});
    } catch (const std::exception& error) {
        std::cerr << "export_ocr_images: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
