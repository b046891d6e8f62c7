#include "worker/worker_protocol.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>

namespace evalpanel::worker {

std::string_view to_string(MessageKind kind) {
    switch (kind) {
        case MessageKind::hello: return "hello";
        case MessageKind::refused: return "refused";
        case MessageKind::configure: return "configure";
        case MessageKind::configured: return "configured";
        case MessageKind::describe: return "describe";
        case MessageKind::described: return "described";
        case MessageKind::call: return "call";
        case MessageKind::answer: return "answer";
        case MessageKind::threw: return "threw";
    }
    return "?";
}

namespace {

void put_u32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

std::uint32_t get_u32(std::string_view bytes) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
    return value;
}

bool known_kind(std::uint8_t kind) {
    return kind >= static_cast<std::uint8_t>(MessageKind::hello) && kind <= static_cast<std::uint8_t>(MessageKind::threw);
}

// poll() takes milliseconds: round up, so a wait never ends just before its deadline and spins.
int remaining_ms(Deadline deadline) {
    if (!deadline) return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 0, 1 << 30));
}

// Waits until `fd` is ready for `events` (or has hung up, which the next read/write reports).
IoResult wait_for(int fd, short events, Deadline deadline) {
    for (;;) {
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, remaining_ms(deadline));
        if (ready > 0) return {};
        if (ready == 0) return {IoStatus::timed_out, {}};
        if (errno != EINTR) return {IoStatus::failed, std::string("poll failed: ") + std::strerror(errno)};
    }
}

}  // namespace

std::string encode_prefix(const FramePrefix& prefix) {
    std::string out;
    out.reserve(kFramePrefixBytes);
    out.push_back(static_cast<char>(prefix.kind));
    put_u32(out, prefix.header_bytes);
    put_u32(out, prefix.binary_bytes);
    return out;
}

bool decode_prefix(std::string_view bytes, FramePrefix& prefix, std::string& error) {
    if (bytes.size() < kFramePrefixBytes) {
        error = "a frame prefix needs " + std::to_string(kFramePrefixBytes) + " bytes, got " + std::to_string(bytes.size());
        return false;
    }
    const auto kind = static_cast<std::uint8_t>(bytes[0]);
    if (!known_kind(kind)) {
        error = "a frame has the unknown message kind " + std::to_string(kind);
        return false;
    }
    prefix.kind = static_cast<MessageKind>(kind);
    prefix.header_bytes = get_u32(bytes.substr(1, 4));
    prefix.binary_bytes = get_u32(bytes.substr(5, 4));
    const std::uint64_t total = std::uint64_t{prefix.header_bytes} + prefix.binary_bytes;
    if (total > kMaxFrameBytes) {
        error = "a " + std::string(to_string(prefix.kind)) + " frame claims " + std::to_string(total) +
                " bytes, more than the limit of " + std::to_string(kMaxFrameBytes);
        return false;
    }
    return true;
}

std::string encode_frame(MessageKind kind, std::string_view header, std::span<const std::uint8_t> binary) {
    std::string out = encode_prefix({kind, static_cast<std::uint32_t>(header.size()), static_cast<std::uint32_t>(binary.size())});
    out.append(header);
    out.append(reinterpret_cast<const char*>(binary.data()), binary.size());
    return out;
}

IoResult write_frame(int fd, MessageKind kind, std::string_view header, std::span<const std::uint8_t> binary,
                     Deadline deadline) {
    if (std::uint64_t{header.size()} + binary.size() > kMaxFrameBytes) {
        return {IoStatus::failed, "a " + std::string(to_string(kind)) + " frame of " +
                                      std::to_string(header.size() + binary.size()) + " bytes is over the limit of " +
                                      std::to_string(kMaxFrameBytes)};
    }
    const std::string prefix = encode_prefix(
        {kind, static_cast<std::uint32_t>(header.size()), static_cast<std::uint32_t>(binary.size())});
    iovec parts[3] = {
        {const_cast<char*>(prefix.data()), prefix.size()},
        {const_cast<char*>(header.data()), header.size()},
        {const_cast<std::uint8_t*>(binary.data()), binary.size()},
    };
    iovec* next = parts;
    int left = 3;
    while (left > 0) {
        const ssize_t wrote = ::writev(fd, next, left);
        if (wrote < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                if (IoResult waited = wait_for(fd, POLLOUT, deadline); waited.status != IoStatus::ok) return waited;
                continue;
            }
            if (errno == EPIPE) return {IoStatus::closed, {}};
            return {IoStatus::failed, std::string("writing a frame failed: ") + std::strerror(errno)};
        }
        // Step over what was written: whole parts, then into the part it stopped in.
        auto done = static_cast<std::size_t>(wrote);
        while (left > 0 && done >= next->iov_len) {
            done -= next->iov_len;
            ++next;
            --left;
        }
        if (left > 0) {
            next->iov_base = static_cast<char*>(next->iov_base) + done;
            next->iov_len -= done;
        }
    }
    return {};
}

