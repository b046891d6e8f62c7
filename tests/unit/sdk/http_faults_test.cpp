// Client::send when the network or the server misbehaves: every failure is a TransportError of the
// right kind, with a message that names the place and never the credentials.
#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

#include <chrono>

#include "expect_result.hpp"
#include "loopback_servers.hpp"

namespace evalpanel::http {
namespace {

using testing::closed_port;
using testing::expect_error;
using testing::expect_response;
using testing::RawServer;
using testing::reset_on_close;
using testing::ScopedEnv;
using testing::send_all;

Request get(const std::string& url) {
    Request request;
    request.url = url;
    request.timeout_s = 5;
    request.connect_timeout_s = 2;
    return request;
}

TEST(HttpFaults, ConnectionRefusedNamesHostAndPort) {
    const int port = closed_port();
    Client client;
    const TransportError error = expect_error(client.send(get("http://127.0.0.1:" + std::to_string(port) + "/v1/models")));
    EXPECT_EQ(error.kind, TransportErrorKind::connect_failed);
    EXPECT_EQ(error.message, "connection refused by 127.0.0.1:" + std::to_string(port) + " — is the server running?");
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::retryable);
}

TEST(HttpFaults, SlowServerIsATimeout) {
    RawServer server([&](int, const std::string&) { server.wait_for_stop(std::chrono::seconds(3)); });
    Client client;
    Request request = get(server.url("/slow"));
    request.timeout_s = 0.3;
    const auto started = std::chrono::steady_clock::now();
    const TransportError error = expect_error(client.send(request));
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(error.kind, TransportErrorKind::timeout);
    EXPECT_NE(error.message.find("0.3 s"), std::string::npos) << error.message;
    EXPECT_LT(waited, std::chrono::seconds(2));
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::retryable);
}

TEST(HttpFaults, BodyShorterThanContentLengthIsTruncated) {
    RawServer server([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\": 1}\n\n");
    });
    Client client;
    const TransportError error = expect_error(client.send(get(server.url("/short"))));
    EXPECT_EQ(error.kind, TransportErrorKind::truncated);
    EXPECT_NE(error.message.find("10 of 100 bytes"), std::string::npos) << error.message;
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::retryable);
}

TEST(HttpFaults, ChunkedBodyCutOffIsTruncated) {
    RawServer server([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
    });
    Client client;
    EXPECT_EQ(expect_error(client.send(get(server.url("/cut")))).kind, TransportErrorKind::truncated);
}

TEST(HttpFaults, ConnectionResetIsATransientFailure) {
    RawServer server([](int fd, const std::string&) { reset_on_close(fd); });
    Client client;
    const TransportError error = expect_error(client.send(get(server.url("/reset"))));
    EXPECT_EQ(error.kind, TransportErrorKind::other);
    EXPECT_NE(error.message.find("127.0.0.1:" + std::to_string(server.port())), std::string::npos) << error.message;
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::retryable);
}

TEST(HttpFaults, EmptyReplyIsATransientFailure) {
    RawServer server([](int, const std::string&) {});  // closes without a word
    Client client;
    const TransportError error = expect_error(client.send(get(server.url("/nothing"))));
    EXPECT_EQ(error.kind, TransportErrorKind::other);
    EXPECT_NE(error.message.find("without answering"), std::string::npos) << error.message;
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::retryable);
}

TEST(HttpFaults, OnlyTheFinalResponsesHeadersAreKept) {
    RawServer server([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n"
                     "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                     "HTTP/1.1 201 Created\r\nX-Final: yes\r\nX-Folded: first\r\n  second\r\nContent-Length: 2\r\n\r\nok");
    });
    Client client;
    const Response response = expect_response(client.send(get(server.url("/interim"))));
    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, "ok");
    EXPECT_EQ(response.header("X-Final"), "yes");
    EXPECT_EQ(response.header("X-Folded"), "first second");
    EXPECT_EQ(response.header("X-Interim"), std::nullopt);
    EXPECT_EQ(response.header("Link"), std::nullopt);
}

TEST(HttpFaults, GzipAnswerIsDecoded) {
    static constexpr char kGzip[] =
        "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcb\x48\xcd\xc9\xc9\xd7\x51\x48\xce\xcf\x2d\x28\x4a\x2d"
        "\x2e\x4e\x4d\x51\x28\xcf\x2f\xca\x49\x01\x00\x08\x9e\x34\x35\x17\x00\x00\x00";
    RawServer server([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 43\r\n\r\n");
        send_all(fd, std::string_view(kGzip, 43));
    });
    Client client;
    EXPECT_EQ(expect_response(client.send(get(server.url("/gz")))).body, "hello, compressed world");
}

