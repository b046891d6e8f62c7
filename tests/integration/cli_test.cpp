// Runs the built `evalpanel` binary end to end, as a user would, in a temporary folder.
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <thread>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.hpp"

namespace {

using namespace evalpanel_cli_test;

TEST_F(Cli, HelpAndUnknownCommand) {
    EXPECT_EQ(run("--help").code, 0);
    const Result r = run("frobnicate");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("unknown command 'frobnicate'"), std::string::npos);
    EXPECT_EQ(run("run --help").code, 0);
}

TEST_F(Cli, PluginsListsTheShippedTesseractPlugin) {
    const Result r = run("plugins");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("tesseract_ocr"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("tasks: ocr"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pricing: free"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("ABI ok"), std::string::npos) << r.out;
}

TEST_F(Cli, PluginOfAnotherAbiIsRefusedWithOneLineAndExit2) {
    const Result r = run("plugins --plugin-path '" + (kTestPlugins / "abi999").string() + "'");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("refused: built for ABI 999"), std::string::npos) << r.out;
}

TEST_F(Cli, SharedLibraryThatIsNotAPluginIsRefused) {
    const Result r = run("plugins --plugin-path '" + (kTestPlugins / "notaplugin").string() + "'");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("not an evalpanel plugin"), std::string::npos) << r.out;
}

TEST_F(Cli, MissingPluginFileIsRefused) {
    const Result r = run("plugins --plugin-path /nonexistent/evalpanel_plugin_x.so");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("/nonexistent/evalpanel_plugin_x.so: refused: no such file"), std::string::npos) << r.out;
}

TEST_F(Cli, RunWithRefusedPluginExits2WithOneSentence) {
    write_echo_suite();
    write("evalpanel.yaml", "tools:\n  old:\n    plugin: echo_abi999\n");
    const Result r = run("run suite --tool old --db ep.db --plugin-path '" + (kTestPlugins / "abi999").string() + "'");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("built for ABI 999"), std::string::npos) << r.out;
}

TEST_F(Cli, EchoRunStoresEveryCaseWithScoresAndErrors) {
    write_echo_suite();
    const std::string plugins = " --plugin-path '" + (kTestPlugins / "good").string() + "'";
    const Result r = run("run suite --tool echo --db ep.db --timeout 1 -q" + plugins);
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("echo-suite"), std::string::npos) << r.out;

    const auto rows = export_rows();
    ASSERT_EQ(rows.size(), 5u);
    std::map<std::string, nlohmann::json> by_id;
    for (const auto& row : rows) by_id[row["case_id"]] = row;
    EXPECT_EQ(by_id["a"]["status"], "ok");
    EXPECT_EQ(by_id["a"]["output"], "helo world");
    EXPECT_DOUBLE_EQ(by_id["a"]["scores"]["cer"].get<double>(), 1.0 / 11.0);
    EXPECT_DOUBLE_EQ(by_id["a"]["scores"]["wer"].get<double>(), 0.5);
    EXPECT_EQ(by_id["b"]["scores"]["exact_match"], 1.0);
    EXPECT_EQ(by_id["b"]["tags"], nlohmann::json({"clean", "price"}));
    EXPECT_EQ(by_id["c"]["status"], "error");
    EXPECT_NE(by_id["c"]["error"].get<std::string>().find("bad_input"), std::string::npos);
    EXPECT_EQ(by_id["d"]["status"], "timeout");
    EXPECT_EQ(by_id["e"]["status"], "error");
    EXPECT_NE(by_id["e"]["error"].get<std::string>().find("threw"), std::string::npos);
    EXPECT_DOUBLE_EQ(by_id["e"]["scores"]["cer"].get<double>(), 1.0);  // no answer scores as empty

    const Result runs = run("runs --db ep.db --json");
    const auto run_json = nlohmann::json::parse(runs.out.substr(0, runs.out.find('\n')));
    EXPECT_EQ(run_json["status"], "finished");
    EXPECT_EQ(run_json["cases_stored"], 5);
    EXPECT_EQ(run_json["failed"], 3);

    const Result md = run("report --latest --format md --db ep.db --out out/r.md");
    EXPECT_EQ(md.code, 0) << md.out;
    std::ifstream file(dir_ / "out" / "r.md");
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("| echo | echo-suite | 5 | 2 | 2 | 1 |"), std::string::npos) << text;
    EXPECT_NE(text.find("| price | 1 |"), std::string::npos) << text;
}

