#include "runner/timed_call.hpp"

#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace evalpanel::runner {
namespace {

// In-process stand-ins for plugins: the deadline logic does not care where a Tool comes from.
class ScriptedTool : public Tool {
public:
    enum class Mode { answer, sleep, throw_exception };
    explicit ScriptedTool(Mode mode, int sleep_ms = 0) : mode_(mode), sleep_ms_(sleep_ms) {}
    ToolInfo describe() const override { return {}; }
    std::optional<ToolError> configure(const nlohmann::json&) override { return std::nullopt; }
    Outcome call(const Request& request) override {
        if (mode_ == Mode::throw_exception) throw std::runtime_error("boom");
        if (mode_ == Mode::sleep) std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms_));
        Response r;
        r.text = "answer to " + request.case_id;
        return r;
    }

private:
    Mode mode_;
    int sleep_ms_;
};

TEST(TimedCall, ReturnsTheAnswerAndItsLatency) {
    auto tool = std::make_shared<ScriptedTool>(ScriptedTool::Mode::sleep, 20);
    Request request;
    request.case_id = "c1";
    const TimedOutcome t = call_with_deadline(tool, request, 5.0);
    ASSERT_TRUE(t.outcome.has_value());
    EXPECT_EQ(std::get<Response>(*t.outcome).text, "answer to c1");
    EXPECT_GE(t.latency_ms, 19.0);
}

TEST(TimedCall, HangingCallTimesOutAtTheDeadline) {
    auto tool = std::make_shared<ScriptedTool>(ScriptedTool::Mode::sleep, 3000);
    const auto start = std::chrono::steady_clock::now();
    const TimedOutcome t = call_with_deadline(tool, Request{}, 0.1);
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(t.outcome.has_value());
    EXPECT_LT(waited, 2.0);
    EXPECT_TRUE(any_call_abandoned());
}

TEST(TimedCall, ExceptionIsReportedNotThrown) {
    auto tool = std::make_shared<ScriptedTool>(ScriptedTool::Mode::throw_exception);
    const TimedOutcome t = call_with_deadline(tool, Request{}, 5.0);
    EXPECT_FALSE(t.outcome.has_value());
    EXPECT_NE(t.exception.find("boom"), std::string::npos);
    // And the same Tool still answers: an exception is not a hang.
    auto ok = std::make_shared<ScriptedTool>(ScriptedTool::Mode::answer);
    const TimedOutcome good = call_with_deadline(ok, Request{}, 5.0);
    EXPECT_TRUE(good.outcome.has_value());
    EXPECT_TRUE(good.exception.empty());
}

}  // namespace
}  // namespace evalpanel::runner
