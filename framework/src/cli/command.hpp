// What every command shares: its signature, the usage error, option parsing with --help.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace evalpanel::cli {

namespace po = boost::program_options;

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// A mistake on the command line or in an input file: printed as one sentence, exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

const std::vector<Command>& commands();

// Parses `args` against `options` (+ positional); prints help and returns false when --help was given.
bool parse(const std::string& usage, const std::vector<std::string>& args, po::options_description& options,
           const po::positional_options_description& positional, po::variables_map& vm);

// --db PATH, shared by every command that reads or writes the store.
void add_db_option(po::options_description& options, std::string& db);

std::string evalpanel_version();

int run_command(const std::vector<std::string>& args);
int runs_command(const std::vector<std::string>& args);
int report_command(const std::vector<std::string>& args);
int export_command(const std::vector<std::string>& args);
int plugins_command(const std::vector<std::string>& args);
int suite_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int score_command(const std::vector<std::string>& args);
int vote_command(const std::vector<std::string>& args);
int merge_command(const std::vector<std::string>& args);
int new_plugin_command(const std::vector<std::string>& args);

}  // namespace evalpanel::cli
