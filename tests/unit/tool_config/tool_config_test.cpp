#include "tool_config/tool_config.hpp"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

namespace evalpanel::tool_config {
namespace {

namespace fs = std::filesystem;

fs::path write_config(const std::string& name, const std::string& text) {
    const fs::path file = fs::temp_directory_path() / ("evalpanel_tool_config_" + name + ".yaml");
    std::ofstream(file) << text;
    return file;
}

std::string error_of(const fs::path& file) {
    try {
        load_tools_config(file);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

TEST(ToolConfig, BuiltInTesseractNeedsNoFile) {
    const ToolsConfig config = builtin_tools();
    const ToolConfig& tesseract = config.get("tesseract");
    EXPECT_EQ(tesseract.plugin, "tesseract_ocr");
    EXPECT_EQ(tesseract.plugin_options["lang"], "eng");
}

TEST(ToolConfig, FileAddsToolsAndSplitsHostKeysFromPluginKeys) {
    const fs::path file = write_config("ok",
                                       "tools:\n"
                                       "  smol:\n"
                                       "    plugin: openai_vision\n"
                                       "    base_url: http://127.0.0.1:8080/v1\n"
                                       "    max_side: 1536\n"
                                       "    model: \"123\"\n"
                                       "    concurrency: 4\n"
                                       "    timeout_s: 30\n"
                                       "    retries: 1\n"
                                       "    pricing: {input_per_mtok: 2}\n");
    const ToolsConfig config = load_tools_config(file);
    const ToolConfig& smol = config.get("smol");
    EXPECT_EQ(smol.plugin, "openai_vision");
    EXPECT_EQ(smol.host.concurrency, 4);
    EXPECT_DOUBLE_EQ(*smol.host.timeout_s, 30);
    EXPECT_FALSE(config.get("tesseract").host.timeout_s.has_value());  // the runner picks by tool kind
    EXPECT_EQ(smol.host.retries, 1);
    EXPECT_EQ(smol.host.pricing["input_per_mtok"], 2);
    EXPECT_EQ(smol.plugin_options["max_side"], 1536);
    EXPECT_EQ(smol.plugin_options["model"], "123");  // quoted stays a string
    EXPECT_FALSE(smol.plugin_options.contains("concurrency"));
    EXPECT_NO_THROW(config.get("tesseract"));  // built-ins stay
}

TEST(ToolConfig, EnvIsExpandedAndRedacted) {
    ::setenv("EVALPANEL_TEST_KEY", "sk-very-secret", 1);
    const fs::path file = write_config("env",
                                       "tools:\n  p:\n    plugin: perplexity\n    auth: \"${env:EVALPANEL_TEST_KEY}\"\n"
                                       "    api_key: literal\n    model: sonar\n");
    const ToolsConfig config = load_tools_config(file);
    const ToolConfig& p = config.get("p");
    EXPECT_EQ(p.plugin_options["auth"], "sk-very-secret");
    const std::string stored = redacted(p).dump();
    EXPECT_EQ(stored.find("sk-very-secret"), std::string::npos);
    EXPECT_EQ(stored.find("literal"), std::string::npos);
    EXPECT_NE(stored.find("sonar"), std::string::npos);
}

TEST(ToolConfig, UnsetEnvIsAnErrorWithPosition) {
    ::unsetenv("EVALPANEL_TEST_UNSET");
    const fs::path file = write_config("unset", "tools:\n  p:\n    plugin: x\n    api_key: ${env:EVALPANEL_TEST_UNSET}\n");
    const std::string error = error_of(file);
    EXPECT_NE(error.find(file.string() + ":4:14"), std::string::npos) << error;
    EXPECT_NE(error.find("EVALPANEL_TEST_UNSET is not set"), std::string::npos) << error;
}

TEST(ToolConfig, ErrorsNameFileLineAndField) {
    EXPECT_NE(error_of(write_config("noplugin", "tools:\n  x:\n    model: m\n")).find(":3:5: tool 'x' has no 'plugin' key"),
              std::string::npos);
    EXPECT_NE(error_of(write_config("badnum", "tools:\n  x:\n    plugin: p\n    concurrency: lots\n"))
                  .find(":4:18: 'concurrency' must be a number"),
              std::string::npos);
    EXPECT_NE(error_of(write_config("topkey", "tool:\n  x: {}\n")).find(":1:1: unknown key 'tool'"), std::string::npos);
    EXPECT_NE(error_of(write_config("syntax", "tools:\n  x: [\n")).find(".yaml:3:1"), std::string::npos);
    EXPECT_NE(error_of("/nonexistent/evalpanel.yaml").find("no such tools config file"), std::string::npos);
}

TEST(ToolConfig, PricingOverridesThePluginsTableAndIsChecked) {
    const fs::path file = write_config("pricing", "tools:\n  p:\n    plugin: x\n    pricing: {input_per_mtok: 2, per_request: 0.005}\n");
    const ToolsConfig config = load_tools_config(file);
    const nlohmann::json plugin = {{"free", true}, {"input_per_mtok", 0}, {"output_per_mtok", 0}};
    const nlohmann::json prices = effective_pricing(config.get("p"), plugin);
    EXPECT_EQ(prices["input_per_mtok"], 2);
    EXPECT_EQ(prices["per_request"], 0.005);
    EXPECT_EQ(prices["output_per_mtok"], 0);
    EXPECT_EQ(prices["free"], false);  // a price above zero makes it paid
    EXPECT_EQ(effective_pricing(config.get("tesseract"), plugin), plugin);
    EXPECT_NE(error_of(write_config("badprice", "tools:\n  p:\n    plugin: x\n    pricing: {per_token: 1}\n"))
                  .find(":4:15: unknown price 'per_token'"),
              std::string::npos);
    EXPECT_NE(error_of(write_config("negprice", "tools:\n  p:\n    plugin: x\n    pricing: {per_request: -1}\n"))
                  .find("'per_request' must be at least 0"),
              std::string::npos);
}

TEST(ToolConfig, UnknownToolListsKnownOnes) {
    try {
        builtin_tools().get("gpt");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("known: tesseract"), std::string::npos);
    }
}

}  // namespace
}  // namespace evalpanel::tool_config
