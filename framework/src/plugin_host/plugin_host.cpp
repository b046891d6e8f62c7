#include "plugin_host/plugin_host.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <evalpanel/plugin.hpp>

#include "plugin_host/abi_check.hpp"

namespace evalpanel::plugin_host {

namespace fs = std::filesystem;

struct LoadedPlugin::Impl {
    std::shared_ptr<boost::dll::shared_library> library;
    ToolFactory* factory = nullptr;
    PluginEntry entry;
};

LoadedPlugin::LoadedPlugin(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

const PluginEntry& LoadedPlugin::entry() const { return impl_->entry; }

std::shared_ptr<Tool> LoadedPlugin::create_tool() const {
    ToolFactoryResult made = impl_->factory();
    if (!made.tool) {
        throw PluginError("plugin '" + impl_->entry.name + "' (" + impl_->entry.path.string() +
                          ") could not create its tool: " + made.error);
    }
    // The deleter owns a reference to the library: the Tool's code stays mapped until the Tool is gone.
    auto library = impl_->library;
    Tool* raw = made.tool.release();
    return std::shared_ptr<Tool>(raw, [library](Tool* tool) { delete tool; });
}

std::string plugin_file_name(const std::string& name) { return "evalpanel_plugin_" + name + ".so"; }

std::vector<fs::path> plugin_search_paths(const std::vector<fs::path>& cli_paths) {
    std::vector<fs::path> paths = cli_paths;
    if (const char* env = std::getenv("EVALPANEL_PLUGIN_PATH"); env && *env) {
        std::stringstream list(env);
        std::string item;
        while (std::getline(list, item, ':')) {
            if (!item.empty()) paths.emplace_back(item);
        }
    }
    std::error_code ec;
    const fs::path exe = boost::dll::program_location(ec);
    if (!ec) {
        // Unlike a path the user named, the built-in folder is only searched when it is there.
        const fs::path builtin = (exe.parent_path() / ".." / "lib" / "evalpanel" / "plugins").lexically_normal();
        if (fs::is_directory(builtin, ec)) paths.push_back(builtin);
    }
    return paths;
}

PluginHost::PluginHost(std::vector<fs::path> search_paths) : search_paths_(std::move(search_paths)) {}

namespace {

bool is_plugin_file_name(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.starts_with("evalpanel_plugin_") && p.extension() == ".so";
}

// Loads the library and checks its descriptor; on success fills `impl`. Returns the refusal otherwise.
std::string open_plugin(const fs::path& file, LoadedPlugin::Impl& impl) {
    PluginEntry& entry = impl.entry;
    std::error_code ec;
    if (!fs::exists(file, ec)) return "no such file";
    if (!fs::is_regular_file(file, ec)) return "not a regular file";

    auto library = std::make_shared<boost::dll::shared_library>();
    boost::dll::fs::error_code load_error;
    library->load(file, boost::dll::load_mode::default_mode, load_error);
    if (load_error) {
        std::string why = load_error.message();
        // dlerror() says more than the error code ("invalid ELF header", "undefined symbol: ...").
        return "cannot be loaded as a shared library (" + why + ")";
    }
    if (!library->has(abi::descriptor_symbol)) {
        return "is a shared library but not an evalpanel plugin: it exports no '" +
               std::string(abi::descriptor_symbol) + "'";
    }
    const auto& get_descriptor = library->get_alias<AbiDescriptorGetter>(abi::descriptor_symbol);
    const evalpanel_abi_descriptor* descriptor = get_descriptor();
    if (descriptor == nullptr || descriptor->magic != EVALPANEL_ABI_MAGIC) {
        return "exports '" + std::string(abi::descriptor_symbol) + "' but it is not an evalpanel ABI descriptor";
    }
    if (descriptor->struct_size < sizeof(evalpanel_abi_descriptor)) {
        return "has an ABI descriptor from an older SDK (ABI " + std::to_string(descriptor->sdk_abi_version) +
               "); rebuild the plugin against this evalpanel's SDK";
    }
    entry.name = descriptor->plugin_name ? descriptor->plugin_name : "";
    entry.version = descriptor->plugin_version ? descriptor->plugin_version : "";
    entry.built_with = describe_build(*descriptor);
    const evalpanel_abi_descriptor host = abi::this_side();
    if (std::string mismatch = abi_mismatch(*descriptor, host); !mismatch.empty()) return mismatch;
    if (!library->has(abi::factory_symbol)) {
        return "has an ABI descriptor but no factory '" + std::string(abi::factory_symbol) + "'";
    }
    impl.factory = &library->get_alias<ToolFactory>(abi::factory_symbol);
    impl.library = std::move(library);
    return {};
}

// One file opened, its descriptor checked and a fresh Tool described; the refusal, if any, is in the
// entry. The library stays open in the result, so an accepted plugin is used as probed, not opened again.
std::shared_ptr<LoadedPlugin::Impl> open_and_describe(const fs::path& file) {
    auto impl = std::make_shared<LoadedPlugin::Impl>();
    impl->entry.path = file;
    impl->entry.refusal = open_plugin(file, *impl);
    if (impl->entry.ok()) {
        try {
            LoadedPlugin plugin(impl);
            impl->entry.info = plugin.create_tool()->describe();
        } catch (const std::exception& e) {
            impl->entry.refusal = e.what();
        }
    }
    return impl;
}

}  // namespace

PluginEntry PluginHost::probe(const fs::path& file) { return open_and_describe(file)->entry; }

LoadedPlugin PluginHost::load_file(const fs::path& file) {
    auto impl = std::make_shared<LoadedPlugin::Impl>();
    impl->entry.path = file;
    if (std::string refusal = open_plugin(file, *impl); !refusal.empty()) {
        throw PluginError("the plugin file " + file.string() + " was refused: " + refusal);
    }
    return LoadedPlugin(impl);
}

std::vector<PluginEntry> PluginHost::discover() const {
    std::vector<PluginEntry> entries;
    std::map<std::string, fs::path> first_seen;
    for (const fs::path& search : search_paths_) {
        std::error_code ec;
        std::vector<fs::path> files;
        if (fs::is_directory(search, ec)) {
            for (const auto& item : fs::directory_iterator(search, ec)) {
                if (is_plugin_file_name(item.path())) files.push_back(item.path());
            }
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(search);  // a file named on purpose is probed whatever its name
        }
        for (const fs::path& file : files) {
            PluginEntry entry = probe(file);
            if (entry.ok()) {
                auto [it, inserted] = first_seen.emplace(entry.name, file);
                if (!inserted) entry.refusal = "shadowed by " + it->second.string() + ", found earlier in the search path";
            }
            entries.push_back(std::move(entry));
        }
    }
    return entries;
}

std::vector<fs::path> PluginHost::files_named(const std::string& name) const {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const fs::path& place : search_paths_) {
        const fs::path candidate = fs::is_directory(place, ec) ? place / plugin_file_name(name) : place;
        if (candidate.filename() == plugin_file_name(name) && fs::is_regular_file(candidate, ec)) files.push_back(candidate);
    }
    return files;
}

std::optional<fs::path> PluginHost::locate(const std::string& name) const {
    const std::vector<fs::path> files = files_named(name);
    if (files.empty()) return std::nullopt;
    return files.front();
}

LoadedPlugin PluginHost::load(const std::string& name) const {
    std::vector<std::string> refused;
    // The files named after the plugin first, each opened alone: a run loads the plugins it uses and no
    // other, so another plugin in the search path that is broken, crashes while it loads or is slow to
    // load cannot stop or slow it. Only a name no file is named after is looked for among every plugin's
    // declared name, which opens them all.
    for (const fs::path& file : files_named(name)) {
        std::shared_ptr<LoadedPlugin::Impl> impl = open_and_describe(file);
        if (impl->entry.ok()) return LoadedPlugin(impl);
        refused.push_back(file.string() + " " + impl->entry.refusal);
    }
    if (!refused.empty()) throw PluginError("plugin '" + name + "' was refused: " + refused.front());
    for (const PluginEntry& entry : discover()) {
        const bool named = entry.name == name || entry.path.filename() == plugin_file_name(name);
        if (!named) continue;
        if (!entry.ok()) {
            refused.push_back(entry.path.string() + " " + entry.refusal);
            continue;
        }
        auto impl = std::make_shared<LoadedPlugin::Impl>();
        impl->entry = entry;
        if (std::string refusal = open_plugin(entry.path, *impl); !refusal.empty()) {
            throw PluginError("plugin '" + name + "' at " + entry.path.string() + " " + refusal);
        }
        return LoadedPlugin(impl);
    }
    if (!refused.empty()) throw PluginError("plugin '" + name + "' was refused: " + refused.front());
    std::string where;
    for (const auto& p : search_paths_) where += (where.empty() ? "" : ", ") + p.string();
    throw PluginError("no plugin named '" + name + "' in " + (where.empty() ? "(no search path)" : where));
}

}  // namespace evalpanel::plugin_host
