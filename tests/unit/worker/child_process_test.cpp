#include "worker/child_process.hpp"

#include <cerrno>
#include <set>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "process_checks.hpp"

namespace evalpanel::worker {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::unique_ptr<ChildProcess> shell(const std::string& script) {
    std::string why;
    auto child = ChildProcess::spawn("/bin/sh", {"-c", script}, why);
    EXPECT_TRUE(child) << why;
    return child;
}

TEST(ChildProcess, SaysHowAChildEnded) {
    EXPECT_EQ(shell("exit 3")->wait_for_exit(5s), "exited with status 3");
    EXPECT_EQ(shell("kill -SEGV $$")->wait_for_exit(5s), "killed by signal 11 (SIGSEGV)");
    EXPECT_EQ(shell("kill -ABRT $$")->wait_for_exit(5s), "killed by signal 6 (SIGABRT)");
}

TEST(ChildProcess, MissingExecutableIsOneClearSentence) {
    std::string why;
    EXPECT_FALSE(ChildProcess::spawn("/nonexistent/evalpanel-worker", {}, why));
    EXPECT_EQ(why, "cannot start the worker executable /nonexistent/evalpanel-worker: No such file or directory");
}

TEST(ChildProcess, ChildThatOutlivesTheGraceIsKilledAndReaped) {
    auto child = shell("exec sleep 30");  // ignores its stdin closing
    const pid_t pid = child->pid();
    const auto start = std::chrono::steady_clock::now();
    child.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - start, ChildProcess::kExitGrace + 2s);
    EXPECT_TRUE(process_is_gone(pid));
}

TEST(ChildProcess, ChildThatLeavesOnEndOfInputIsReapedQuickly) {
    auto child = shell("exec cat > /dev/null");
    const pid_t pid = child->pid();
    const auto start = std::chrono::steady_clock::now();
    child.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - start, ChildProcess::kExitGrace);
    EXPECT_TRUE(process_is_gone(pid));
}

TEST(ChildProcess, ChildInheritsOnlyItsStandardDescriptors) {
    auto first = shell("exec cat > /dev/null");  // another slot's pipes are open in the host
    int leaky[2];                                // and a descriptor some library left inheritable
    ASSERT_EQ(::pipe(leaky), 0);
    auto second = shell("exec sleep 30");
    std::set<int> inherited;
    for (const auto& entry : fs::directory_iterator("/proc/" + std::to_string(second->pid()) + "/fd")) {
        inherited.insert(std::stoi(entry.path().filename().string()));
    }
    EXPECT_EQ(inherited, (std::set<int>{0, 1, 2}));
    second->kill();
    ::close(leaky[0]);
    ::close(leaky[1]);
}

}  // namespace
}  // namespace evalpanel::worker
