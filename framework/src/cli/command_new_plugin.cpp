// evalpanel new-plugin NAME --dir DIR: writes a buildable plugin project (docs/writing-a-plugin.md).
#include <fstream>
#include <iostream>
#include <regex>

#include "cli/command.hpp"
#include "cli/plugin_scaffold.hpp"

namespace evalpanel::cli {

int new_plugin_command(const std::vector<std::string>& args) {
    std::string name, dir;
    po::options_description options("new-plugin options");
    options.add_options()
        ("name", po::value(&name), "the plugin's name: lower-case letters, digits and _ (e.g. my_ocr)")
        ("dir", po::value(&dir), "where to write the project (default: ./NAME); must not exist or be empty");
    po::positional_options_description positional;
    positional.add("name", 1);
    po::variables_map vm;
    if (!parse("evalpanel new-plugin NAME [--dir DIR]", args, options, positional, vm)) return kExitOk;
    if (!std::regex_match(name, std::regex("[a-z][a-z0-9_]*"))) {
        throw UsageError("a plugin name is lower-case letters, digits and _, starting with a letter (got '" + name + "')");
    }
    const std::filesystem::path root = dir.empty() ? std::filesystem::path(name) : std::filesystem::path(dir);
    if (std::filesystem::exists(root) && !std::filesystem::is_empty(root)) {
        throw UsageError(root.string() + " exists and is not empty: nothing was written");
    }
    for (const auto& [relative, content] : plugin_scaffold(name)) {
        const std::filesystem::path file = root / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary);
        if (!(out << content)) throw UsageError(file.string() + ": cannot write");
        std::cout << "wrote " << file.string() << "\n";
    }
    std::cout << "next: cmake -S " << root.string() << " -B " << (root / "build").string()
              << " -DCMAKE_PREFIX_PATH=<evalpanel prefix> && cmake --build " << (root / "build").string()
              << " && ctest --test-dir " << (root / "build").string() << "\n";
    return kExitOk;
}

}  // namespace evalpanel::cli