FrameReader::FrameReader(int fd, std::size_t buffer_bytes) : fd_(fd), buffer_(std::max<std::size_t>(buffer_bytes, kFramePrefixBytes)) {}

IoResult FrameReader::read_some(char* out, std::size_t capacity, Deadline deadline, std::size_t& got) {
    for (;;) {
        // With a deadline, wait first: an answer is rarely there already, and poll() is what can time out.
        if (deadline) {
            if (IoResult waited = wait_for(fd_, POLLIN, deadline); waited.status != IoStatus::ok) return waited;
        }
        const ssize_t n = ::read(fd_, out, capacity);
        if (n > 0) {
            got = static_cast<std::size_t>(n);
            return {};
        }
        if (n == 0) return {IoStatus::closed, {}};
        if (errno == EINTR) continue;
        if (errno == EAGAIN) {
            if (IoResult waited = wait_for(fd_, POLLIN, deadline); waited.status != IoStatus::ok) return waited;
            continue;
        }
        return {IoStatus::failed, std::string("reading a frame failed: ") + std::strerror(errno)};
    }
}

// Copies `count` bytes into `out`: first what is buffered, then straight from the pipe when the rest is
// at least a buffer's worth (an image is not copied twice), else through the buffer. `got` counts the
// frame's bytes so far, for the message when the stream ends inside it.
IoResult FrameReader::take(char* out, std::size_t count, Deadline deadline, std::uint64_t frame_bytes,
                           std::uint64_t& got) {
    while (count > 0) {
        if (begin_ == end_) {
            begin_ = end_ = 0;
            const bool direct = count >= buffer_.size();
            std::size_t n = 0;
            IoResult more = direct ? read_some(out, count, deadline, n)
                                   : read_some(buffer_.data(), buffer_.size(), deadline, n);
            if (more.status == IoStatus::closed && got > 0) {
                return {IoStatus::failed,
                        "the stream ended inside a frame, after " + std::to_string(got) + " of " +
                            (frame_bytes ? std::to_string(frame_bytes) : "at least " + std::to_string(kFramePrefixBytes)) +
                            " bytes"};
            }
            if (more.status != IoStatus::ok) return more;
            if (direct) {
                out += n;
                count -= n;
                got += n;
                continue;
            }
            end_ = n;
        }
        const std::size_t n = std::min(count, end_ - begin_);
        std::memcpy(out, buffer_.data() + begin_, n);
        begin_ += n;
        out += n;
        count -= n;
        got += n;
    }
    return {};
}

IoResult FrameReader::read(Frame& frame, Deadline deadline) {
    std::uint64_t got = 0;
    char prefix_bytes[kFramePrefixBytes];
    if (IoResult r = take(prefix_bytes, sizeof prefix_bytes, deadline, 0, got); r.status != IoStatus::ok) return r;
    FramePrefix prefix;
    std::string error;
    if (!decode_prefix(std::string_view(prefix_bytes, sizeof prefix_bytes), prefix, error)) {
        return {IoStatus::failed, error};
    }
    const std::uint64_t frame_bytes = kFramePrefixBytes + std::uint64_t{prefix.header_bytes} + prefix.binary_bytes;
    frame.kind = prefix.kind;
    frame.header.resize(prefix.header_bytes);
    frame.binary.resize(prefix.binary_bytes);
    if (IoResult r = take(frame.header.data(), frame.header.size(), deadline, frame_bytes, got); r.status != IoStatus::ok) {
        return r;
    }
    return take(reinterpret_cast<char*>(frame.binary.data()), frame.binary.size(), deadline, frame_bytes, got);
}

}  // namespace evalpanel::worker
