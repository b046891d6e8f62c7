#include "worker/isolated_slot.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <signal.h>

#include <gtest/gtest.h>

#include "plugin_host/plugin_host.hpp"
#include "echo_worker.hpp"
#include "process_checks.hpp"

namespace evalpanel::worker {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

using namespace echo_worker;

SlotSpec echo_spec(nlohmann::json options = nlohmann::json::object()) {
    return SlotSpec{kEchoPlugin, "echo-test", "tools.yaml:3", std::move(options)};
}

std::unique_ptr<IsolatedSlot> echo_slot(nlohmann::json options = nlohmann::json::object()) {
    std::string why;
    auto slot = make_isolated_slot(echo_spec(std::move(options)), kWorker, why);
    EXPECT_TRUE(slot) << why;
    EXPECT_EQ(why, "");
    return std::unique_ptr<IsolatedSlot>(dynamic_cast<IsolatedSlot*>(slot.release()));
}

TEST(IsolatedSlot, AnswersRoundTripThroughTheWorker) {
    auto slot = echo_slot({{"suffix", "!"}});
    const ToolInfo info = slot->describe();
    EXPECT_EQ(info.name, "echo");
    EXPECT_EQ(info.version, "1.0.0");
    EXPECT_EQ(info.tasks.size(), 2u);

    const SlotCall call = slot->call(echo_request("hello"), 10);
    EXPECT_EQ(answer_text(call), "hello!");
    const Response& response = std::get<Response>(*call.outcome);
    EXPECT_EQ(response.confidence, 100.0);
    EXPECT_EQ(response.usage.input_tokens, 5);
    EXPECT_EQ(response.usage.output_tokens, 6);
    EXPECT_GT(call.latency_ms, 0);
    EXPECT_EQ(answer_text(slot->call(echo_request("again"), 10)), "again!");
}

TEST(IsolatedSlot, LargeImagesAndBytesThatAreNotUtf8RoundTrip) {
    auto slot = echo_slot();
    const std::string big(3 * 1024 * 1024, 'x');  // far more than a pipe holds at once
    EXPECT_EQ(answer_text(slot->call(echo_request(big), 30)), big);
    const std::string binary("\x89PNG\xff\xfe\x00z", 8);
    EXPECT_EQ(answer_text(slot->call(echo_request(binary), 10)), binary);
}

TEST(IsolatedSlot, ToolErrorsComeBackAsOutcomes) {
    auto slot = echo_slot();
    const SlotCall call = slot->call(echo_request("!bad_input"), 10);
    ASSERT_EQ(call.end, CallEnd::answered);
    ASSERT_TRUE(std::holds_alternative<ToolError>(*call.outcome));
    EXPECT_EQ(std::get<ToolError>(*call.outcome).kind, ErrorKind::bad_input);
    EXPECT_EQ(std::get<ToolError>(*call.outcome).message, "echo: bad input");
}

TEST(IsolatedSlot, ThrowIsReportedAndTheWorkerGoesOn) {
    auto slot = echo_slot();
    const pid_t pid = slot->worker_pid();
    const SlotCall call = slot->call(echo_request("!throw"), 10);
    EXPECT_EQ(call.end, CallEnd::threw);
    EXPECT_EQ(call.detail, "echo threw on purpose");
    EXPECT_FALSE(call.outcome);
    EXPECT_EQ(slot->worker_pid(), pid);
    EXPECT_EQ(answer_text(slot->call(echo_request("still here"), 10)), "still here");
}

TEST(IsolatedSlot, SegfaultIsACrashAndRestartBringsItBack) {
    auto slot = echo_slot({{"suffix", "?"}});
    const pid_t pid = slot->worker_pid();
    const SlotCall crash = slot->call(echo_request("!segv"), 10);
    EXPECT_EQ(crash.end, CallEnd::crashed);
    EXPECT_EQ(crash.detail, "killed by signal 11 (SIGSEGV)");
    EXPECT_TRUE(process_is_gone(pid));
    EXPECT_EQ(slot->worker_pid(), -1);

    const SlotCall without_restart = slot->call(echo_request("x"), 10);
    EXPECT_EQ(without_restart.end, CallEnd::crashed);
    EXPECT_NE(without_restart.detail.find("restart()"), std::string::npos) << without_restart.detail;

    EXPECT_EQ(slot->restart(), "");
    EXPECT_NE(slot->worker_pid(), pid);
    EXPECT_EQ(answer_text(slot->call(echo_request("back"), 10)), "back?");  // configured again: the suffix
}

TEST(IsolatedSlot, AbortIsACrashNamingSigabrt) {
    auto slot = echo_slot();
    const SlotCall crash = slot->call(echo_request("!abort"), 10);
    EXPECT_EQ(crash.end, CallEnd::crashed);
    EXPECT_EQ(crash.detail, "killed by signal 6 (SIGABRT)");
}

TEST(IsolatedSlot, ExitIsACrashWithItsStatus) {
    auto slot = echo_slot();
    const SlotCall crash = slot->call(echo_request("!exit 3"), 10);
    EXPECT_EQ(crash.end, CallEnd::crashed);
    EXPECT_EQ(crash.detail, "exited with status 3");
}

TEST(IsolatedSlot, HangIsKilledAtTheDeadlineAndLeavesNoZombie) {
    auto slot = echo_slot();
    const pid_t pid = slot->worker_pid();
    const auto start = std::chrono::steady_clock::now();
    const SlotCall call = slot->call(echo_request("!hang"), 0.5);
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(call.end, CallEnd::timed_out);
    EXPECT_GE(waited, 500ms);
    EXPECT_LT(waited, 1500ms);  // the kill itself takes milliseconds; the margin is for a loaded machine
    EXPECT_GE(call.latency_ms, 500);
    EXPECT_TRUE(process_is_gone(pid));
    EXPECT_EQ(slot->restart(), "");
    EXPECT_EQ(answer_text(slot->call(echo_request("ok"), 10)), "ok");
}

TEST(IsolatedSlot, PluginPrintingToStdoutDoesNotCorruptTheProtocol) {
    auto slot = echo_slot();
    EXPECT_EQ(answer_text(slot->call(echo_request("!print"), 10)), "!print");
    EXPECT_EQ(answer_text(slot->call(echo_request("next"), 10)), "next");
}

TEST(IsolatedSlot, WorkerKilledBetweenCallsIsACrashNotADeadHost) {
    ASSERT_EQ(std::signal(SIGPIPE, SIG_DFL), SIG_DFL) << "this test needs SIGPIPE at its default (fatal)";
    auto slot = echo_slot();
    const pid_t pid = slot->worker_pid();
    ::kill(pid, SIGKILL);
    // Wait until it is a zombie, so the next call writes into a pipe nobody reads (EPIPE, SIGPIPE).
    for (int i = 0; i < 500; ++i) {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string field, name, state;
        stat >> field >> name >> state;
        if (state == "Z" || !stat) break;  // a zygote's worker is reaped by its zygote at once: gone, not a zombie
        std::this_thread::sleep_for(10ms);
    }
    const SlotCall call = slot->call(echo_request("x"), 10);
    EXPECT_EQ(call.end, CallEnd::crashed);
    EXPECT_EQ(call.detail, "killed by signal 9 (SIGKILL)");
    EXPECT_TRUE(process_is_gone(pid));
}

TEST(IsolatedSlot, ConfigurationRejectionIsThePluginsOwnMessage) {
    std::string why;
    EXPECT_FALSE(make_isolated_slot(echo_spec({{"bogus", 1}}), kWorker, why));
    EXPECT_EQ(why, "tool 'echo-test' (tools.yaml:3) rejected its configuration: unknown option 'bogus' for echo");
}

TEST(IsolatedSlot, FactoryFailureIsReportedWithThePluginsMessage) {
    SlotSpec spec = echo_spec();
    spec.plugin_file = kPlugins / "failing" / plugin_host::plugin_file_name("failing");
    std::string why;
    EXPECT_FALSE(make_isolated_slot(spec, kWorker, why));
    EXPECT_TRUE(why.starts_with("tool 'echo-test' (tools.yaml:3): plugin 'failing'")) << why;
    EXPECT_NE(why.find("model file missing"), std::string::npos) << why;
}

TEST(IsolatedSlot, MissingWorkerExecutableIsOneClearSentence) {
    std::string why;
    EXPECT_FALSE(make_isolated_slot(echo_spec(), "/nonexistent/evalpanel-worker", why));
    EXPECT_EQ(why, "tool 'echo-test' (tools.yaml:3) cannot run in a worker process: cannot start the worker "
                   "executable /nonexistent/evalpanel-worker: No such file or directory");
}

TEST(IsolatedSlot, RefusedPluginIsReportedWithTheRefusal) {
    SlotSpec spec = echo_spec();
    spec.plugin_file = kPlugins / "abi999" / plugin_host::plugin_file_name("echo_abi999");
    std::string why;
    EXPECT_FALSE(make_isolated_slot(spec, kWorker, why));
    EXPECT_NE(why.find("tool 'echo-test' (tools.yaml:3): the plugin file"), std::string::npos) << why;
    EXPECT_NE(why.find("built for ABI 999"), std::string::npos) << why;

    spec.plugin_file = kPlugins / "nowhere" / "evalpanel_plugin_x.so";
    EXPECT_FALSE(make_isolated_slot(spec, kWorker, why));
    EXPECT_NE(why.find("was refused: no such file"), std::string::npos) << why;
}

TEST(IsolatedSlot, DestroyingASlotLeavesNoChildProcess) {
    auto slot = echo_slot();
    const pid_t pid = slot->worker_pid();
    ASSERT_GT(pid, 0);
    const auto start = std::chrono::steady_clock::now();
    slot.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - start, ChildProcess::kExitGrace);  // it left on EOF, unkilled
    EXPECT_TRUE(process_is_gone(pid));
}

