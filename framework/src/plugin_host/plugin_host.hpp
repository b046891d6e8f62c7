// PluginHost: finds plugin libraries, reads their ABI descriptor before anything else, and refuses a
// mismatch with one sentence. The only place that calls into Boost.DLL.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <evalpanel/tool.hpp>

namespace evalpanel::plugin_host {

// What discovery learnt about one file. `refusal` is empty when the plugin can be used.
struct PluginEntry {
    std::filesystem::path path;
    std::string name;            // from the descriptor (empty when it could not be read)
    std::string version;
    std::string built_with;      // "ABI 1, gcc 12, libstdc++ 12 cxx11-abi, release"
    std::string refusal;         // one sentence: why the host will not load it
    std::optional<ToolInfo> info;  // describe() of a fresh instance, when the plugin is usable
    bool ok() const { return refusal.empty(); }
};

// A usable plugin. Tools it creates keep its library loaded for as long as they live, so a Tool can
// never outlive its code (DESIGN.md "Plugin boundary").
class LoadedPlugin {
public:
    struct Impl;
    explicit LoadedPlugin(std::shared_ptr<Impl> impl);

    const PluginEntry& entry() const;
    // A new, unconfigured Tool. Throws PluginError when the plugin's factory reports a failure.
    std::shared_ptr<Tool> create_tool() const;

private:
    std::shared_ptr<Impl> impl_;
};

class PluginError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where plugins are looked for, in order: each --plugin-path, then each entry of EVALPANEL_PLUGIN_PATH
// (colon-separated), then the directory next to the executable (../lib/evalpanel/plugins) if it exists,
// which is where both the build tree and an install put the shipped plugins. Nothing else is searched.
std::vector<std::filesystem::path> plugin_search_paths(const std::vector<std::filesystem::path>& cli_paths);

// The file name a plugin called NAME is built as.
std::string plugin_file_name(const std::string& name);

class PluginHost {
public:
    explicit PluginHost(std::vector<std::filesystem::path> search_paths);

    // Every plugin file found: a search path that is a directory contributes its evalpanel_plugin_*.so
    // files; one that is a file is probed as it is; one that does not exist is an entry with a refusal.
    // A plugin name found again later in the search order is refused as shadowed.
    std::vector<PluginEntry> discover() const;

    // The usable plugin of that name: the first accepted file named plugin_file_name(name) in the search
    // paths, opened without opening any other plugin; only when no file has that name, the first plugin
    // whose descriptor declares it (which probes every plugin). Throws PluginError with one sentence (not
    // found, refused).
    LoadedPlugin load(const std::string& name) const;

    // The file load(name) would most likely open: the first file named plugin_file_name(name) in the
    // search paths, found without loading anything. A guess for starting work early (a worker zygote):
    // load() alone says which plugin is used, and whether it is accepted.
    std::optional<std::filesystem::path> locate(const std::string& name) const;

    // Probes one file: loads it, checks the descriptor, describes a fresh Tool. Never throws.
    static PluginEntry probe(const std::filesystem::path& file);

    // Loads one file named on purpose (an isolated worker's plugin): the same descriptor check as
    // load(), no search. Throws PluginError with one sentence when the file is refused.
    static LoadedPlugin load_file(const std::filesystem::path& file);

    const std::vector<std::filesystem::path>& search_paths() const { return search_paths_; }

private:
    // Every file named plugin_file_name(name), in search order, none of them opened.
    std::vector<std::filesystem::path> files_named(const std::string& name) const;

    std::vector<std::filesystem::path> search_paths_;
};

}  // namespace evalpanel::plugin_host
