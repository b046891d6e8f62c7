// Client::send_streaming: the body reaches on_data as it arrives, in order, and on_data can stop it.
#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "expect_result.hpp"
#include "loopback_servers.hpp"

namespace evalpanel::http {
namespace {

using testing::expect_error;
using testing::expect_response;
using testing::RawServer;
using testing::send_all;

Request get(const std::string& url) {
    Request request;
    request.url = url;
    request.timeout_s = 5;
    return request;
}

bool wait_until(const std::atomic<bool>& flag, std::chrono::milliseconds at_most) {
    const auto deadline = std::chrono::steady_clock::now() + at_most;
    while (!flag && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return flag;
}

// The server sends its second chunk only after the client has seen the first: a client that held the
// body back until the end would never see "first" in time.
TEST(HttpStreaming, ChunksArriveAsSentAndInOrder) {
    std::atomic<bool> first_seen{false};
    std::atomic<bool> second_sent_after_first{false};
    RawServer server([&](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
        send_all(fd, "6\r\nfirst \r\n");
        second_sent_after_first = wait_until(first_seen, std::chrono::seconds(3));
        send_all(fd, "6\r\nsecond\r\n0\r\n\r\n");
    });
    Client client;
    std::string received;
    const Response response = expect_response(client.send_streaming(get(server.url("/stream")), [&](std::string_view chunk) {
        received += chunk;
        if (received.find("first") != std::string::npos) first_seen = true;
        return true;
    }));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("Content-Type"), "text/event-stream");
    EXPECT_TRUE(response.body.empty());
    EXPECT_EQ(received, "first second");
    EXPECT_TRUE(second_sent_after_first);
}

TEST(HttpStreaming, ReturningFalseAbortsTheTransfer) {
    RawServer server([&](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
        send_all(fd, std::string(1000, 'a'));
        server.wait_for_stop(std::chrono::seconds(3));  // the rest would never come: only the abort ends it
    });
    Client client;
    int calls = 0;
    const auto started = std::chrono::steady_clock::now();
    const TransportError error = expect_error(client.send_streaming(get(server.url("/stream")), [&](std::string_view) {
        ++calls;
        return false;
    }));
    EXPECT_EQ(error.kind, TransportErrorKind::aborted);
    EXPECT_EQ(calls, 1);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::fatal);
}

TEST(HttpStreaming, ErrorStatusBodyStillReachesOnData) {
    RawServer server([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/html\r\nContent-Length: 15\r\n\r\n<html>no</html>");
    });
    Client client;
    std::string received;
    const Response response = expect_response(client.send_streaming(get(server.url("/stream")), [&](std::string_view chunk) {
        received += chunk;
        return true;
    }));
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(received, "<html>no</html>");
}

TEST(HttpStreaming, LimitAppliesToStreamedBytes) {
    RawServer server([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 5; ++i) send_all(fd, "64\r\n" + std::string(100, 'z') + "\r\n");
        send_all(fd, "0\r\n\r\n");
    });
    Client client;
    Request request = get(server.url("/stream"));
    request.max_response_bytes = 250;
    std::size_t delivered = 0;
    const TransportError error = expect_error(client.send_streaming(request, [&](std::string_view chunk) {
        delivered += chunk.size();
        return true;
    }));
    EXPECT_EQ(error.kind, TransportErrorKind::too_large);
    EXPECT_LE(delivered, 250u);
}

TEST(HttpStreaming, ExceptionFromOnDataPropagatesAndClientRecovers) {
    RawServer server([](int fd, const std::string&) { send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"); });
    Client client;
    EXPECT_THROW(client.send_streaming(get(server.url("/s")), [](std::string_view) -> bool { throw std::runtime_error("boom"); }),
                 std::runtime_error);
    EXPECT_EQ(expect_response(client.send(get(server.url("/s")))).body, "ok");
}

}  // namespace
}  // namespace evalpanel::http