TEST(IsolatedSlot, DestroyingASlotWithAHungWorkerKillsIt) {
    auto slot = echo_slot();
    const pid_t pid = slot->worker_pid();
    // A call that times out kills; here the worker is made to hang outside any call instead.
    ::kill(pid, SIGSTOP);
    slot.reset();
    EXPECT_TRUE(process_is_gone(pid));
}

TEST(IsolatedSlot, DefaultWorkerExecutableIsBesideThisProgramUnlessTheEnvironmentSaysOtherwise) {
    ::unsetenv("EVALPANEL_WORKER");
    EXPECT_EQ(default_worker_executable(), kWorker);  // tests and evalpanel-worker share bin/
    ::setenv("EVALPANEL_WORKER", "/opt/x/my-worker", 1);
    EXPECT_EQ(default_worker_executable(), fs::path("/opt/x/my-worker"));
    ::unsetenv("EVALPANEL_WORKER");
}

TEST(PluginHostLoadFile, LoadsAFileByPathWithTheDescriptorCheck) {
    const plugin_host::LoadedPlugin plugin = plugin_host::PluginHost::load_file(kEchoPlugin);
    EXPECT_EQ(plugin.entry().name, "echo");
    EXPECT_EQ(plugin.create_tool()->describe().name, "echo");
    try {
        plugin_host::PluginHost::load_file(kPlugins / "abi999" / plugin_host::plugin_file_name("echo_abi999"));
        ADD_FAILURE() << "an ABI mismatch must be refused";
    } catch (const plugin_host::PluginError& e) {
        EXPECT_NE(std::string(e.what()).find("built for ABI 999"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace evalpanel::worker
