// The echo test plugin as the worker tests drive it (isolated_slot_test.cpp, zygote_test.cpp): where it
// and the worker program are, a request whose image bytes it answers with, and the text of that answer.
#pragma once

#include <filesystem>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "plugin_host/plugin_host.hpp"
#include "worker/tool_slot.hpp"

namespace evalpanel::worker::echo_worker {

inline const std::filesystem::path kPlugins = EVALPANEL_TEST_PLUGIN_DIR;
inline const std::filesystem::path kEchoPlugin = kPlugins / "good" / plugin_host::plugin_file_name("echo");
inline const std::filesystem::path kWorker = EVALPANEL_WORKER_EXECUTABLE;

// The echo plugin answers with the image bytes as text; commands in them steer its faults.
inline Request echo_request(const std::string& image_text) {
    Request request;
    request.case_id = "case-1";
    request.image.assign(image_text.begin(), image_text.end());
    request.image_name = "inline";
    return request;
}

// The answer's text; a test failure when the call did not end with a Response.
inline std::string answer_text(const SlotCall& call) {
    EXPECT_EQ(call.end, CallEnd::answered) << call.detail;
    if (!call.outcome || !std::holds_alternative<Response>(*call.outcome)) {
        ADD_FAILURE() << "no Response";
        return {};
    }
    return std::get<Response>(*call.outcome).text;
}

}  // namespace evalpanel::worker::echo_worker