TEST_F(Cli, LimitAndConcurrency) {
    write_echo_suite();
    const Result r = run("run suite --tool echo --db ep.db --limit 2 -j 2 -q --plugin-path '" +
                         (kTestPlugins / "good").string() + "'");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_EQ(export_rows().size(), 2u);
}

TEST_F(Cli, FatalToolErrorStopsTheRunAndExits1) {
    write("suite/answers/f.txt", "!fatal");
    write("suite/answers/g.txt", "fine");
    write("suite/s.yaml",
          "suite: s\ntask: ocr\nmetrics: [cer]\ncases:\n"
          "  - {id: f, image: answers/f.txt, expected: x}\n  - {id: g, image: answers/g.txt, expected: fine}\n");
    const Result r = run("run suite --tool echo --db ep.db -j 1 -q --config /dev/null --plugin-path '" +
                         (kTestPlugins / "good").string() + "' ");
    // /dev/null as a config holds no tools: echo is unknown, a usage error.
    EXPECT_EQ(r.code, 2) << r.out;
    write("evalpanel.yaml", "tools:\n  echo: {plugin: echo}\n");
    const Result r2 = run("run suite --tool echo --db ep.db -j 1 -q --plugin-path '" + (kTestPlugins / "good").string() + "'");
    EXPECT_EQ(r2.code, 1) << r2.out;
    EXPECT_NE(r2.out.find("echo: fatal"), std::string::npos) << r2.out;
    EXPECT_EQ(export_rows().size(), 1u);
}

TEST_F(Cli, InterruptStoresWhatFinishedAndMarksTheRun) {
    std::string cases;
    for (int i = 0; i < 40; ++i) {
        write("suite/answers/" + std::to_string(i) + ".txt", "!sleep 100 ok");
        cases += "  - {id: c" + std::to_string(i) + ", image: answers/" + std::to_string(i) + ".txt, expected: ok}\n";
    }
    write("suite/slow.yaml", "suite: slow\ntask: ocr\nmetrics: [cer]\ncases:\n" + cases);
    write("evalpanel.yaml", "tools:\n  echo: {plugin: echo}\n");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::chdir(dir_.c_str());
        const std::string plugins = (kTestPlugins / "good").string();
        // --no-cache: the 40 requests are identical, and the point is 40 slow calls.
        ::execl(kBinary.c_str(), "evalpanel", "run", "suite", "--tool", "echo", "--db", "ep.db", "-j", "1", "-q",
                "--no-cache", "--plugin-path", plugins.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Interrupted once a few cases are stored, however slow the machine is to get there.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        const Result r = run("runs --db ep.db --json");
        if (r.code == 0 && !r.out.empty() && r.out.front() == '{' &&
            nlohmann::json::parse(r.out.substr(0, r.out.find('\n')))["cases_stored"].get<int>() >= 3) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, SIGINT);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 1);
    const auto run_json = nlohmann::json::parse(run("runs --db ep.db --json").out);
    EXPECT_EQ(run_json["status"], "interrupted");
    const std::size_t stored = export_rows().size();
    EXPECT_GT(stored, 0u);
    EXPECT_LT(stored, 40u);
    EXPECT_EQ(run_json["cases_stored"], stored);
}

// 30 cases whose echo answers are right, except the first `wrong` ones.
void write_gate_suite(const Cli* cli, int wrong);

