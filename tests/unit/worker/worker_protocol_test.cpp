#include "worker/worker_protocol.hpp"

#include <csignal>
#include <numeric>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "worker/sigpipe_guard.hpp"

namespace evalpanel::worker {
namespace {

using namespace std::chrono_literals;

// Both ends of a pipe, closed when the test is done with them.
struct TestPipe {
    int read_end = -1;
    int write_end = -1;
    TestPipe() {
        int ends[2];
        EXPECT_EQ(::pipe2(ends, O_CLOEXEC), 0);
        read_end = ends[0];
        write_end = ends[1];
    }
    ~TestPipe() {
        close_read();
        close_write();
    }
    void close_read() {
        if (read_end >= 0) ::close(read_end);
        read_end = -1;
    }
    void close_write() {
        if (write_end >= 0) ::close(write_end);
        write_end = -1;
    }
    void write_raw(const std::string& bytes) const {
        ASSERT_EQ(::write(write_end, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    }
};

std::vector<std::uint8_t> every_byte_value() {
    std::vector<std::uint8_t> bytes(256);
    std::iota(bytes.begin(), bytes.end(), 0);
    return bytes;
}

TEST(WorkerProtocol, PrefixRoundTripsEveryKind) {
    for (int k = 1; k <= 9; ++k) {
        const FramePrefix sent{static_cast<MessageKind>(k), 0x00020304u, 0x000B0C0Du};
        const std::string bytes = encode_prefix(sent);
        ASSERT_EQ(bytes.size(), kFramePrefixBytes);
        EXPECT_EQ(bytes[1], '\x04');  // little-endian on the wire, whatever the machine
        FramePrefix got;
        std::string error;
        ASSERT_TRUE(decode_prefix(bytes, got, error)) << error;
        EXPECT_EQ(got.kind, sent.kind);
        EXPECT_EQ(got.header_bytes, sent.header_bytes);
        EXPECT_EQ(got.binary_bytes, sent.binary_bytes);
    }
}

TEST(WorkerProtocol, UnknownKindIsRefused) {
    for (char kind : {'\0', '\x0A', '\xC8'}) {
        std::string bytes = encode_prefix({MessageKind::hello, 1, 1});
        bytes[0] = kind;
        FramePrefix got;
        std::string error;
        EXPECT_FALSE(decode_prefix(bytes, got, error));
        EXPECT_NE(error.find("unknown message kind"), std::string::npos) << error;
    }
}

TEST(WorkerProtocol, LengthOverTheCapIsRefused) {
    FramePrefix got;
    std::string error;
    EXPECT_FALSE(decode_prefix(encode_prefix({MessageKind::call, 0xFFFFFFFFu, 0}), got, error));
    EXPECT_NE(error.find("more than the limit"), std::string::npos) << error;
    // Two lengths each under the cap whose sum is over it.
    EXPECT_FALSE(decode_prefix(encode_prefix({MessageKind::call, 1u << 29, (1u << 29) + 1}), got, error));
    EXPECT_TRUE(decode_prefix(encode_prefix({MessageKind::call, 1u << 29, 1u << 29}), got, error)) << error;
}

TEST(WorkerProtocol, ShortPrefixIsRefused) {
    FramePrefix got;
    std::string error;
    EXPECT_FALSE(decode_prefix(encode_prefix({MessageKind::call, 1, 1}).substr(0, 5), got, error));
    EXPECT_NE(error.find("got 5"), std::string::npos) << error;
}

TEST(WorkerProtocol, FrameRoundTripsThroughAPipe) {
    TestPipe pipe;
    const std::string header = std::string("head\0er", 7);
    const auto binary = every_byte_value();
    ASSERT_EQ(write_frame(pipe.write_end, MessageKind::call, header, binary).status, IoStatus::ok);
    FrameReader reader(pipe.read_end);
    Frame frame;
    const IoResult got = reader.read(frame, Clock::now() + 5s);
    ASSERT_EQ(got.status, IoStatus::ok) << got.error;
    EXPECT_EQ(frame.kind, MessageKind::call);
    EXPECT_EQ(frame.header, header);
    EXPECT_EQ(frame.binary, binary);
}

TEST(WorkerProtocol, FramesLargerThanTheBufferArriveWhole) {
    TestPipe pipe;
    std::vector<std::uint8_t> big(3 * 1024 * 1024 + 7);
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<std::uint8_t>(i * 31);
    const std::string header(100 * 1024, 'h');  // larger than the reader's buffer too
    std::thread writer([&] { EXPECT_EQ(write_frame(pipe.write_end, MessageKind::call, header, big).status, IoStatus::ok); });
    FrameReader reader(pipe.read_end);
    Frame frame;
    const IoResult got = reader.read(frame, Clock::now() + 20s);
    writer.join();
    ASSERT_EQ(got.status, IoStatus::ok) << got.error;
    EXPECT_EQ(frame.header, header);
    EXPECT_EQ(frame.binary, big);
}

TEST(WorkerProtocol, SeveralFramesInOneWriteAreReadInOrder) {
    TestPipe pipe;
    pipe.write_raw(encode_frame(MessageKind::hello, "one") + encode_frame(MessageKind::answer, "two", every_byte_value()) +
                   encode_frame(MessageKind::threw, ""));
    FrameReader reader(pipe.read_end, 16);  // a tiny buffer: frames straddle refills
    Frame frame;
    ASSERT_EQ(reader.read(frame).status, IoStatus::ok);
    EXPECT_EQ(frame.header, "one");
    ASSERT_EQ(reader.read(frame).status, IoStatus::ok);
    EXPECT_EQ(frame.header, "two");
    EXPECT_EQ(frame.binary, every_byte_value());
    ASSERT_EQ(reader.read(frame).status, IoStatus::ok);
    EXPECT_EQ(frame.kind, MessageKind::threw);
    EXPECT_TRUE(frame.header.empty());
    EXPECT_TRUE(frame.binary.empty());
}

TEST(WorkerProtocol, EndOfStreamBetweenFramesIsClosed) {
    TestPipe pipe;
    pipe.write_raw(encode_frame(MessageKind::hello, "x"));
    pipe.close_write();
    FrameReader reader(pipe.read_end);
    Frame frame;
    EXPECT_EQ(reader.read(frame).status, IoStatus::ok);
    const IoResult end = reader.read(frame, Clock::now() + 5s);
    EXPECT_EQ(end.status, IoStatus::closed);
}

TEST(WorkerProtocol, EndOfStreamInsideAFrameIsAFailure) {
    for (std::size_t keep : {std::size_t{4}, kFramePrefixBytes + 2}) {
        TestPipe pipe;
        pipe.write_raw(encode_frame(MessageKind::answer, "a header").substr(0, keep));
        pipe.close_write();
        FrameReader reader(pipe.read_end);
        Frame frame;
        const IoResult got = reader.read(frame, Clock::now() + 5s);
        EXPECT_EQ(got.status, IoStatus::failed);
        EXPECT_NE(got.error.find("ended inside a frame, after " + std::to_string(keep)), std::string::npos) << got.error;
    }
}

TEST(WorkerProtocol, OversizeLengthOnThePipeIsAFailureNotAnAllocation) {
    TestPipe pipe;
    pipe.write_raw(encode_prefix({MessageKind::answer, 0xFFFFFFF0u, 0xFFFFFFF0u}));
    FrameReader reader(pipe.read_end);
    Frame frame;
    const IoResult got = reader.read(frame, Clock::now() + 5s);
    EXPECT_EQ(got.status, IoStatus::failed);
    EXPECT_NE(got.error.find("more than the limit"), std::string::npos) << got.error;
    EXPECT_TRUE(frame.header.empty());
}

TEST(WorkerProtocol, ReadTimesOutAtItsDeadline) {
    TestPipe pipe;
    pipe.write_raw(encode_frame(MessageKind::answer, "partial").substr(0, 3));  // a frame that never completes
    FrameReader reader(pipe.read_end);
    Frame frame;
    const auto start = Clock::now();
    EXPECT_EQ(reader.read(frame, start + 200ms).status, IoStatus::timed_out);
    const auto waited = Clock::now() - start;
    EXPECT_GE(waited, 200ms);
    EXPECT_LT(waited, 2s);
}

TEST(WorkerProtocol, WriteToAFullNonBlockingPipeTimesOut) {
    TestPipe pipe;
    ::fcntl(pipe.write_end, F_SETFL, O_NONBLOCK);
    const std::vector<std::uint8_t> big(4 * 1024 * 1024);  // far more than a pipe holds; nobody reads
    const auto start = Clock::now();
    EXPECT_EQ(write_frame(pipe.write_end, MessageKind::call, "", big, start + 200ms).status, IoStatus::timed_out);
    EXPECT_LT(Clock::now() - start, 2s);
}

TEST(WorkerProtocol, WriteToAPipeWithNoReaderIsClosedAndDoesNotKill) {
    ASSERT_EQ(std::signal(SIGPIPE, SIG_DFL), SIG_DFL) << "this test needs SIGPIPE at its default (fatal)";
    TestPipe pipe;
    pipe.close_read();
    IoResult sent;
    {
        const SigpipeGuard guard;
        sent = write_frame(pipe.write_end, MessageKind::call, "x", {});
    }
    EXPECT_EQ(sent.status, IoStatus::closed);
    sigset_t pending;
    sigpending(&pending);
    EXPECT_FALSE(sigismember(&pending, SIGPIPE)) << "the guard must discard the SIGPIPE the write raised";
}

TEST(WorkerProtocol, SigpipeGuardLeavesAThreadThatBlocksSigpipeAlone) {
    sigset_t sigpipe;
    sigemptyset(&sigpipe);
    sigaddset(&sigpipe, SIGPIPE);
    sigset_t before;
    pthread_sigmask(SIG_BLOCK, &sigpipe, &before);
    TestPipe pipe;
    pipe.close_read();
    {
        const SigpipeGuard guard;
        EXPECT_EQ(write_frame(pipe.write_end, MessageKind::call, "x", {}).status, IoStatus::closed);
    }
    sigset_t now;
    pthread_sigmask(SIG_BLOCK, nullptr, &now);
    EXPECT_TRUE(sigismember(&now, SIGPIPE)) << "the thread's own mask must be kept";
    sigset_t pending;
    sigpending(&pending);
    EXPECT_TRUE(sigismember(&pending, SIGPIPE)) << "a SIGPIPE the thread blocks itself is its own to take";
    const timespec no_wait{0, 0};
    sigtimedwait(&sigpipe, nullptr, &no_wait);
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
}

}  // namespace
}  // namespace evalpanel::worker
