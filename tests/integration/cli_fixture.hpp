// The Cli fixture: runs the built `evalpanel` binary as a user would, in a temporary folder.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace evalpanel_cli_test {

namespace fs = std::filesystem;

const fs::path kBinary = fs::path(EVALPANEL_BINARY_DIR) / "bin" / "evalpanel";
const fs::path kTestPlugins = fs::path(EVALPANEL_BINARY_DIR) / "test-plugins";
const fs::path kSource = EVALPANEL_SOURCE_DIR;

struct Result {
    int code = -1;
    std::string out;  // stdout and stderr together
};

class Cli : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = fs::temp_directory_path() / ("evalpanel_cli_" + std::to_string(rd()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    Result run(const std::string& args) const {
        const std::string command = "cd '" + dir_.string() + "' && '" + kBinary.string() + "' " + args + " 2>&1";
        Result result;
        std::FILE* pipe = ::popen(command.c_str(), "r");
        std::array<char, 4096> buffer{};
        while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
        const int status = ::pclose(pipe);
        result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return result;
    }

public:
    void write(const fs::path& relative, const std::string& text) const {
        fs::create_directories((dir_ / relative).parent_path());
        std::ofstream(dir_ / relative, std::ios::binary) << text;
    }

    // A suite for the test-only echo plugin: each case's "image" is a text file holding the answer.
    void write_echo_suite() const {
        write("suite/answers/a.txt", "helo world");
        write("suite/answers/b.txt", "TOTAL $12.50");
        write("suite/answers/c.txt", "!bad_input");
        write("suite/answers/d.txt", "!sleep 5000 too late");
        write("suite/answers/e.txt", "!throw");
        write("suite/echo.yaml",
              "suite: echo-suite\n"
              "task: ocr\n"
              "metrics: [cer, wer, exact_match]\n"
              "cases:\n"
              "  - {id: a, image: answers/a.txt, expected: hello world, tags: [clean]}\n"
              "  - {id: b, image: answers/b.txt, expected: TOTAL $12.50, tags: [clean, price]}\n"
              "  - {id: c, image: answers/c.txt, expected: x, tags: [degraded]}\n"
              "  - {id: d, image: answers/d.txt, expected: too late, tags: [degraded]}\n"
              "  - {id: e, image: answers/e.txt, expected: y, tags: [degraded]}\n");
        write("evalpanel.yaml", "tools:\n  echo:\n    plugin: echo\n    retries: 0\n");
    }

protected:
    std::vector<nlohmann::json> export_rows(const std::string& run = "latest") const {
        const Result r = this->run("export --run " + run + " --db ep.db");
        EXPECT_EQ(r.code, 0) << r.out;
        std::vector<nlohmann::json> rows;
        std::istringstream lines(r.out);
        std::string line;
        while (std::getline(lines, line)) {
            if (!line.empty() && line.front() == '{') rows.push_back(nlohmann::json::parse(line));
        }
        return rows;
    }

    fs::path dir_;
};

}  // namespace evalpanel_cli_test
