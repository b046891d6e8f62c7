#include "worker/in_process_slot.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace evalpanel::worker {
namespace {

// In-process stand-ins for plugins: the slot does not care where a Tool comes from.
class ScriptedTool : public Tool {
public:
    enum class Mode { answer, sleep, throw_exception, reject_config };
    explicit ScriptedTool(Mode mode, int sleep_ms = 0) : mode_(mode), sleep_ms_(sleep_ms) {}
    ToolInfo describe() const override { return ToolInfo{"scripted", "1", ToolKind::local, {Task::ocr}, {}, ""}; }
    std::optional<ToolError> configure(const nlohmann::json&) override {
        if (mode_ == Mode::reject_config) return ToolError{ErrorKind::fatal, "no model 'x'", std::nullopt};
        return std::nullopt;
    }
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

SlotSpec spec() { return SlotSpec{"/nowhere/plugin.so", "scripted", "tools.yaml:3", nlohmann::json::object()}; }

std::unique_ptr<ToolSlot> slot_of(ScriptedTool::Mode mode, int sleep_ms = 0, std::atomic<int>* made = nullptr) {
    std::string why;
    auto slot = make_in_process_slot(
        [=] {
            if (made) ++*made;
            return std::make_shared<ScriptedTool>(mode, sleep_ms);
        },
        spec(), why);
    EXPECT_TRUE(why.empty()) << why;
    return slot;
}

Request request_for(const std::string& id) {
    Request r;
    r.case_id = id;
    return r;
}

TEST(InProcessSlot, AnswersEachCallOnItsPersistentThread) {
    auto slot = slot_of(ScriptedTool::Mode::sleep, 20);
    for (const char* id : {"c1", "c2", "c3"}) {
        const SlotCall call = slot->call(request_for(id), 5.0);
        ASSERT_EQ(call.end, CallEnd::answered);
        EXPECT_EQ(std::get<Response>(*call.outcome).text, std::string("answer to ") + id);
        EXPECT_GE(call.latency_ms, 19.0);
    }
    EXPECT_EQ(slot->describe().name, "scripted");
}

TEST(InProcessSlot, HangingCallTimesOutAtTheDeadlineAndRestartMakesAFreshTool) {
    std::atomic<int> made{0};
    auto slot = slot_of(ScriptedTool::Mode::sleep, 3000, &made);
    const auto start = std::chrono::steady_clock::now();
    const SlotCall call = slot->call(request_for("slow"), 0.1);
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(call.end, CallEnd::timed_out);
    EXPECT_FALSE(call.outcome.has_value());
    EXPECT_LT(waited, 2.0);
    EXPECT_TRUE(any_call_abandoned());
    EXPECT_EQ(slot->restart(), "");
    EXPECT_EQ(made.load(), 2);
}

TEST(InProcessSlot, AnExceptionIsReportedAndTheSlotGoesOn) {
    auto slot = slot_of(ScriptedTool::Mode::throw_exception);
    const SlotCall call = slot->call(request_for("c1"), 5.0);
    EXPECT_EQ(call.end, CallEnd::threw);
    EXPECT_EQ(call.detail, "boom");
    const SlotCall again = slot->call(request_for("c2"), 5.0);
    EXPECT_EQ(again.end, CallEnd::threw);  // the same instance is still there to call
}

TEST(InProcessSlot, ARejectedConfigurationIsOneSentenceNamingTheTool) {
    std::string why;
    auto slot = make_in_process_slot([] { return std::make_shared<ScriptedTool>(ScriptedTool::Mode::reject_config); },
                                     spec(), why);
    EXPECT_EQ(slot, nullptr);
    EXPECT_EQ(why, "tool 'scripted' (tools.yaml:3) rejected its configuration: no model 'x'");
}

TEST(InProcessSlot, AFactoryThatThrowsIsReportedNotThrown) {
    std::string why;
    auto slot = make_in_process_slot([]() -> std::shared_ptr<Tool> { throw std::runtime_error("no such plugin"); },
                                     spec(), why);
    EXPECT_EQ(slot, nullptr);
    EXPECT_EQ(why, "no such plugin");
}

}  // namespace
}  // namespace evalpanel::worker
