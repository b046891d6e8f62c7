// Tesseract, in process, as an evalpanel Tool.
//
// One TessBaseAPI per instance, initialised once in configure() (loading the traineddata is the slow
// part) and reused for every case with Clear() in between. The host never calls one instance from two
// threads, which is what a TessBaseAPI requires.
#pragma once

#include <memory>
#include <optional>

#include <evalpanel/tool.hpp>

#include "tesseract_options.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace evalpanel::plugins::tesseract_ocr {

class TesseractTool : public Tool {
public:
    TesseractTool();
    ~TesseractTool() override;
    TesseractTool(const TesseractTool&) = delete;
    TesseractTool& operator=(const TesseractTool&) = delete;

    ToolInfo describe() const override;
    std::optional<ToolError> configure(const nlohmann::json& options) override;
    Outcome call(const Request& request) override;

    // How many times this instance has initialised Tesseract: 1 after a configure(), whatever the
    // number of cases since. Lets tests prove the engine is reused.
    int init_count() const { return init_count_; }

private:
    std::optional<ToolError> init_engine();
    Outcome recognise(const Request& request);

    TesseractOptions options_;
    std::unique_ptr<tesseract::TessBaseAPI> api_;
    bool ready_ = false;
    int init_count_ = 0;
};

}  // namespace evalpanel::plugins::tesseract_ocr
