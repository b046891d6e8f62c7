// Faults at the CLI, end to end: plugins that crash, abort, exit or hang in isolated workers; a
// database that is read-only or locked by another connection; Ctrl-C reaching the whole process group.
// Each must cost at most the case it hit and lose nothing already stored.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace {

using namespace evalpanel_cli_test;

const std::string kEchoPlugin = " --plugin-path '" + (kTestPlugins / "good").string() + "'";

// Cases whose echo "images" hold the answer (or an instruction to the test-only echo plugin).
void write_cases(const Cli& cli, const std::vector<std::pair<std::string, std::string>>& cases) {
    std::string yaml = "suite: faults\ntask: ocr\nmetrics: [cer]\ncases:\n";
    for (const auto& [id, content] : cases) {
        cli.write("suite/answers/" + id + ".txt", content);
        yaml += "  - {id: " + id + ", image: answers/" + id + ".txt, expected: fine}\n";
    }
    cli.write("suite/faults.yaml", yaml);
    cli.write("evalpanel.yaml", "tools:\n  echo: {plugin: echo, retries: 0}\n");
}

std::map<std::string, nlohmann::json> by_case(const std::vector<nlohmann::json>& rows) {
    std::map<std::string, nlohmann::json> out;
    for (const auto& row : rows) out[row["case_id"].get<std::string>()] = row;
    return out;
}

class CliFaults : public Cli {
protected:
    std::vector<nlohmann::json> rows() const { return export_rows(); }
    nlohmann::json latest_run() const {
        const Result r = run("runs --db ep.db --json");
        std::istringstream lines(r.out);
        std::string line, last;
        while (std::getline(lines, line)) if (!line.empty() && line.front() == '{') last = line;
        return nlohmann::json::parse(last);
    }
};

TEST_F(CliFaults, CrashAbortExitAndHangInIsolatedWorkersCostOneCaseEach) {
    write_cases(*this, {{"a", "fine"},
                        {"segv", "!segv"},
                        {"b", "fine"},
                        {"abort", "!abort"},
                        {"exit3", "!exit 3"},
                        {"hang", "!hang"},
                        {"print", "!print"},
                        {"c", "fine"}});
    const Result r = run("run suite --tool echo --db ep.db --timeout 1 -j 2 -q --no-cache" + kEchoPlugin);
    EXPECT_EQ(r.code, 0) << r.out;
    auto cases = by_case(rows());
    ASSERT_EQ(cases.size(), 8u);
    for (const char* ok : {"a", "b", "c"}) {
        EXPECT_EQ(cases[ok]["status"], "ok") << ok;
        EXPECT_EQ(cases[ok]["output"], "fine") << ok;
    }
    EXPECT_EQ(cases["segv"]["status"], "crash");
    EXPECT_NE(cases["segv"]["error"].get<std::string>().find("SIGSEGV"), std::string::npos) << cases["segv"];
    EXPECT_EQ(cases["abort"]["status"], "crash");
    EXPECT_NE(cases["abort"]["error"].get<std::string>().find("SIGABRT"), std::string::npos) << cases["abort"];
    EXPECT_EQ(cases["exit3"]["status"], "crash");
    EXPECT_NE(cases["exit3"]["error"].get<std::string>().find("status 3"), std::string::npos) << cases["exit3"];
    EXPECT_EQ(cases["hang"]["status"], "timeout");
    // A plugin writing to stdout cannot corrupt the pipe protocol: its answer arrives intact.
    EXPECT_EQ(cases["print"]["status"], "ok") << cases["print"];
    EXPECT_EQ(latest_run()["status"], "finished");
}

