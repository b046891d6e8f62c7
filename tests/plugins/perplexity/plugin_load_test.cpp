// The built module, loaded the way the CLI loads it: descriptor accepted, factory works, one case
// answered by the loopback fake.
#include <gtest/gtest.h>

#include "fake_perplexity.hpp"
#include "plugin_host/plugin_host.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

TEST(PerplexityPluginModule, LoadsThroughThePluginHostAndAnswers) {
    const plugin_host::PluginHost host({EVALPANEL_PLUGIN_DIR});
    const plugin_host::LoadedPlugin plugin = host.load("perplexity");
    EXPECT_EQ(plugin.entry().version, "0.1.0");
    ASSERT_TRUE(plugin.entry().info);
    EXPECT_EQ(plugin.entry().info->name, "perplexity");
    EXPECT_EQ(plugin.entry().info->kind, ToolKind::remote);
    EXPECT_FALSE(plugin.entry().info->pricing.free);

    fakes::perplexity::Options options;
    options.api_key = "pplx-load-test";
    options.polls_before_complete = 1;
    fakes::perplexity::FakePerplexity server(options);
    const std::shared_ptr<Tool> tool = plugin.create_tool();
    const auto error = tool->configure({{"api_key", "pplx-load-test"}, {"base_url", server.base_url()}, {"poll_interval_s", 0.01}});
    ASSERT_FALSE(error) << error->message;
    Request request;
    request.case_id = "load";
    request.task = Task::research;
    request.query = "When did the EU AI Act enter into force?";
    const Outcome outcome = tool->call(request);
    ASSERT_TRUE(std::holds_alternative<Response>(outcome)) << std::get<ToolError>(outcome).message;
    EXPECT_EQ(std::get<Response>(outcome).citations.size(), 3u);
    EXPECT_EQ(server.jobs_created(), 1u);
}

}  // namespace
}  // namespace evalpanel::plugins::perplexity
