// Framing between the host and an evalpanel-worker process, over a pair of pipes.
//
// One frame = a 9-byte prefix (kind: 1 byte; header length, binary length: 4 bytes each, little-endian),
// the header (a JSON value encoded as CBOR, see worker_messages.hpp) and an optional binary part (a
// request's image bytes, sent as they are). A frame is written with one writev() and read through a
// buffer, so a small round trip costs one write and one read on each side.
//
// A reader never trusts the other side: a length over kMaxFrameBytes, an unknown kind, a stream that
// ends inside a frame and a read error each come back as one sentence, never as undefined behaviour.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace evalpanel::worker {

enum class MessageKind : std::uint8_t {
    // worker -> host, once, after loading the plugin: header {name, version}, or `refused` (text header)
    hello = 1,
    refused = 2,
    // host -> worker: the plugin options; worker -> host: `configured` (null, or why it failed)
    configure = 3,
    configured = 4,
    // host -> worker: describe() the configured Tool; worker -> host: `described` (ToolInfo)
    describe = 5,
    described = 6,
    // host -> worker: one Request (binary part = image); worker -> host: `answer` (Outcome) or `threw`
    // (text header: what call() threw)
    call = 7,
    answer = 8,
    threw = 9,
};

std::string_view to_string(MessageKind kind);

constexpr std::size_t kFramePrefixBytes = 9;
// Far above any image a suite holds, far below what would exhaust memory: a larger length is corruption.
constexpr std::uint64_t kMaxFrameBytes = std::uint64_t{1} << 30;

struct Frame {
    MessageKind kind = MessageKind::hello;
    std::string header;
    std::vector<std::uint8_t> binary;
};

struct FramePrefix {
    MessageKind kind = MessageKind::hello;
    std::uint32_t header_bytes = 0;
    std::uint32_t binary_bytes = 0;
};

std::string encode_prefix(const FramePrefix& prefix);
// False + `error` (one sentence) for an unknown kind or a frame larger than kMaxFrameBytes.
bool decode_prefix(std::string_view bytes, FramePrefix& prefix, std::string& error);

// The whole frame as bytes (tests and small writers; write_frame avoids this copy).
std::string encode_frame(MessageKind kind, std::string_view header, std::span<const std::uint8_t> binary = {});

using Clock = std::chrono::steady_clock;
using Deadline = std::optional<Clock::time_point>;  // nullopt: wait as long as it takes

enum class IoStatus {
    ok,
    closed,     // the other side closed the pipe (EOF on a frame boundary, or EPIPE on write)
    timed_out,  // the deadline passed first
    failed,     // a malformed or truncated frame, or an I/O error: `error` says which
};

struct IoResult {
    IoStatus status = IoStatus::ok;
    std::string error;  // set when failed
};

// Writes one frame. Works on blocking and non-blocking descriptors (a non-blocking one honours the
// deadline even when the reader is stuck). SIGPIPE is the caller's business (sigpipe_guard.hpp).
IoResult write_frame(int fd, MessageKind kind, std::string_view header, std::span<const std::uint8_t> binary,
                     Deadline deadline = std::nullopt);

// Reads frames from one descriptor, keeping what it read beyond a frame for the next one. After a read
// that timed out or failed, where the next frame starts is unknown: the caller gives up on that peer.
class FrameReader {
public:
    explicit FrameReader(int fd, std::size_t buffer_bytes = 64 * 1024);

    IoResult read(Frame& frame, Deadline deadline = std::nullopt);

private:
    // One read() of up to `capacity` bytes (waiting until the deadline): `got` bytes, or why none.
    IoResult read_some(char* out, std::size_t capacity, Deadline deadline, std::size_t& got);
    IoResult take(char* out, std::size_t count, Deadline deadline, std::uint64_t frame_bytes, std::uint64_t& got);

    int fd_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;  // unread bytes are buffer_[begin_, end_)
    std::size_t end_ = 0;
};

}  // namespace evalpanel::worker
