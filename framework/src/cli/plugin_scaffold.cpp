#include "cli/plugin_scaffold.hpp"

#include <cctype>

namespace evalpanel::cli {

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::string class_name(const std::string& name) {
    std::string out;
    bool upper = true;
    for (char c : name) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out + "Tool";
}

constexpr const char* kCMakeLists = R"tmpl(# The @NAME@ plugin for evalpanel, built against an installed evalpanel:
#   cmake -S . -B build -DCMAKE_PREFIX_PATH=<evalpanel prefix> && cmake --build build && ctest --test-dir build
#   cmake --install build --prefix <evalpanel prefix>    # then `evalpanel plugins` lists it
cmake_minimum_required(VERSION 3.25)
project(@NAME@_plugin LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)

find_package(evalpanel 0.1 REQUIRED)

# The Tool in a static library, so the test can use the class directly.
add_library(@NAME@_core STATIC src/@NAME@_tool.cpp)
target_include_directories(@NAME@_core PUBLIC src)
target_link_libraries(@NAME@_core PUBLIC evalpanel::sdk)
set_target_properties(@NAME@_core PROPERTIES POSITION_INDEPENDENT_CODE ON)

evalpanel_add_plugin(@NAME@ SOURCES src/plugin.cpp)
target_link_libraries(evalpanel_plugin_@NAME@ PRIVATE @NAME@_core)

enable_testing()
find_package(GTest REQUIRED)
add_executable(@NAME@_test test/@NAME@_tool_test.cpp)
target_link_libraries(@NAME@_test PRIVATE @NAME@_core GTest::gtest GTest::gtest_main)
add_test(NAME @NAME@_test COMMAND @NAME@_test)
)tmpl";

constexpr const char* kToolHeader = R"tmpl(// @CLASS@: the evalpanel Tool for @NAME@. Translate one Request into your tool's protocol and back;
// retries, time-outs, rate limits, caching and cost are the host's (docs/writing-a-plugin.md).
#pragma once

#include <string>

#include <evalpanel/tool.hpp>

class @CLASS@ : public evalpanel::Tool {
public:
    evalpanel::ToolInfo describe() const override;
    std::optional<evalpanel::ToolError> configure(const nlohmann::json& options) override;
    evalpanel::Outcome call(const evalpanel::Request& request) override;

private:
    std::string answer_ = "TODO: call your tool here";
};
)tmpl";

constexpr const char* kToolSource = R"tmpl(#include "@NAME@_tool.hpp"

evalpanel::ToolInfo @CLASS@::describe() const {
    evalpanel::ToolInfo info;
    info.name = "@NAME@";
    info.version = "0.1.0";
    info.kind = evalpanel::ToolKind::local;       // remote for a hosted API
    info.tasks = {evalpanel::Task::ocr};          // ocr, vqa, research: what your tool can do
    info.pricing.free = true;                     // or list prices per million tokens, per request, ...
    info.description = "@NAME@ (describe it in one line)";
    return info;
}

std::optional<evalpanel::ToolError> @CLASS@::configure(const nlohmann::json& options) {
    // Every key of the tools config the host does not own arrives here. Reject what you do not know.
    for (const auto& [key, value] : options.items()) {
        if (key == "answer" && value.is_string()) {
            answer_ = value.get<std::string>();
            continue;
        }
        return evalpanel::ToolError{evalpanel::ErrorKind::fatal,
                                    "@NAME@: unknown option '" + key + "' (known: answer, a string)", {}};
    }
    return std::nullopt;
}

evalpanel::Outcome @CLASS@::call(const evalpanel::Request& request) {
    // Never throw from here: return a Response or a ToolError (retryable, rate_limited, bad_input, fatal).
    if (request.task != evalpanel::Task::ocr) {
        return evalpanel::ToolError{evalpanel::ErrorKind::bad_input, "@NAME@ only does ocr", {}};
    }
    if (request.image.empty()) {
        return evalpanel::ToolError{evalpanel::ErrorKind::bad_input, "the case has no image", {}};
    }
    evalpanel::Response response;
    response.text = answer_;
    return response;
}
)tmpl";

constexpr const char* kPluginSource = R"tmpl(// The plugin's entry points: the ABI descriptor the host reads first, and the factory.
#include <evalpanel/plugin.hpp>

#include "@NAME@_tool.hpp"

EVALPANEL_PLUGIN(@CLASS@, "@NAME@", "0.1.0")
)tmpl";

constexpr const char* kTest = R"tmpl(#include <gtest/gtest.h>

#include "@NAME@_tool.hpp"

TEST(@CLASS@, DescribesItself) {
    const @CLASS@ tool;
    EXPECT_EQ(tool.describe().name, "@NAME@");
    ASSERT_EQ(tool.describe().tasks.size(), 1u);
}

TEST(@CLASS@, RejectsUnknownOptionsNamingThem) {
    @CLASS@ tool;
    const auto error = tool.configure({{"colour", "red"}});
    ASSERT_TRUE(error.has_value());
    EXPECT_NE(error->message.find("colour"), std::string::npos);
}

TEST(@CLASS@, AnswersAnOcrCase) {
    @CLASS@ tool;
    ASSERT_FALSE(tool.configure({{"answer", "TOTAL $12.50"}}).has_value());
    evalpanel::Request request;
    request.task = evalpanel::Task::ocr;
    request.image = {0x89, 'P', 'N', 'G'};
    const evalpanel::Outcome outcome = tool.call(request);
    ASSERT_TRUE(std::holds_alternative<evalpanel::Response>(outcome));
    EXPECT_EQ(std::get<evalpanel::Response>(outcome).text, "TOTAL $12.50");
}

TEST(@CLASS@, AMissingImageIsBadInput) {
    @CLASS@ tool;
    const evalpanel::Outcome outcome = tool.call(evalpanel::Request{});
    ASSERT_TRUE(std::holds_alternative<evalpanel::ToolError>(outcome));
    EXPECT_EQ(std::get<evalpanel::ToolError>(outcome).kind, evalpanel::ErrorKind::bad_input);
}
)tmpl";

constexpr const char* kReadme = R"tmpl(# @NAME@: an evalpanel plugin

Made by `evalpanel new-plugin @NAME@`. Build and test against an installed evalpanel:

    cmake -S . -B build -DCMAKE_PREFIX_PATH=<evalpanel prefix>
    cmake --build build && ctest --test-dir build
    cmake --install build --prefix <evalpanel prefix>
    <evalpanel prefix>/bin/evalpanel plugins

Then name it in a tools config (`tools: {@NAME@: {plugin: @NAME@, answer: "hi"}}`) and run a suite with
`--tool @NAME@`. Replace the body of `@CLASS@::call` in `src/@NAME@_tool.cpp` with a call to your tool;
the contract, error kinds and what the host does for you are in evalpanel's docs/writing-a-plugin.md.
)tmpl";

}  // namespace

std::map<std::string, std::string> plugin_scaffold(const std::string& name) {
    const std::string cls = class_name(name);
    auto fill = [&](const char* text) { return replace_all(replace_all(text, "@NAME@", name), "@CLASS@", cls); };
    return {
        {"CMakeLists.txt", fill(kCMakeLists)},
        {"src/" + name + "_tool.hpp", fill(kToolHeader)},
        {"src/" + name + "_tool.cpp", fill(kToolSource)},
        {"src/plugin.cpp", fill(kPluginSource)},
        {"test/" + name + "_tool_test.cpp", fill(kTest)},
        {"README.md", fill(kReadme)},
    };
}

}  // namespace evalpanel::cli
