// The built module, loaded the way the CLI loads it: descriptor accepted, factory works, one case read.
#include <gtest/gtest.h>

#include "plugin_host/plugin_host.hpp"
#include "test_images.hpp"

namespace evalpanel::plugins::tesseract_ocr {
namespace {

TEST(TesseractPluginModule, LoadsThroughThePluginHostAndReads) {
    const plugin_host::PluginHost host({EVALPANEL_PLUGIN_DIR});
    const plugin_host::LoadedPlugin plugin = host.load("tesseract_ocr");
    EXPECT_EQ(plugin.entry().version, "0.1.0");
    ASSERT_TRUE(plugin.entry().info);
    EXPECT_EQ(plugin.entry().info->name, "tesseract_ocr");

    const std::shared_ptr<Tool> tool = plugin.create_tool();
    ASSERT_FALSE(tool->configure({{"lang", "eng"}}));
    Request request;
    request.image = test::encode_png(test::render_text("Invoice 2024-113"));
    request.image_name = "generated:invoice";
    const Outcome outcome = tool->call(request);
    ASSERT_TRUE(std::holds_alternative<Response>(outcome)) << std::get<ToolError>(outcome).message;
    EXPECT_EQ(std::get<Response>(outcome).text, "Invoice 2024-113");
}

}  // namespace
}  // namespace evalpanel::plugins::tesseract_ocr