TEST_F(Cli, CompareGatePassesAnIdenticalRerunAndFailsAPlantedRegression) {
    const std::string plugins = " -q --plugin-path '" + (kTestPlugins / "good").string() + "'";
    write_gate_suite(this, 0);
    ASSERT_EQ(run("run suite --tool echo --db ep.db" + plugins).code, 0);
    ASSERT_EQ(run("run suite --tool echo --db ep.db" + plugins).code, 0);
    const Result same = run("compare 1 2 --db ep.db");
    EXPECT_EQ(same.code, 0) << same.out;
    EXPECT_NE(same.out.find("ok: no metric is worse"), std::string::npos) << same.out;

    write_gate_suite(this, 10);
    ASSERT_EQ(run("run suite --tool echo --db ep.db" + plugins).code, 0);
    const Result worse = run("compare 1 3 --db ep.db");
    EXPECT_EQ(worse.code, 1) << worse.out;
    EXPECT_NE(worse.out.find("REGRESSION: cer"), std::string::npos) << worse.out;
    EXPECT_NE(worse.out.find("exact_match"), std::string::npos) << worse.out;

    // Margins wide enough to allow the drop pass the gate; a narrow one fails it.
    EXPECT_EQ(run("compare 1 3 --db ep.db --max-drop cer=1 --max-drop exact_match=0.5").code, 0);
    const Result narrow = run("compare 1 3 --db ep.db --max-drop cer=1 --max-drop exact_match=0.1 --json");
    EXPECT_EQ(narrow.code, 1) << narrow.out;
    const auto j = nlohmann::json::parse(narrow.out);
    EXPECT_EQ(j["regression"], true);
    for (const auto& m : j["metrics"]) {
        if (m["metric"] == "exact_match") {
            EXPECT_NEAR(m["difference"].get<double>(), -1.0 / 3.0, 1e-12);
            EXPECT_EQ(m["verdict"], "regression");
        }
    }
    // Bad input is exit 2.
    EXPECT_EQ(run("compare 1 99 --db ep.db").code, 2);
    EXPECT_EQ(run("compare 1 3 --db ep.db --max-drop nonsense=1").code, 2);
    EXPECT_EQ(run("compare 1 3 --db ep.db --max-drop cer").code, 2);
}

void write_gate_suite(const Cli* cli, int wrong) {
    std::string cases;
    for (int i = 0; i < 30; ++i) {
        const std::string id = std::to_string(i);
        cli->write("suite/answers/" + id + ".txt", i < wrong ? "wrong answer" : "answer " + id);
        cases += "  - {id: c" + id + ", image: answers/" + id + ".txt, expected: answer " + id + "}\n";
    }
    cli->write("suite/gate.yaml", "suite: gate\ntask: ocr\nmetrics: [cer, exact_match]\ncases:\n" + cases);
    cli->write("evalpanel.yaml", "tools:\n  echo: {plugin: echo}\n");
}

TEST_F(Cli, ScoreJsonlScoresEachLineInOrder) {
    write("in.jsonl",
          "{\"metric\": \"cer\", \"prediction\": \"helo world\", \"references\": [\"hello world\"]}\n"
          "\n"
          "{\"id\": \"q2\", \"metric\": \"exact_match\", \"prediction\": \"The Eiffel Tower!\", \"references\": [\"eiffel tower\"]}\n"
          "{\"metric\": \"wer\", \"prediction\": \"a b\", \"references\": []}\n");
    const Result r = run("score --jsonl in.jsonl");
    ASSERT_EQ(r.code, 0) << r.out;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<nlohmann::json> rows;
    while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0]["metric"], "cer");
    EXPECT_DOUBLE_EQ(rows[0]["value"].get<double>(), 1.0 / 11.0);
    EXPECT_EQ(rows[1]["id"], "q2");
    EXPECT_EQ(rows[1]["value"], 1.0);
    EXPECT_TRUE(rows[2]["value"].is_null());  // no reference: undefined, not 0
}

