// The built module, loaded the way the CLI loads it: descriptor accepted, factory works, one case answered
// by the fake llama-server.
#include <gtest/gtest.h>

#include "fake_llama_server.hpp"
#include "plugin_host/plugin_host.hpp"
#include "test_images.hpp"

namespace evalpanel::plugins::openai_vision {
namespace {

TEST(OpenaiVisionPluginModule, LoadsThroughThePluginHostAndAsks) {
    fakes::llama_server::FakeLlamaServer server;
    server.set_answer([](const fakes::llama_server::ReceivedRequest& r) {
        return std::to_string(r.images.at(0).width) + "x" + std::to_string(r.images.at(0).height);
    });

    const plugin_host::PluginHost host({EVALPANEL_PLUGIN_DIR});
    const plugin_host::LoadedPlugin plugin = host.load("openai_vision");
    EXPECT_EQ(plugin.entry().version, "0.1.0");
    ASSERT_TRUE(plugin.entry().info);
    EXPECT_EQ(plugin.entry().info->name, "openai_vision");
    EXPECT_EQ(plugin.entry().info->kind, ToolKind::local);
    EXPECT_EQ(plugin.entry().info->tasks, (std::vector<Task>{Task::ocr, Task::vqa}));

    const std::shared_ptr<Tool> tool = plugin.create_tool();
    ASSERT_FALSE(tool->configure({{"base_url", server.base_url()}, {"max_side", 50}, {"request_timeout_s", 5}}));
    Request request;
    request.task = Task::vqa;
    request.question = "How big?";
    request.image = test::encode_png(test::pattern(100, 40));
    request.image_name = "generated:size";
    const Outcome outcome = tool->call(request);
    ASSERT_TRUE(std::holds_alternative<Response>(outcome)) << std::get<ToolError>(outcome).message;
    EXPECT_EQ(std::get<Response>(outcome).text, "50x20");
    EXPECT_TRUE(std::get<Response>(outcome).usage.input_tokens.has_value());
}

}  // namespace
}  // namespace evalpanel::plugins::openai_vision
