#include "plugin_host/plugin_host.hpp"

#include <cstdlib>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

namespace evalpanel::plugin_host {
namespace {

namespace fs = std::filesystem;
const fs::path kPlugins = EVALPANEL_TEST_PLUGIN_DIR;

TEST(PluginHost, GoodPluginIsDescribed) {
    const PluginEntry entry = PluginHost::probe(kPlugins / "good" / plugin_file_name("echo"));
    ASSERT_TRUE(entry.ok()) << entry.refusal;
    EXPECT_EQ(entry.name, "echo");
    EXPECT_EQ(entry.version, "1.0.0");
    ASSERT_TRUE(entry.info.has_value());
    EXPECT_EQ(entry.info->tasks.size(), 2u);
}

TEST(PluginHost, OtherAbiVersionIsRefusedWithOneSentence) {
    const PluginEntry entry = PluginHost::probe(kPlugins / "abi999" / plugin_file_name("echo_abi999"));
    ASSERT_FALSE(entry.ok());
    EXPECT_NE(entry.refusal.find("built for ABI 999"), std::string::npos) << entry.refusal;
    EXPECT_EQ(entry.refusal.find('\n'), std::string::npos);
    EXPECT_EQ(entry.name, "echo_abi999");
}

TEST(PluginHost, SharedLibraryThatIsNotAPluginIsRefused) {
    const PluginEntry entry = PluginHost::probe(kPlugins / "notaplugin" / "evalpanel_plugin_not_a_plugin.so");
    ASSERT_FALSE(entry.ok());
    EXPECT_NE(entry.refusal.find("not an evalpanel plugin"), std::string::npos) << entry.refusal;
}

TEST(PluginHost, MissingFileIsRefused) {
    const PluginEntry entry = PluginHost::probe(kPlugins / "nowhere" / "evalpanel_plugin_x.so");
    EXPECT_EQ(entry.refusal, "no such file");
}

TEST(PluginHost, FileThatIsNotALibraryIsRefused) {
    const fs::path junk = fs::temp_directory_path() / "evalpanel_plugin_junk_test.so";
    std::ofstream(junk) << "this is not an ELF file";
    const PluginEntry entry = PluginHost::probe(junk);
    fs::remove(junk);
    ASSERT_FALSE(entry.ok());
    EXPECT_NE(entry.refusal.find("cannot be loaded as a shared library"), std::string::npos) << entry.refusal;
}

TEST(PluginHost, ThrowingConstructorBecomesARefusal) {
    const PluginEntry entry = PluginHost::probe(kPlugins / "failing" / plugin_file_name("failing"));
    ASSERT_FALSE(entry.ok());
    EXPECT_NE(entry.refusal.find("model file missing"), std::string::npos) << entry.refusal;
}

TEST(PluginHost, DiscoverScansDirectoriesInOrderAndMarksShadowedNames) {
    const PluginHost host({kPlugins / "good", kPlugins / "good" / plugin_file_name("echo")});
    const auto entries = host.discover();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_TRUE(entries[0].ok());
    EXPECT_NE(entries[1].refusal.find("shadowed by"), std::string::npos);
}

TEST(PluginHost, LoadCreatesToolsThatWork) {
    const PluginHost host({kPlugins / "good"});
    const LoadedPlugin plugin = host.load("echo");
    std::shared_ptr<Tool> tool = plugin.create_tool();
    ASSERT_FALSE(tool->configure({{"suffix", "!"}}).has_value());
    Request request;
    const std::string text = "TOTAL $12.50";
    request.image.assign(text.begin(), text.end());
    const Outcome outcome = tool->call(request);
    ASSERT_TRUE(std::holds_alternative<Response>(outcome));
    EXPECT_EQ(std::get<Response>(outcome).text, "TOTAL $12.50!");
}

TEST(PluginHost, ToolOutlivesHostAndPluginHandle) {
    std::shared_ptr<Tool> tool;
    {
        const PluginHost host({kPlugins / "good"});
        tool = host.load("echo").create_tool();
    }
    // The library must still be mapped: calling into it after every other handle is gone is safe.
    EXPECT_EQ(tool->describe().name, "echo");
}

TEST(PluginHost, LocateFindsTheFileLoadWouldOpenWithoutLoadingIt) {
    // The first search path holding the file wins, as in load(); a path that is the file itself counts.
    const PluginHost host({kPlugins / "nowhere", kPlugins / "abi999", kPlugins / "good"});
    EXPECT_EQ(host.locate("echo"), kPlugins / "good" / plugin_file_name("echo"));
    EXPECT_EQ(host.load("echo").entry().path, *host.locate("echo"));
    const PluginHost by_file({kPlugins / "good" / plugin_file_name("echo")});
    EXPECT_EQ(by_file.locate("echo"), kPlugins / "good" / plugin_file_name("echo"));
    EXPECT_EQ(host.locate("no_such_plugin"), std::nullopt);
    EXPECT_EQ(by_file.locate("failing"), std::nullopt);
}

TEST(PluginHost, LoadOpensOnlyThePluginItNames) {
    // The first search path holds a plugin that aborts whatever process opens it; without the lookup by
    // file name, load() would probe it (as discover() does) and this test would die.
    const PluginHost host({kPlugins / "aborts_on_load", kPlugins / "good"});
    const LoadedPlugin plugin = host.load("echo");
    EXPECT_EQ(plugin.entry().path, kPlugins / "good" / plugin_file_name("echo"));
    Request request;
    request.image = {'h', 'i'};
    const Outcome outcome = plugin.create_tool()->call(request);
    ASSERT_TRUE(std::holds_alternative<Response>(outcome));
    EXPECT_EQ(std::get<Response>(outcome).text, "hi");
}

TEST(PluginHost, LoadSkipsARefusedFileForTheNextOneOfThatName) {
    // A copy of the ABI-999 build named like the good echo, earlier in the search path: refused, and the
    // good one found after it is loaded, as when every plugin was probed.
    const fs::path dir = fs::temp_directory_path() / ("evalpanel-plugin-host-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::copy_file(kPlugins / "abi999" / plugin_file_name("echo_abi999"), dir / plugin_file_name("echo"),
                  fs::copy_options::overwrite_existing);
    const PluginHost host({dir, kPlugins / "good"});
    EXPECT_EQ(host.load("echo").entry().path, kPlugins / "good" / plugin_file_name("echo"));
    const PluginHost only_refused({dir});
    try {
        only_refused.load("echo");
        FAIL() << "expected PluginError";
    } catch (const PluginError& e) {
        EXPECT_NE(std::string(e.what()).find("built for ABI 999"), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}

TEST(PluginHost, LoadUnknownNameSaysWhereItLooked) {
    const PluginHost host({kPlugins / "good"});
    try {
        host.load("nonexistent");
        FAIL() << "expected PluginError";
    } catch (const PluginError& e) {
        EXPECT_NE(std::string(e.what()).find("no plugin named 'nonexistent'"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find((kPlugins / "good").string()), std::string::npos);
    }
}

TEST(PluginHost, LoadRefusedPluginSaysWhy) {
    const PluginHost host({kPlugins / "abi999"});
    try {
        host.load("echo_abi999");
        FAIL() << "expected PluginError";
    } catch (const PluginError& e) {
        EXPECT_NE(std::string(e.what()).find("built for ABI 999"), std::string::npos) << e.what();
    }
}

TEST(PluginHost, SearchPathOrderIsCliThenEnvThenBuiltIn) {
    ::setenv("EVALPANEL_PLUGIN_PATH", "/env/a:/env/b", 1);
    const auto paths = plugin_search_paths({"/cli"});
    ::unsetenv("EVALPANEL_PLUGIN_PATH");
    ASSERT_GE(paths.size(), 3u);
    ASSERT_LE(paths.size(), 4u);  // the built-in folder only when it exists
    EXPECT_EQ(paths[0], "/cli");
    EXPECT_EQ(paths[1], "/env/a");
    EXPECT_EQ(paths[2], "/env/b");
    if (paths.size() == 4) {
        EXPECT_EQ(paths[3].filename(), "plugins");
    }
}

}  // namespace
}  // namespace evalpanel::plugin_host
