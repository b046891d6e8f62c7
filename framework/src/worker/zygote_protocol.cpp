#include "worker/zygote_protocol.hpp"

#include <cerrno>
#include <algorithm>
#include <cstring>

#include <sys/socket.h>
#include <unistd.h>

namespace evalpanel::worker {

namespace {

constexpr char kForkRequest = 'F';
constexpr std::size_t kPassedDescriptors = 2;

// Retries a socket call interrupted by a signal (the zygote takes SIGCHLD through a signalfd, but a
// host thread may see other signals).
template <typename Call>
ssize_t retrying(Call call) {
    ssize_t n;
    do {
        n = call();
    } while (n < 0 && errno == EINTR);
    return n;
}

// A fork request as it travels: one byte, and room for the two descriptors beside it. Both ends build
// the same message; it points into itself, so it is neither copied nor moved.
struct ForkRequestFrame {
    char byte = 0;
    iovec io{&byte, 1};
    alignas(cmsghdr) char control[CMSG_SPACE(kPassedDescriptors * sizeof(int))] = {};
    msghdr message{};

    ForkRequestFrame() {
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof(control);
    }
    ForkRequestFrame(const ForkRequestFrame&) = delete;
    ForkRequestFrame& operator=(const ForkRequestFrame&) = delete;
};

}  // namespace

bool send_fork_request(int socket, int worker_in, int worker_out) {
    ForkRequestFrame frame;
    frame.byte = kForkRequest;
    cmsghdr* header = CMSG_FIRSTHDR(&frame.message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(kPassedDescriptors * sizeof(int));
    const int fds[kPassedDescriptors] = {worker_in, worker_out};
    std::memcpy(CMSG_DATA(header), fds, sizeof(fds));
    return retrying([&] { return ::sendmsg(socket, &frame.message, MSG_NOSIGNAL); }) == 1;
}

Received receive_fork_request(int socket, int& worker_in, int& worker_out) {
    ForkRequestFrame frame;
    const ssize_t n = retrying([&] { return ::recvmsg(socket, &frame.message, MSG_CMSG_CLOEXEC); });
    if (n == 0) return Received::closed;
    const cmsghdr* header = n == 1 ? CMSG_FIRSTHDR(&frame.message) : nullptr;
    if (!header || header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS) return Received::failed;
    const std::size_t count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    int fds[kPassedDescriptors] = {-1, -1};
    std::memcpy(fds, CMSG_DATA(header), std::min(count, kPassedDescriptors) * sizeof(int));
    if (frame.byte != kForkRequest || count != kPassedDescriptors || (frame.message.msg_flags & MSG_CTRUNC)) {
        for (int fd : fds) if (fd >= 0) ::close(fd);
        return Received::failed;
    }
    worker_in = fds[0];
    worker_out = fds[1];
    return Received::message;
}

bool send_report(int socket, const ZygoteReport& report) {
    return retrying([&] { return ::send(socket, &report, sizeof(report), MSG_NOSIGNAL); }) == sizeof(report);
}

Received receive_report(int socket, ZygoteReport& report) {
    const ssize_t n = retrying([&] { return ::recv(socket, &report, sizeof(report), 0); });
    if (n == 0) return Received::closed;
    return n == sizeof(report) ? Received::message : Received::failed;
}

}  // namespace evalpanel::worker
