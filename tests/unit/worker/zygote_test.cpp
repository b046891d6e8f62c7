// Workers forked by a plugin's zygote (worker_launcher.hpp, zygote_client.hpp): the default way an
// isolated slot starts a worker. isolated_slot_test.cpp runs every fault through this path; here is
// what is particular to it: who the parent is, what a forked worker inherits, the zygote's death.
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "plugin_host/plugin_host.hpp"
#include "echo_worker.hpp"
#include "process_checks.hpp"
#include "worker/isolated_slot.hpp"
#include "worker/worker_launcher.hpp"
#include "worker/zygote_client.hpp"

namespace evalpanel::worker {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

using namespace echo_worker;

pid_t parent_of(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string field, name, state;
    pid_t parent = -1;
    stat >> field >> name >> state >> parent;  // the echo worker's name has no spaces
    return parent;
}

std::string command_line_of(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline");
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    for (char& c : text) c = c == '\0' ? ' ' : c;
    return text;
}

// A plugin file of its own, so its zygote is not the one the other tests share (killing it is final).
fs::path private_copy_of_echo(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("evalpanel-zygote-test-" + std::to_string(::getpid()) + "-" + name);
    fs::create_directories(dir);
    const fs::path copy = dir / kEchoPlugin.filename();
    fs::copy_file(kEchoPlugin, copy, fs::copy_options::overwrite_existing);
    return copy;
}

std::unique_ptr<IsolatedSlot> echo_slot(const fs::path& plugin_file = kEchoPlugin) {
    std::string why;
    auto slot = make_isolated_slot(SlotSpec{plugin_file, "echo-test", "tools.yaml:3", nlohmann::json::object()}, kWorker, why);
    EXPECT_TRUE(slot) << why;
    return std::unique_ptr<IsolatedSlot>(dynamic_cast<IsolatedSlot*>(slot.release()));
}

// Zygotes are the default; these tests hold even when the environment switched them off for a run.
class IsolatedWorkerZygote : public testing::Test {
protected:
    void SetUp() override {
        if (const char* setting = std::getenv("EVALPANEL_WORKER_ZYGOTE")) saved_ = setting;
        ::unsetenv("EVALPANEL_WORKER_ZYGOTE");
    }
    void TearDown() override {
        if (saved_) {
            ::setenv("EVALPANEL_WORKER_ZYGOTE", saved_->c_str(), 1);
        } else {
            ::unsetenv("EVALPANEL_WORKER_ZYGOTE");
        }
    }

private:
    std::optional<std::string> saved_;
};

TEST_F(IsolatedWorkerZygote, WorkersOfOnePluginAreForkedByItsOneZygote) {
    auto first = echo_slot();
    auto second = echo_slot();
    const pid_t zygote = parent_of(first->worker_pid());
    EXPECT_NE(zygote, ::getpid());
    EXPECT_EQ(parent_of(second->worker_pid()), zygote);
    EXPECT_EQ(parent_of(zygote), ::getpid());
    EXPECT_NE(command_line_of(zygote).find("--zygote " + kEchoPlugin.string()), std::string::npos) << command_line_of(zygote);
    EXPECT_EQ(answer_text(first->call(echo_request("one"), 10)), "one");
    EXPECT_EQ(answer_text(second->call(echo_request("two"), 10)), "two");
}

// The host's children that run `evalpanel-worker --zygote PLUGIN`.
std::vector<pid_t> zygotes_of(const fs::path& plugin) {
    std::vector<pid_t> found;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const pid_t pid = std::stoi(name);
        if (parent_of(pid) == ::getpid() && command_line_of(pid).find("--zygote " + plugin.string()) != std::string::npos) {
            found.push_back(pid);
        }
    }
    return found;
}

TEST_F(IsolatedWorkerZygote, PrestartedZygoteLoadsThePluginBeforeAnySlotAndServesTheSlotsLater) {
    const fs::path plugin = private_copy_of_echo("prestart");
    ASSERT_TRUE(zygotes_of(plugin).empty());
    prestart_zygote(kWorker, plugin);
    // The child exists when prestart returns; its command line shows once its exec has finished.
    std::vector<pid_t> started = zygotes_of(plugin);
    for (int i = 0; i < 500 && started.empty(); ++i) {
        std::this_thread::sleep_for(10ms);
        started = zygotes_of(plugin);
    }
    ASSERT_EQ(started.size(), 1u);  // running before any slot asked for a worker
    prestart_zygote(kWorker, plugin);  // a second prestart starts no second zygote
    EXPECT_EQ(zygotes_of(plugin), started);
    auto slot = echo_slot(plugin);
    EXPECT_EQ(parent_of(slot->worker_pid()), started.front());
    EXPECT_EQ(answer_text(slot->call(echo_request("early"), 10)), "early");
}

TEST_F(IsolatedWorkerZygote, PrestartDoesNothingWhenZygotesAreOff) {
    ::setenv("EVALPANEL_WORKER_ZYGOTE", "0", 1);
    const fs::path plugin = private_copy_of_echo("prestart-off");
    prestart_zygote(kWorker, plugin);
    EXPECT_TRUE(zygotes_of(plugin).empty());
}