TEST(HttpFaults, PlainHttpOnAnHttpsUrlIsATlsFailure) {
    RawServer server([](int fd, const std::string&) { send_all(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"); });
    Client client;
    const TransportError error =
        expect_error(client.send(get("https://127.0.0.1:" + std::to_string(server.port()) + "/v1")));
    EXPECT_EQ(error.kind, TransportErrorKind::tls);
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::fatal);
}

// Keys travel in query strings (?api_key=) and user info (user:pass@); neither may reach a message,
// whatever the failure.
TEST(HttpFaults, MessagesNeverRepeatCredentialsOrQuery) {
    RawServer slow([&](int, const std::string&) { slow.wait_for_stop(std::chrono::seconds(3)); });
    RawServer plain([](int fd, const std::string&) { send_all(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"); });
    RawServer big([](int fd, const std::string&) { send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n"); });
    RawServer short_body([](int fd, const std::string&) { send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab"); });
    const auto secret_url = [](const std::string& scheme, int port) {
        return scheme + "://evaluser:hunter2pass@127.0.0.1:" + std::to_string(port) + "/v1/chat?api_key=SECRET123#SECRETFRAG";
    };
    struct Case {
        std::string url;
        TransportErrorKind kind;
        double timeout_s;
    };
    const std::vector<Case> cases = {
        {secret_url("http", closed_port()), TransportErrorKind::connect_failed, 5},
        {secret_url("http", slow.port()), TransportErrorKind::timeout, 0.3},
        {secret_url("https", plain.port()), TransportErrorKind::tls, 5},
        {secret_url("http", big.port()), TransportErrorKind::too_large, 5},
        {secret_url("http", short_body.port()), TransportErrorKind::truncated, 5},
    };
    Client client;
    for (const Case& c : cases) {
        Request request = get(c.url);
        request.timeout_s = c.timeout_s;
        request.max_response_bytes = 1000;
        const TransportError error = expect_error(client.send(request));
        EXPECT_EQ(error.kind, c.kind) << error.message;
        for (const char* secret : {"SECRET", "hunter2", "evaluser"})
            EXPECT_EQ(error.message.find(secret), std::string::npos) << secret << " in: " << error.message;
    }
    // The URL is still named, without its secrets.
    Request request = get(secret_url("http", big.port()));
    request.max_response_bytes = 1000;
    EXPECT_NE(expect_error(client.send(request)).message.find("http://127.0.0.1:" + std::to_string(big.port()) + "/v1/chat "),
              std::string::npos);
}

TEST(HttpFaults, UnresolvableHostIsADnsFailure) {
    Client client;
    Request request = get("http://evalpanel-test.invalid/v1");
    request.connect_timeout_s = 2;  // name resolution counts towards it
    const TransportError error = expect_error(client.send(request));
    if (error.kind == TransportErrorKind::timeout) GTEST_SKIP() << "this machine's resolver did not answer in time";
    EXPECT_EQ(error.kind, TransportErrorKind::dns) << error.message;
    EXPECT_NE(error.message.find("evalpanel-test.invalid"), std::string::npos) << error.message;
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::retryable);
}

TEST(HttpFaults, OnlyHttpAndHttpsAreSpoken) {
    Client client;
    for (const char* url : {"file:///etc/hostname", "ftp://127.0.0.1/", "gopher://127.0.0.1/"}) {
        const TransportError error = expect_error(client.send(get(url)));
        EXPECT_EQ(error.kind, TransportErrorKind::other) << url;
        EXPECT_NE(error.message.find("not supported"), std::string::npos) << error.message;
    }
}

// Proxies from the environment are libcurl's default; the client must not switch them off.
TEST(HttpFaults, ProxyFromTheEnvironmentIsUsed) {
    RawServer proxy([](int fd, const std::string&) {
        send_all(fd, "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nvia proxy");
    });
    const ScopedEnv no_proxy("no_proxy", std::nullopt);
    const ScopedEnv no_proxy_upper("NO_PROXY", std::nullopt);
    const ScopedEnv http_proxy("http_proxy", proxy.url(""));
    Client client;
    EXPECT_EQ(expect_response(client.send(get("http://api.example.invalid/v1/models"))).body, "via proxy");
    const std::vector<std::string> requests = proxy.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_TRUE(requests[0].starts_with("GET http://api.example.invalid/v1/models HTTP/1.1\r\n")) << requests[0];
}

}  // namespace
}  // namespace evalpanel::http
