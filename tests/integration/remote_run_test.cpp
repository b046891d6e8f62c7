// The whole path for a remote, paid tool: `evalpanel run` with the perplexity plugin against the loopback
// fake of Perplexity's API (tools/fakes/perplexity), run as a separate process like a real server.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

const fs::path kBin = fs::path(EVALPANEL_BINARY_DIR) / "bin";
const fs::path kSource = EVALPANEL_SOURCE_DIR;
constexpr const char* kKey = "pplx-test-key-4f9a2c";

// The fake, started with the given fault; its base URL is the first line it prints.
class FakeServer {
public:
    explicit FakeServer(const std::string& fault) {
        int out[2];
        if (::pipe(out) != 0) throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            const std::string server = (kBin / "fake_perplexity_server").string();
            ::execl(server.c_str(), "fake_perplexity_server", "--api-key", kKey, "--fault", fault.c_str(), "--polls", "1",
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::close(out[1]);
        std::FILE* stream = ::fdopen(out[0], "r");
        std::array<char, 256> line{};
        if (std::fgets(line.data(), line.size(), stream)) url_ = line.data();
        while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
        stream_ = stream;
    }
    ~FakeServer() {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        if (stream_) std::fclose(stream_);
    }
    const std::string& url() const { return url_; }

private:
    pid_t pid_ = -1;
    std::string url_;
    std::FILE* stream_ = nullptr;
};

struct Result {
    int code = -1;
    std::string out;
};

class RemoteRun : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("evalpanel_remote_" + std::to_string(std::random_device{}()));
        fs::create_directories(dir_);
        ::setenv("PPLX_TEST_KEY", kKey, 1);
    }
    void TearDown() override { fs::remove_all(dir_); }

    Result run(const std::string& args) const {
        const std::string command = "cd '" + dir_.string() + "' && '" + (kBin / "evalpanel").string() + "' " + args + " 2>&1";
        Result result;
        std::FILE* pipe = ::popen(command.c_str(), "r");
        std::array<char, 4096> buffer{};
        while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
        const int status = ::pclose(pipe);
        result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return result;
    }

    void configure(const std::string& base_url, const std::string& mode) const {
        std::ofstream(dir_ / "evalpanel.yaml") << "tools:\n  pplx:\n    plugin: perplexity\n    base_url: " << base_url
                                               << "\n    api_key: ${env:PPLX_TEST_KEY}\n    model: sonar-deep-research\n"
                                               << "    mode: " << mode << "\n    poll_interval_s: 0.01\n"
                                               << "    retries: 1\n    timeout_s: 30\n";
    }

    std::vector<nlohmann::json> rows() const {
        std::vector<nlohmann::json> out;
        std::istringstream lines(run("export --db ep.db").out);
        for (std::string line; std::getline(lines, line);) {
            if (!line.empty() && line.front() == '{') out.push_back(nlohmann::json::parse(line));
        }
        return out;
    }

    std::string file_bytes(const fs::path& path) const {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    fs::path dir_;
};

const std::string kSuite = "'" + (kSource / "suites" / "research" / "technology.yaml").string() + "'";

TEST_F(RemoteRun, AsyncDeepResearchStoresCitationsUsageAndCostAndNeverTheKey) {
    FakeServer server("none");
    ASSERT_FALSE(server.url().empty());
    configure(server.url(), "async");
    const Result r = run("run " + kSuite + " --tool pplx --db ep.db --limit 3 -q --no-cache");
    ASSERT_EQ(r.code, 0) << r.out;
    const auto cases = rows();
    ASSERT_EQ(cases.size(), 3u);
    for (const auto& c : cases) {
        EXPECT_EQ(c["status"], "ok") << c.dump();
        EXPECT_FALSE(c["citations"].empty()) << c.dump();
        EXPECT_TRUE(c["usage"].contains("output_tokens")) << c.dump();
        EXPECT_GT(c["cost_usd"].get<double>(), 0.0) << c.dump();
        EXPECT_TRUE(c["scores"].contains("fact_recall"));
    }
    // The key reached the server (the fake refuses requests without it) but nothing evalpanel wrote.
    ASSERT_EQ(run("report --db ep.db --format json --out report.json").code, 0);
    for (const char* file : {"ep.db", "ep.db-wal", "report.json"}) {
        if (fs::exists(dir_ / file)) {
            EXPECT_EQ(file_bytes(dir_ / file).find(kKey), std::string::npos) << file;
        }
    }
}

TEST_F(RemoteRun, ServerErrorsAreRetriedBoundedlyAndRecordedPerCase) {
    FakeServer server("server_error");
    configure(server.url(), "sync");
    const Result r = run("run " + kSuite + " --tool pplx --db ep.db --limit 2 -q --no-cache");
    EXPECT_EQ(r.code, 0) << r.out;  // every case ran; none could stop the run
    const auto cases = rows();
    ASSERT_EQ(cases.size(), 2u);
    for (const auto& c : cases) {
        EXPECT_EQ(c["status"], "error");
        EXPECT_EQ(c["attempts"], 2);  // the first try and one retry (retries: 1)
        EXPECT_NE(c["error"].get<std::string>().find("retryable"), std::string::npos) << c.dump();
    }
}

TEST_F(RemoteRun, AWrongKeyStopsTheRunWithOneSentence) {
    FakeServer server("unauthorized");
    configure(server.url(), "sync");
    const Result r = run("run " + kSuite + " --tool pplx --db ep.db --limit 3 -j 1 -q --no-cache");
    EXPECT_EQ(r.code, 1) << r.out;
    EXPECT_NE(r.out.find("PPLX_API_KEY"), std::string::npos) << r.out;
    EXPECT_EQ(rows().size(), 1u);  // the first answer said it all; no paid request followed
}

}  // namespace
