// The control socket between the host and a worker zygote (zygote_client.hpp, zygote_server.hpp): a
// SOCK_SEQPACKET socketpair, so each send is one whole message.
//   host → zygote: a fork request: one byte, carrying the new worker's stdin and stdout (SCM_RIGHTS);
//   zygote → host: a ZygoteReport: a worker was forked (its pid), or a worker ended (its wait status).
#pragma once

#include <cstdint>

namespace evalpanel::worker {

struct ZygoteReport {
    enum class Kind : std::int32_t { forked = 1, fork_failed = 2, exited = 3 };
    Kind kind = Kind::forked;
    std::int32_t pid = 0;          // the worker's; 0 for fork_failed
    std::int32_t value = 0;        // exited: the waitpid() status; fork_failed: the errno of fork()
};

enum class Received { message, closed, failed };

// Sends a fork request with the worker's two descriptors. false (errno set) when it cannot.
bool send_fork_request(int socket, int worker_in, int worker_out);
// Receives a fork request; on `message` both descriptors are the caller's (close-on-exec, above fd 2).
Received receive_fork_request(int socket, int& worker_in, int& worker_out);

bool send_report(int socket, const ZygoteReport& report);
Received receive_report(int socket, ZygoteReport& report);

}  // namespace evalpanel::worker
