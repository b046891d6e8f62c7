// evalpanel-worker driven directly, frame by frame, for what a well-behaved slot never sends.
#include <unistd.h>

#include <gtest/gtest.h>

#include "plugin_host/plugin_host.hpp"
#include "worker/child_process.hpp"
#include "worker/worker_messages.hpp"

namespace evalpanel::worker {
namespace {

using namespace std::chrono_literals;

const std::filesystem::path kEchoPlugin =
    std::filesystem::path(EVALPANEL_TEST_PLUGIN_DIR) / "good" / plugin_host::plugin_file_name("echo");

// A worker that said hello, and the means to talk to it.
struct RawWorker {
    std::unique_ptr<ChildProcess> child;
    std::unique_ptr<FrameReader> reader;

    RawWorker() {
        std::string why;
        child = ChildProcess::spawn(EVALPANEL_WORKER_EXECUTABLE, {kEchoPlugin.string()}, why);
        EXPECT_TRUE(child) << why;
        reader = std::make_unique<FrameReader>(child->from_child());
        const Frame hello = next();
        EXPECT_EQ(hello.kind, MessageKind::hello);
        EXPECT_EQ(decode_hello(hello.header).plugin_name, "echo");
    }
    void send(MessageKind kind, const std::string& header, std::span<const std::uint8_t> binary = {}) const {
        EXPECT_EQ(write_frame(child->to_child(), kind, header, binary, Clock::now() + 5s).status, IoStatus::ok);
    }
    Frame next() const {
        Frame frame;
        const IoResult got = reader->read(frame, Clock::now() + 10s);
        EXPECT_EQ(got.status, IoStatus::ok) << got.error;
        return frame;
    }
};

TEST(WorkerServer, LeavesWithStatusZeroWhenTheHostClosesItsInput) {
    RawWorker worker;
    worker.child->close_input();
    EXPECT_EQ(worker.child->wait_for_exit(5s), "exited with status 0");
}

TEST(WorkerServer, DescribesBeforeConfigureAndRefusesCallsBeforeIt) {
    RawWorker worker;
    worker.send(MessageKind::describe, {});
    const Frame described = worker.next();
    ASSERT_EQ(described.kind, MessageKind::described);
    EXPECT_EQ(decode_tool_info(described.header).name, "echo");

    Request request;
    request.image = {'h', 'i'};
    worker.send(MessageKind::call, encode_request_header(request), request.image);
    const Frame refused = worker.next();
    EXPECT_EQ(refused.kind, MessageKind::threw);
    EXPECT_EQ(refused.header, "the host called the tool before configuring it");
}

TEST(WorkerServer, ConfigureThatThrowsIsAFailureNotACrash) {
    RawWorker worker;
    worker.send(MessageKind::configure, encode_header({{"suffix", 42}}));  // echo's get<std::string>() throws
    const Frame configured = worker.next();
    ASSERT_EQ(configured.kind, MessageKind::configured);
    const ConfigureResult result = decode_configure_result(configured.header);
    EXPECT_TRUE(result.failure.starts_with("configure() threw: ")) << result.failure;
}

TEST(WorkerServer, AMessageOnlyAWorkerSendsEndsItWithStatus2) {
    RawWorker worker;
    worker.send(MessageKind::answer, encode_header(nullptr));
    EXPECT_EQ(worker.child->wait_for_exit(5s), "exited with status 2");
}

TEST(WorkerServer, BytesThatAreNotFramesEndItWithStatus2) {
    RawWorker worker;
    const std::string garbage = "GET / HTTP/1.1\r\n\r\n";
    ASSERT_EQ(::write(worker.child->to_child(), garbage.data(), garbage.size()), static_cast<ssize_t>(garbage.size()));
    EXPECT_EQ(worker.child->wait_for_exit(5s), "exited with status 2");
}

}  // namespace
}  // namespace evalpanel::worker
