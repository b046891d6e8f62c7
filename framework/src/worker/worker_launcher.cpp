#include "worker/worker_launcher.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

#include "worker/zygote_client.hpp"

namespace evalpanel::worker {

namespace fs = std::filesystem;

namespace {

// One plugin's zygote, or why there is none; the fallback to spawning is said once per zygote.
struct ZygoteEntry {
    std::shared_ptr<ZygoteClient> client;
    bool fallback_said = false;
};

// The zygotes of this host, by worker executable and plugin file. Never destroyed: a zygote lives as
// long as its host (it dies with it, and its workers with it), and destroying clients at exit would
// race slots that still run in detached threads.
class ZygoteRegistry {
public:
    static ZygoteRegistry& instance() {
        static auto* registry = new ZygoteRegistry;
        return *registry;
    }

    // The live zygote for this plugin, started on first use; nullptr when it cannot start or has died
    // (said on stderr the first time).
    std::shared_ptr<ZygoteClient> zygote_for(const fs::path& worker_executable, const fs::path& plugin_file) {
        const std::lock_guard lock(mutex_);
        const auto key = std::make_pair(worker_executable, plugin_file);
        auto [found, inserted] = entries_.try_emplace(key);
        ZygoteEntry& entry = found->second;
        std::string why;
        if (inserted) entry.client = ZygoteClient::start(worker_executable, plugin_file, why);
        if (entry.client && entry.client->alive()) return entry.client;
        if (entry.client) why = "the worker zygote for " + plugin_file.string() + " " + entry.client->ended_how();
        if (!entry.fallback_said) {
            std::fprintf(stderr, "evalpanel: %s; its workers are spawned one by one from now on\n", why.c_str());
            entry.fallback_said = true;
        }
        return nullptr;
    }

private:
    std::mutex mutex_;
    std::map<std::pair<fs::path, fs::path>, ZygoteEntry> entries_;
};

}  // namespace

bool zygotes_enabled() {
    const char* setting = std::getenv("EVALPANEL_WORKER_ZYGOTE");
    return !(setting && std::string(setting) == "0");
}

void prestart_zygote(const fs::path& worker_executable, const fs::path& plugin_file) {
    if (zygotes_enabled()) ZygoteRegistry::instance().zygote_for(worker_executable, plugin_file);
}

std::unique_ptr<ChildProcess> start_worker(const fs::path& worker_executable, const fs::path& plugin_file,
                                           std::string& why) {
    if (zygotes_enabled()) {
        if (auto zygote = ZygoteRegistry::instance().zygote_for(worker_executable, plugin_file)) {
            if (auto child = zygote->fork_worker(why)) return child;
            // It died between the check and the fork: the next start says so; this one spawns.
        }
    }
    return ChildProcess::spawn(worker_executable, {plugin_file.string()}, why);
}

}  // namespace evalpanel::worker