TEST_F(IsolatedWorkerZygote, WorkersAreSpawnedWhenZygotesAreOff) {
    ::setenv("EVALPANEL_WORKER_ZYGOTE", "0", 1);
    auto slot = echo_slot();
    EXPECT_EQ(parent_of(slot->worker_pid()), ::getpid());
    EXPECT_EQ(answer_text(slot->call(echo_request("spawned"), 10)), "spawned");
}

TEST_F(IsolatedWorkerZygote, ForkedWorkerHoldsNothingOfTheZygote) {
    auto slot = echo_slot();
    std::set<std::string> targets;
    std::set<int> descriptors;
    for (const auto& entry : fs::directory_iterator("/proc/" + std::to_string(slot->worker_pid()) + "/fd")) {
        descriptors.insert(std::stoi(entry.path().filename().string()));
        targets.insert(fs::read_symlink(entry.path()).string());
    }
    // stdin (/dev/null), stdout (stderr), stderr, and its two protocol pipes: no control socket, no signalfd.
    EXPECT_EQ(descriptors.size(), 5u);
    for (const std::string& target : targets) {
        EXPECT_EQ(target.find("socket:"), std::string::npos) << target;
        EXPECT_EQ(target.find("signalfd"), std::string::npos) << target;
    }
    EXPECT_EQ(fs::read_symlink("/proc/" + std::to_string(slot->worker_pid()) + "/fd/0"), fs::path("/dev/null"));
}

TEST_F(IsolatedWorkerZygote, ZygoteDeathTakesItsWorkersAndLaterWorkersAreSpawned) {
    const fs::path plugin = private_copy_of_echo("death");
    auto slot = echo_slot(plugin);
    const pid_t worker = slot->worker_pid();
    const pid_t zygote = parent_of(worker);
    ASSERT_NE(zygote, ::getpid());
    ::kill(zygote, SIGKILL);

    // Its worker dies with it (PR_SET_PDEATHSIG), and the host reaps the zygote.
    for (int i = 0; i < 500 && !(process_is_gone(worker) && process_is_gone(zygote)); ++i) std::this_thread::sleep_for(10ms);
    EXPECT_TRUE(process_is_gone(worker));
    EXPECT_TRUE(process_is_gone(zygote));
    EXPECT_EQ(slot->call(echo_request("x"), 10).end, CallEnd::crashed);

    testing::internal::CaptureStderr();
    EXPECT_EQ(slot->restart(), "");
    auto another = echo_slot(plugin);
    const std::string said = testing::internal::GetCapturedStderr();
    EXPECT_EQ(parent_of(slot->worker_pid()), ::getpid());
    EXPECT_EQ(parent_of(another->worker_pid()), ::getpid());
    EXPECT_EQ(answer_text(slot->call(echo_request("after"), 10)), "after");
    EXPECT_EQ(said, "evalpanel: the worker zygote for " + plugin.string() +
                        " killed by signal 9 (SIGKILL); its workers are spawned one by one from now on\n");
    fs::remove_all(plugin.parent_path());
}

TEST(ZygoteClient, DestroyingItEndsTheZygoteAndItsWorkers) {
    std::string why;
    auto zygote = ZygoteClient::start(kWorker, kEchoPlugin, why);
    ASSERT_TRUE(zygote) << why;
    auto worker = zygote->fork_worker(why);
    ASSERT_TRUE(worker) << why;
    const pid_t zygote_pid = zygote->pid();
    const pid_t worker_pid = worker->pid();
    zygote.reset();  // the worker's ChildProcess still holds the client: it goes when both are gone
    EXPECT_TRUE(zygote_pid > 0 && !process_is_gone(zygote_pid));
    worker.reset();
    EXPECT_TRUE(process_is_gone(worker_pid));
    EXPECT_TRUE(process_is_gone(zygote_pid));
}

TEST(ZygoteClient, ReportsHowAWorkerEnded) {
    std::string why;
    auto zygote = ZygoteClient::start(kWorker, kEchoPlugin, why);
    ASSERT_TRUE(zygote) << why;
    auto worker = zygote->fork_worker(why);
    ASSERT_TRUE(worker) << why;
    ::kill(worker->pid(), SIGTERM);
    EXPECT_EQ(worker->wait_for_exit(5s), "killed by signal 15 (SIGTERM)");
}

TEST(ZygoteClient, AGoneZygoteForksNothingAndSaysHowItEnded) {
    std::string why;
    auto zygote = ZygoteClient::start(kWorker, kEchoPlugin, why);
    ASSERT_TRUE(zygote) << why;
    ::kill(zygote->pid(), SIGKILL);
    for (int i = 0; i < 500 && zygote->alive(); ++i) std::this_thread::sleep_for(10ms);
    EXPECT_FALSE(zygote->alive());
    EXPECT_FALSE(zygote->fork_worker(why));
    EXPECT_EQ(why, "the worker zygote for " + kEchoPlugin.string() + " killed by signal 9 (SIGKILL)");
}

TEST(ZygoteClient, MissingExecutableIsOneClearSentence) {
    std::string why;
    EXPECT_FALSE(ZygoteClient::start("/nonexistent/evalpanel-worker", kEchoPlugin, why));
    EXPECT_EQ(why, "cannot start a worker zygote for " + kEchoPlugin.string() +
                       ": cannot start the worker executable /nonexistent/evalpanel-worker: No such file or directory");
}

}  // namespace
}  // namespace evalpanel::worker