TEST_F(CliFaults, InProcessACrashEndsTheRunButKeepsWhatWasStored) {
    std::vector<std::pair<std::string, std::string>> cases;
    for (int i = 0; i < 5; ++i) cases.emplace_back("ok" + std::to_string(i), "fine");
    cases.emplace_back("slow", "!sleep 300 fine");  // time for the five to be committed
    cases.emplace_back("segv", "!segv");
    write_cases(*this, cases);
    const Result r = run("run suite --tool echo --db ep.db -j 1 -q --no-cache --in-process" + kEchoPlugin);
    EXPECT_NE(r.code, 0) << r.out;  // the host itself died: that is what isolation prevents
    const auto stored = by_case(rows());
    EXPECT_GE(stored.size(), 5u);
    EXPECT_LE(stored.size(), 6u);
    for (const auto& [id, row] : stored) EXPECT_EQ(row["status"], "ok") << id;
    // And --resume, isolated this time, finishes the run: the crash is then one recorded case.
    const Result resumed = run("run --resume latest --db ep.db -q --no-cache" + kEchoPlugin);
    EXPECT_EQ(resumed.code, 0) << resumed.out;
    const auto all = by_case(rows());
    ASSERT_EQ(all.size(), 7u);
    EXPECT_EQ(all.at("segv")["status"], "crash");
    EXPECT_EQ(all.at("slow")["status"], "ok");
}

TEST_F(CliFaults, AReadOnlyDatabaseIsRefusedWithAClearErrorAndKeepsItsRuns) {
    write_cases(*this, {{"a", "fine"}, {"b", "fine"}});
    ASSERT_EQ(run("run suite --tool echo --db ep.db -q" + kEchoPlugin).code, 0);
    const Result r = run("run suite --tool echo --db 'file:ep.db?mode=ro' -q" + kEchoPlugin);
    EXPECT_NE(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("read-only"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ep.db"), std::string::npos) << r.out;
    const auto stored = rows();
    EXPECT_EQ(stored.size(), 2u);
    EXPECT_EQ(run("runs --db ep.db --json").out.find("\"running\""), std::string::npos);
}

TEST_F(CliFaults, ADatabaseLockedByAnotherWriterIsRefusedAfterWaitingAndLosesNothing) {
    write_cases(*this, {{"a", "fine"}, {"b", "fine"}});
    ASSERT_EQ(run("run suite --tool echo --db ep.db -q" + kEchoPlugin).code, 0);
    {
        // Another connection holds the write lock for longer than evalpanel waits (5 s).
        SQLite::Database other((dir_ / "ep.db").string(), SQLite::OPEN_READWRITE);
        other.exec("BEGIN EXCLUSIVE");
        const auto start = std::chrono::steady_clock::now();
        const Result r = run("run suite --tool echo --db ep.db -q" + kEchoPlugin);
        const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_NE(r.code, 0) << r.out;
        EXPECT_NE(r.out.find("locked"), std::string::npos) << r.out;
        EXPECT_NE(r.out.find("ep.db"), std::string::npos) << r.out;
        EXPECT_GE(waited, 4.0);  // it waited for the lock before giving up
        other.exec("ROLLBACK");
    }
    EXPECT_EQ(rows().size(), 2u);
    // Once the lock is gone the same command works.
    EXPECT_EQ(run("run suite --tool echo --db ep.db -q" + kEchoPlugin).code, 0);
}

TEST_F(CliFaults, CtrlCToTheWholeProcessGroupInterruptsTheRunWithoutCrashingWorkers) {
    std::vector<std::pair<std::string, std::string>> cases;
    for (int i = 0; i < 30; ++i) cases.emplace_back("c" + std::to_string(i), "!sleep 100 fine");
    write_cases(*this, cases);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0);  // its own group, as a shell gives a foreground job
        ::chdir(dir_.c_str());
        const std::string plugins = (kTestPlugins / "good").string();
        ::execl(kBinary.c_str(), "evalpanel", "run", "suite", "--tool", "echo", "--db", "ep.db", "-j", "2", "-q",
                "--no-cache", "--plugin-path", plugins.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::setpgid(pid, pid);
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    ::kill(-pid, SIGINT);  // what a terminal's Ctrl-C does: every process of the job gets it
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_EQ(latest_run()["status"], "interrupted");
    const auto stored = rows();
    EXPECT_GT(stored.size(), 0u);
    EXPECT_LT(stored.size(), 30u);
    for (const auto& row : stored) EXPECT_EQ(row["status"], "ok") << row;  // no worker died of the signal
}

}  // namespace
