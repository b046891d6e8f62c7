// evalpanel-worker PLUGIN_FILE: the process an isolated tool runs in (worker/isolated_slot.hpp). It
// loads the plugin and serves it over stdin/stdout until the host closes stdin.
// evalpanel-worker --zygote PLUGIN_FILE: loads the plugin once and forks such workers on request of the
// host, over a control socket on stdin/stdout (worker/zygote_server.hpp).
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <unistd.h>

#include "worker/worker_process_setup.hpp"
#include "worker/worker_server.hpp"
#include "worker/zygote_server.hpp"

int main(int argc, char** argv) {
    const bool zygote = argc == 3 && std::string_view(argv[1]) == "--zygote";
    if (argc != 2 && !zygote) {
        std::fprintf(stderr,
                     "usage: evalpanel-worker [--zygote] PLUGIN_FILE (started by evalpanel, speaking on stdin/stdout)\n");
        return 2;
    }
    // (The signal follows the host *thread* that started the worker; the runner's threads outlive the
    // slots they restart, so that is the run's end.)
    if (!evalpanel::worker::tie_to_parent(::getppid())) return 1;

    // As in evalpanel's own main: the host owns parallelism, an engine's OpenMP pool must not add to it.
    setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);

    int protocol_in = -1;
    int protocol_out = -1;
    if (!evalpanel::worker::take_protocol_descriptors(protocol_in, protocol_out)) return 2;
    if (zygote) return evalpanel::worker::serve_zygote(argv[2], protocol_in, protocol_out);
    return evalpanel::worker::serve_plugin(argv[1], protocol_in, protocol_out);
}
