// The plugin's entry points: the ABI descriptor and the factory the host looks up by alias.
#include <evalpanel/plugin.hpp>

#include "tesseract_tool.hpp"

using evalpanel::plugins::tesseract_ocr::TesseractTool;

EVALPANEL_PLUGIN(TesseractTool, "tesseract_ocr", "0.1.0")