TEST_F(Cli, ScoreJsonlReadsCitationSourcesAndExpectedFacts) {
    // METRICS.md §10.5 and §10.6 worked examples, through the command line.
    write("cite.jsonl",
          "{\"metric\": \"domain_diversity\", \"prediction\": \"\", \"references\": [\"https://a.example/1\", "
          "\"https://a.example/2\", {\"url\": \"https://b.example/\", \"title\": \"B\"}]}\n"
          "{\"metric\": \"source_recall\", \"prediction\": \"\", \"references\": [\"https://eur-lex.europa.eu/x\", "
          "\"https://news.example/y\"], \"sources\": [\"europa.eu\", \"who.int\"]}\n"
          "{\"metric\": \"fact_recall\", \"prediction\": \"The Act entered into force on 1 August 2024 [1].\", "
          "\"facts\": [\"1 August 2024\", \"European Parliament\"]}\n"
          "{\"metric\": \"fresh_source_ratio\", \"prediction\": \"\", \"references\": [{\"url\": \"u\", \"date\": "
          "\"2025-01-01\"}, {\"url\": \"v\", \"date\": \"2020-01-01\"}], \"params\": {\"as_of\": \"2025-06-01\"}}\n");
    const Result r = run("score --jsonl cite.jsonl");
    ASSERT_EQ(r.code, 0) << r.out;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<double> values;
    while (std::getline(lines, line)) values.push_back(nlohmann::json::parse(line)["value"].get<double>());
    ASSERT_EQ(values.size(), 4u);
    EXPECT_DOUBLE_EQ(values[0], 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(values[1], 0.5);
    EXPECT_DOUBLE_EQ(values[2], 0.5);
    EXPECT_DOUBLE_EQ(values[3], 0.5);
    write("noasof.jsonl", "{\"metric\": \"fresh_source_ratio\", \"prediction\": \"\", \"references\": []}\n");
    const Result missing = run("score --jsonl noasof.jsonl");
    EXPECT_EQ(missing.code, 2) << missing.out;
    EXPECT_NE(missing.out.find("noasof.jsonl:1:"), std::string::npos) << missing.out;
    EXPECT_NE(missing.out.find("as_of"), std::string::npos) << missing.out;
}

TEST_F(Cli, ScoreJsonlNamesEveryBadLineAndWritesNothing) {
    write("bad.jsonl",
          "{\"metric\": \"cer\", \"prediction\": \"ok\", \"references\": [\"ok\"]}\n"
          "{\"metric\": \"nope\", \"prediction\": \"x\"}\n"
          "not json\n"
          "{\"metric\": \"cer\", \"prediction\": \"x\", \"params\": {\"collapse\": true}}\n"
          "{\"metric\": \"cer\", \"prediction\": 5}\n");
    const Result r = run("score --jsonl bad.jsonl");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("bad.jsonl:2: unknown metric 'nope'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bad.jsonl:3: not JSON"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bad.jsonl:4: cer: unknown parameter 'collapse'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("bad.jsonl:5: 'prediction' (a string) is required"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\"value\""), std::string::npos) << r.out;
}

TEST_F(Cli, VotesAreCountedPerToolAndTyposRefused) {
    EXPECT_EQ(run("vote tesseract up --db ep.db").code, 0);
    EXPECT_EQ(run("vote tesseract up --db ep.db --comment 'reads receipts well'").code, 0);
    const Result r = run("vote tesseract down --db ep.db --json");
    EXPECT_EQ(r.code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["up"], 2);
    EXPECT_EQ(j["down"], 1);
    const Result typo = run("vote tesseract-ocr up --db ep.db");
    EXPECT_EQ(typo.code, 2);
    EXPECT_NE(typo.out.find("no tool named 'tesseract-ocr'"), std::string::npos) << typo.out;
    EXPECT_EQ(run("vote tesseract sideways --db ep.db").code, 2);
}

TEST_F(Cli, ReportFormatsCarryTheVerdict) {
    write_echo_suite();
    ASSERT_EQ(run("run suite --tool echo --db ep.db --timeout 1 -q --plugin-path '" + (kTestPlugins / "good").string() + "'").code, 0);
    ASSERT_EQ(run("vote echo up --db ep.db").code, 0);
    const std::string panel = " --panel '" + (kSource / "reports" / "panel.yaml").string() + "'";

    const Result md = run("report --db ep.db --format md" + panel);
    EXPECT_EQ(md.code, 0) << md.out;
    EXPECT_NE(md.out.find("## Verdict"), std::string::npos) << md.out;
    EXPECT_NE(md.out.find("| echo |"), std::string::npos) << md.out;
    EXPECT_NE(md.out.find("1 up / 0 down"), std::string::npos) << md.out;

    const Result json = run("report --db ep.db --format json" + panel);
    ASSERT_EQ(json.code, 0) << json.out;
    const auto j = nlohmann::json::parse(json.out);
    ASSERT_EQ(j["verdicts"].size(), 1u);
    EXPECT_EQ(j["verdicts"][0]["reviews"].size(), 4u);  // builder, skeptic, strategist, buyer

    const Result html = run("report --db ep.db --format html --out out/r.html" + panel);
    EXPECT_EQ(html.code, 0) << html.out;
    std::ifstream page(dir_ / "out" / "r.html");
    const std::string text((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_EQ(text.find("<script"), std::string::npos);

    const Result junit = run("report --db ep.db --format junit --pass-if 'cer<=0.05'" + panel);
    EXPECT_EQ(junit.code, 0) << junit.out;
    EXPECT_NE(junit.out.find("tests=\"5\""), std::string::npos) << junit.out;
    EXPECT_NE(junit.out.find("failures=\"4\""), std::string::npos) << junit.out;  // a (cer 0.09) and c, d, e

    EXPECT_EQ(run("report --db ep.db --format junit --pass-if 'cer=0.1'").code, 2);
    EXPECT_EQ(run("report --db ep.db --format junit --pass-if 'anls>=0.5'").code, 2);  // no run scores anls
    EXPECT_EQ(run("report --db ep.db --format pdf").code, 2);
    write("bad-panel.yaml", "reviewers:\n  - id: x\n    colour: red\n");
    const Result bad = run("report --db ep.db --panel bad-panel.yaml");
    EXPECT_EQ(bad.code, 2) << bad.out;
    EXPECT_NE(bad.out.find("bad-panel.yaml:3:"), std::string::npos) << bad.out;
}

TEST_F(Cli, CostIsComputedFromUsageAndMaxCostStopsPaidRequests) {
    std::string cases;
    for (int i = 0; i < 20; ++i) {
        write("suite/answers/" + std::to_string(i) + ".txt", "0123456789");  // 10 bytes in, 10 out
        cases += "  - {id: c" + std::to_string(i) + ", image: answers/" + std::to_string(i) + ".txt, expected: x}\n";
    }
    write("suite/paid.yaml", "suite: paid\ntask: ocr\nmetrics: [cer]\ncases:\n" + cases);
    // $1 per million bytes each way plus a cent a request: every case costs $0.01002.
    write("evalpanel.yaml",
          "tools:\n  echo:\n    plugin: echo\n    concurrency: 1\n"
          "    pricing: {input_per_mtok: 1, output_per_mtok: 1, per_request: 0.01}\n");
    const std::string plugins = " -q --plugin-path '" + (kTestPlugins / "good").string() + "'";
    // --no-cache: the 20 requests are identical, and a cached answer is no new spend.
    const Result r = run("run suite --tool echo --db ep.db --max-cost 0.05 --no-cache --json" + plugins);
    EXPECT_EQ(r.code, 1) << r.out;  // interrupted by the budget
    const auto outcome = nlohmann::json::parse(r.out)[0];
    EXPECT_EQ(outcome["status"], "interrupted");
    EXPECT_NE(outcome["message"].get<std::string>().find("--max-cost"), std::string::npos) << outcome;
    const auto rows = export_rows();
    EXPECT_EQ(rows.size(), 5u);  // 5 x $0.01002 reaches $0.05; nothing paid is scheduled after
    for (const auto& row : rows) {
        EXPECT_NEAR(row["cost_usd"].get<double>(), 0.01002, 1e-12);
        EXPECT_EQ(row["usage"]["input_tokens"], 10);
    }
    EXPECT_NEAR(outcome["cost_usd"].get<double>(), 5 * 0.01002, 1e-12);
}

TEST_F(Cli, ResumeAfterSigkillRunsEveryCaseExactlyOnceAndResendsNothingStored) {
    std::string cases;
    for (int i = 0; i < 30; ++i) {
        // Slow enough that the test, polling from another process, stops the run long before its end.
        write("suite/answers/" + std::to_string(i) + ".txt", "!sleep 150 answer " + std::to_string(i));
        cases += "  - {id: c" + std::to_string(i) + ", image: answers/" + std::to_string(i) + ".txt, expected: answer " +
                 std::to_string(i) + "}\n";
    }
    write("suite/slow.yaml", "suite: slow\ntask: ocr\nmetrics: [cer]\ncases:\n" + cases);
    write("evalpanel.yaml", "tools:\n  echo: {plugin: echo, concurrency: 2}\n");
    const std::string plugins = (kTestPlugins / "good").string();
    const fs::path log = dir_ / "requests.log";
    // Cases stored so far, read as a second process would while the run writes (WAL).
    auto stored_now = [&] {
        const Result r = run("runs --db ep.db --json");
        if (r.code != 0 || r.out.empty() || r.out.front() != '{') return 0;
        return nlohmann::json::parse(r.out.substr(0, r.out.find('\n')))["cases_stored"].get<int>();
    };
    // Killed three times, each at a random point once 1-4 more cases are stored (SCOPED_TRACE has the seed).
    const unsigned seed = std::random_device{}();
    SCOPED_TRACE("kill points seeded with " + std::to_string(seed));
    std::mt19937 rng(seed);
    for (bool first : {true, false, false}) {
        const int target = stored_now() + 1 + static_cast<int>(rng() % 4);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::setenv("EVALPANEL_ECHO_LOG", log.c_str(), 1);
            if (::chdir(dir_.c_str()) != 0) ::_exit(126);
            if (first) {
                ::execl(kBinary.c_str(), "evalpanel", "run", "suite", "--tool", "echo", "--db", "ep.db", "-q",
                        "--plugin-path", plugins.c_str(), static_cast<char*>(nullptr));
            } else {
                ::execl(kBinary.c_str(), "evalpanel", "run", "--resume", "latest", "--db", "ep.db", "-q",
                        "--plugin-path", plugins.c_str(), static_cast<char*>(nullptr));
            }
            ::_exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (stored_now() < target && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    std::set<std::string> stored_before;
    for (const auto& row : export_rows()) stored_before.insert(row["case_id"]);
    ASSERT_GT(stored_before.size(), 0u);
    ASSERT_LT(stored_before.size(), 30u);
    fs::remove(log);

    ::setenv("EVALPANEL_ECHO_LOG", log.c_str(), 1);
    const Result resumed = run("run --resume latest --db ep.db -q --plugin-path '" + plugins + "'");
    ::unsetenv("EVALPANEL_ECHO_LOG");
    EXPECT_EQ(resumed.code, 0) << resumed.out;

    std::ifstream sent(log);
    std::string id;
    std::size_t requests = 0;
    while (std::getline(sent, id)) {
        ++requests;
        EXPECT_FALSE(stored_before.contains(id)) << id << " was stored already and was sent again";
    }
    EXPECT_EQ(requests, 30 - stored_before.size());
    const auto rows = export_rows();
    std::set<std::string> ids;
    for (const auto& row : rows) {
        EXPECT_TRUE(ids.insert(row["case_id"]).second) << "duplicate " << row["case_id"];
        EXPECT_EQ(row["status"], "ok");
    }
    EXPECT_EQ(ids.size(), 30u);
    const auto run_json = nlohmann::json::parse(run("runs --db ep.db --json").out);
    EXPECT_EQ(run_json["status"], "finished");
    EXPECT_EQ(run("run --resume latest --db ep.db").code, 2);  // nothing left to resume
}

TEST_F(Cli, IdenticalRequestsAreAnsweredFromTheCacheUnlessTurnedOff) {
    write("suite/answers/a.txt", "hello");
    write("suite/answers/b.txt", "world");
    write("suite/s.yaml", "suite: s\ntask: ocr\nmetrics: [cer]\ncases:\n"
                          "  - {id: a, image: answers/a.txt, expected: hello}\n"
                          "  - {id: b, image: answers/b.txt, expected: world}\n");
    write("evalpanel.yaml", "tools:\n  echo: {plugin: echo}\n  echo-nocache: {plugin: echo, cache: false}\n");
    const std::string plugins = " -q --plugin-path '" + (kTestPlugins / "good").string() + "'";
    const fs::path log = dir_ / "requests.log";
    auto requests = [&] {
        std::ifstream in(log);
        std::size_t n = 0;
        for (std::string line; std::getline(in, line);) ++n;
        fs::remove(log);
        return n;
    };
    ::setenv("EVALPANEL_ECHO_LOG", log.c_str(), 1);
    ASSERT_EQ(run("run suite --tool echo --db ep.db" + plugins).code, 0);
    EXPECT_EQ(requests(), 2u);
    ASSERT_EQ(run("run suite --tool echo --db ep.db" + plugins).code, 0);
    EXPECT_EQ(requests(), 0u);  // both answered from the cache
    const auto rows = export_rows();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0]["cached"], true);
    EXPECT_EQ(rows[0]["output"], "hello");
    EXPECT_EQ(rows[0]["attempts"], 0);
    ASSERT_EQ(run("run suite --tool echo --db ep.db --no-cache" + plugins).code, 0);
    EXPECT_EQ(requests(), 2u);
    EXPECT_EQ(export_rows()[0]["cached"], false);
    ASSERT_EQ(run("run suite --tool echo-nocache --db ep.db" + plugins).code, 0);
    EXPECT_EQ(requests(), 2u);
    ::unsetenv("EVALPANEL_ECHO_LOG");
    // A changed request (other image bytes) is not a hit.
    write("suite/answers/a.txt", "hullo");
    ASSERT_EQ(run("run suite --tool echo --db ep.db" + plugins).code, 0);
    EXPECT_EQ(export_rows()[0]["output"], "hullo");
    EXPECT_EQ(export_rows()[0]["cached"], false);
    EXPECT_EQ(export_rows()[1]["cached"], true);
}

TEST_F(Cli, ShardsMergeIntoARunThatReportsLikeTheUnshardedRun) {
    std::string cases;
    for (int i = 0; i < 11; ++i) {
        const std::string id = std::to_string(i);
        write("suite/answers/" + id + ".txt", i % 3 == 0 ? "wrong " + id : "answer " + id);
        cases += "  - {id: c" + id + ", image: answers/" + id + ".txt, expected: answer " + id + ", tags: [" +
                 (i % 2 ? "odd" : "even") + "]}\n";
    }
    write("suite/s.yaml", "suite: s\ntask: ocr\nmetrics: [cer, exact_match]\ncases:\n" + cases);
    write("evalpanel.yaml", "tools:\n  echo: {plugin: echo}\n");
    const std::string plugins = " -q --plugin-path '" + (kTestPlugins / "good").string() + "'";
    ASSERT_EQ(run("run suite --tool echo --db whole.db" + plugins).code, 0);
    for (int i = 1; i <= 3; ++i) {
        const std::string shard = std::to_string(i) + "/3";
        ASSERT_EQ(run("run suite --tool echo --shard " + shard + " --db shard" + std::to_string(i) + ".db" + plugins).code, 0);
    }
    EXPECT_EQ(nlohmann::json::parse(run("runs --db shard2.db --json").out)["cases_total"], 4);  // c1 c4 c7 c10
    const Result merged = run("merge merged.db shard1.db shard2.db shard3.db");
    ASSERT_EQ(merged.code, 0) << merged.out;
    EXPECT_NE(merged.out.find("11 cases from 3 shards, finished"), std::string::npos) << merged.out;

    auto report = [&](const std::string& db) {
        nlohmann::json j = nlohmann::json::parse(run("report --db " + db + " --format json --no-panel").out);
        nlohmann::json runs = j["runs"];
        for (auto& r : runs) {  // what legitimately differs between two runs: identity and timing
            for (const char* key : {"id", "batch", "started_at", "finished_at", "latency_ms"}) r.erase(key);
        }
        return runs;
    };
    EXPECT_EQ(report("whole.db"), report("merged.db"));
    auto rows = [&](const std::string& db) {
        std::vector<std::string> out;
        const Result r = run("export --db " + db);
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);) {
            auto j = nlohmann::json::parse(line);
            out.push_back(j["case_id"].get<std::string>() + " " + j["output"].get<std::string>() + " " + j["scores"].dump());
        }
        return out;
    };
    EXPECT_EQ(rows("whole.db"), rows("merged.db"));  // same cases, same order, same scores

    // A missing shard is refused, and nothing is written.
    const Result partial = run("merge partial.db shard1.db shard3.db");
    EXPECT_EQ(partial.code, 2);
    EXPECT_NE(partial.out.find("shard 2/3 is missing"), std::string::npos) << partial.out;
    EXPECT_FALSE(fs::exists(dir_ / "partial.db"));
    EXPECT_EQ(run("merge merged.db shard1.db").code, 2);  // never overwrites
    EXPECT_EQ(run("run suite --tool echo --shard 4/3 --db x.db" + plugins).code, 2);
}

TEST_F(Cli, InvalidSuiteIsExit2WithFileLineColumn) {
    write("bad/bad.yaml", "suite: b\ntask: ocr\nmetrics: [cer, nope]\ncases: []\n");
    const Result r = run("suite validate bad/bad.yaml");
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_NE(r.out.find("bad.yaml:3:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("nope"), std::string::npos) << r.out;
    const Result run_it = run("run bad --tool tesseract --db ep.db");
    EXPECT_EQ(run_it.code, 2) << run_it.out;
    EXPECT_FALSE(fs::exists(dir_ / "ep.db"));  // nothing is created before the input is valid
}

TEST_F(Cli, ShippedSuitesValidate) {
    const Result r = run("suite validate '" + (kSource / "suites" / "ocr").string() + "'");
    EXPECT_EQ(r.code, 0) << r.out;
    EXPECT_NE(r.out.find("ok"), std::string::npos);
}

TEST_F(Cli, TesseractReadsShippedCasesEndToEnd) {
    const Result r = run("run '" + (kSource / "suites" / "ocr").string() + "' --tool tesseract --limit 3 --db ep.db -q");
    EXPECT_EQ(r.code, 0) << r.out;
    const auto rows = export_rows();
    ASSERT_GE(rows.size(), 3u);
    int ok = 0;
    for (const auto& row : rows) ok += row["status"] == "ok";
    EXPECT_EQ(ok, static_cast<int>(rows.size()));
}

TEST_F(Cli, StoredCerMatchesAnIndependentPythonComputation) {
    if (std::system("python3 --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 is not installed";
    const Result r = run("run '" + (kSource / "suites" / "ocr").string() + "' --tool tesseract --limit 8 --db ep.db -q");
    ASSERT_EQ(r.code, 0) << r.out;
    ASSERT_EQ(run("export --run latest --db ep.db --out cases.jsonl").code, 0);
    const std::string command = "cd '" + dir_.string() + "' && python3 '" +
                                (kSource / "tools" / "check" / "verify_cer.py").string() + "' cases.jsonl 2>&1";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    std::string out(4096, '\0');
    out.resize(std::fread(out.data(), 1, out.size(), pipe));
    const int status = ::pclose(pipe);
    EXPECT_EQ(WEXITSTATUS(status), 0) << out;
    EXPECT_NE(out.find("24 cases checked"), std::string::npos) << out;
}

TEST_F(Cli, ReportWithoutStoreIsAUsageError) {
    const Result r = run("report --db missing.db");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("missing.db: no such store"), std::string::npos) << r.out;
}

}  // namespace
