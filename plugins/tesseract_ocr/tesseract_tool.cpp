#include "tesseract_tool.hpp"

#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include <tesseract/baseapi.h>

#include "image_decode.hpp"
#include "image_dpi.hpp"

namespace evalpanel::plugins::tesseract_ocr {
namespace {

constexpr const char* kName = "tesseract_ocr";
constexpr const char* kVersion = "0.1.0";

ToolError error(ErrorKind kind, std::string message) {
    return ToolError{kind, std::move(message), std::nullopt};
}

std::string tessdata_description(const TesseractOptions& options) {
    if (!options.tessdata.empty()) return "'" + options.tessdata + "'";
    if (const char* prefix = std::getenv("TESSDATA_PREFIX"))
        return "'" + std::string(prefix) + "' (TESSDATA_PREFIX)";
    return "libtesseract's default directory";
}

// "eng+deu" -> "tesseract-ocr-eng and tesseract-ocr-deu": the Debian/Ubuntu packages to install.
std::string packages_for(const std::string& lang) {
    std::string packages;
    std::size_t start = 0;
    while (start <= lang.size()) {
        const std::size_t end = std::min(lang.find('+', start), lang.size());
        packages += (packages.empty() ? "" : " and ") + std::string("tesseract-ocr-") +
                    lang.substr(start, end - start);
        start = end + 1;
    }
    return packages;
}

ToolError init_failure(const TesseractOptions& options) {
    std::string message = "tesseract_ocr: Tesseract could not load language '" + options.lang + "' (oem " +
                          std::to_string(options.oem) + ") from " + tessdata_description(options) +
                          "; install " + packages_for(options.lang) +
                          " or set 'tessdata' to a directory holding " + options.lang + ".traineddata";
    if (options.oem == 0 || options.oem == 2)
        message +=
            "; oem 0 and 2 also need the legacy engine in the traineddata, which the tessdata_fast "
            "files that Debian ships do not have (use oem 1 or 3)";
    return error(ErrorKind::fatal, message);
}

std::string trim_trailing_whitespace(std::string text) {
    const auto end = text.find_last_not_of(" \t\r\n\f\v");
    text.erase(end == std::string::npos ? 0 : end + 1);
    return text;
}

// The resolution to tell Tesseract, and where it came from. An image's own declaration wins when
// Tesseract would believe it; otherwise the configured default; otherwise none, and Tesseract estimates
// from the text size as the `tesseract` command does.
struct Resolution {
    std::optional<int> dpi;
    const char* source;
};

Resolution choose_resolution(const std::vector<std::uint8_t>& image, const TesseractOptions& options) {
    const std::optional<int> declared = declared_dpi(image);
    if (declared && *declared >= kMinCredibleDpi && *declared <= kMaxCredibleDpi) return {declared, "image"};
    if (options.dpi) return {options.dpi, "default"};
    return {std::nullopt, "estimated"};
}

// Clear() releases the image and results whatever way a case ends, so the next one starts clean.
class ClearOnExit {
public:
    explicit ClearOnExit(tesseract::TessBaseAPI& api) : api_(api) {}
    ~ClearOnExit() { api_.Clear(); }
    ClearOnExit(const ClearOnExit&) = delete;
    ClearOnExit& operator=(const ClearOnExit&) = delete;

private:
    tesseract::TessBaseAPI& api_;
};

}  // namespace

TesseractTool::TesseractTool() = default;
TesseractTool::~TesseractTool() = default;

ToolInfo TesseractTool::describe() const {
    ToolInfo info;
    info.name = kName;
    info.version = std::string(kVersion) + " (tesseract " + tesseract::TessBaseAPI::Version() + ")";
    info.kind = ToolKind::local;
    info.tasks = {Task::ocr};
    info.pricing = Pricing{};  // free
    info.description = "Tesseract OCR engine, in process through libtesseract; needs no server and no key";
    return info;
}

std::optional<ToolError> TesseractTool::configure(const nlohmann::json& options) {
    if (ready_)
        return error(ErrorKind::fatal,
                     "tesseract_ocr: configure() called twice; create a new instance to change options");
    try {
        auto parsed = parse_options(options);
        if (auto* problem = std::get_if<ToolError>(&parsed)) return *problem;
        options_ = std::get<TesseractOptions>(std::move(parsed));
        return init_engine();
    } catch (const std::exception& e) {
        return error(ErrorKind::fatal, std::string("tesseract_ocr: configure failed: ") + e.what());
    }
}

std::optional<ToolError> TesseractTool::init_engine() {
    // Variables go to Init rather than SetVariable so that init-only ones (load_system_dawg, ...) work too.
    std::vector<std::string> names;
    std::vector<std::string> values;
    for (const auto& [name, value] : options_.variables) {
        names.push_back(name);
        values.push_back(value);
    }
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    ++init_count_;
    const char* datapath = options_.tessdata.empty() ? nullptr : options_.tessdata.c_str();
    if (api->Init(datapath, options_.lang.c_str(), static_cast<tesseract::OcrEngineMode>(options_.oem),
                  nullptr, 0, &names, &values, false) != 0)
        return init_failure(options_);
    // Init skips names it does not know with a note on stderr; a typo must not pass silently.
    for (const std::string& name : names) {
        std::string current;
        if (!api->GetVariableAsString(name.c_str(), &current))
            return error(ErrorKind::fatal, "tesseract_ocr option variables." + name +
                                               ": Tesseract has no variable '" + name + "'");
    }
    api->SetPageSegMode(static_cast<tesseract::PageSegMode>(options_.psm));
    api_ = std::move(api);
    ready_ = true;
    return std::nullopt;
}

Outcome TesseractTool::call(const Request& request) {
    if (!ready_) return error(ErrorKind::fatal, "tesseract_ocr: call() before a successful configure()");
    try {
        return recognise(request);
    } catch (const std::exception& e) {
        return error(ErrorKind::fatal, "tesseract_ocr: " + request.image_name + ": " + e.what());
    } catch (...) {
        return error(ErrorKind::fatal, "tesseract_ocr: " + request.image_name + ": unknown exception");
    }
}

Outcome TesseractTool::recognise(const Request& request) {
    if (const auto too_large = image::exceeds_pixel_limit(request.image, options_.max_pixels))
        return error(ErrorKind::bad_input, "image " + request.image_name + " is " + *too_large);
    const std::optional<cv::Mat> pixels = decode_for_ocr(request.image);
    if (!pixels)
        return error(ErrorKind::bad_input, "could not decode image " + request.image_name + " (" +
                                               std::to_string(request.image.size()) + " bytes)");

    ClearOnExit clear(*api_);
    api_->SetImage(pixels->data, pixels->cols, pixels->rows, pixels->channels(),
                   static_cast<int>(pixels->step));
    const Resolution resolution = choose_resolution(request.image, options_);
    if (resolution.dpi) api_->SetSourceResolution(*resolution.dpi);  // after SetImage, which resets it

    const std::unique_ptr<char[]> text(api_->GetUTF8Text());
    if (!text)
        return error(ErrorKind::bad_input, "Tesseract could not recognise image " + request.image_name +
                                               " (" + std::to_string(pixels->cols) + "x" +
                                               std::to_string(pixels->rows) + ")");

    Response response;
    response.text = trim_trailing_whitespace(text.get());
    response.confidence = api_->MeanTextConf();
    response.raw = {{"dpi", resolution.dpi ? nlohmann::json(*resolution.dpi) : nlohmann::json(nullptr)},
                    {"dpi_source", resolution.source},
                    {"psm", options_.psm},
                    {"oem", options_.oem},
                    {"lang", options_.lang},
                    {"width", pixels->cols},
                    {"height", pixels->rows}};
    return response;
}

}  // namespace evalpanel::plugins::tesseract_ocr
