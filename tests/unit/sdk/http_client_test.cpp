// Client::send against a cpp-httplib server: ordinary exchanges, statuses, headers, limits, reuse.
#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

#include <mutex>
#include <set>

#include "expect_result.hpp"
#include "loopback_servers.hpp"

namespace evalpanel::http {
namespace {

using testing::expect_error;
using testing::expect_response;
using testing::HttpServer;
using testing::RawServer;
using testing::send_all;

// Echoes what it received: method, one header and the body, as "METHOD|X-Token|Content-Type|body".
void echo_routes(httplib::Server& server) {
    const auto echo = [](const httplib::Request& request, httplib::Response& response) {
        response.set_header("X-Reply", "yes");
        response.set_content(request.method + "|" + request.get_header_value("X-Token") + "|" +
                                 request.get_header_value("Content-Type") + "|" + request.body,
                             "text/plain");
    };
    server.Get("/echo", echo);
    server.Post("/echo", echo);
    server.Put("/echo", echo);
    server.Delete("/echo", echo);
}

TEST(HttpClient, GetRoundTripsHeadersAndReadsResponseHeaders) {
    HttpServer server(echo_routes);
    Client client;
    Request request;
    request.url = server.url("/echo");
    request.headers = {{"X-Token", "abc"}};
    const Response response = expect_response(client.send(request));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "GET|abc||");
    EXPECT_EQ(response.header("X-Reply"), "yes");
    EXPECT_GT(response.elapsed_ms, 0);
}

TEST(HttpClient, PostSendsBodyAndContentType) {
    HttpServer server(echo_routes);
    Client client;
    Request request;
    request.method = "POST";
    request.url = server.url("/echo");
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"model":"m","n":1})";
    const Response response = expect_response(client.send(request));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"(POST||application/json|{"model":"m","n":1})");
}

TEST(HttpClient, OtherMethodsAreSentAsNamed) {
    HttpServer server(echo_routes);
    Client client;
    Request put;
    put.method = "PUT";
    put.url = server.url("/echo");
    put.body = "new";
    EXPECT_EQ(expect_response(client.send(put)).body, "PUT|||new");
    Request del;
    del.method = "DELETE";
    del.url = server.url("/echo");
    EXPECT_EQ(expect_response(client.send(del)).body, "DELETE|||");
}

TEST(HttpClient, NonSuccessStatusIsAResponseWithItsBody) {
    HttpServer server([](httplib::Server& routes) {
        routes.Get("/busy", [](const httplib::Request&, httplib::Response& response) {
            response.status = 503;
            response.set_header("Retry-After", "7");
            response.set_content(R"({"error":{"code":503,"message":"Loading model"}})", "application/json");
        });
    });
    Client client;
    Request request;
    request.url = server.url("/busy");
    const Response response = expect_response(client.send(request));
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(response.body, R"({"error":{"code":503,"message":"Loading model"}})");
    EXPECT_EQ(retry_after_seconds(response), 7.0);
}

TEST(HttpClient, RedirectsAreReturnedNotFollowed) {
    HttpServer server([](httplib::Server& routes) {
        routes.Get("/old", [](const httplib::Request&, httplib::Response& response) { response.set_redirect("/new"); });
        routes.Get("/new", [](const httplib::Request&, httplib::Response& response) { response.set_content("moved", "text/plain"); });
    });
    Client client;
    Request request;
    request.url = server.url("/old");
    const Response response = expect_response(client.send(request));
    EXPECT_EQ(response.status, 302);
    EXPECT_EQ(response.header("Location"), "/new");
}

// One easy handle per client: three calls share one kept-alive connection (one client port); two
// clients use two, which shows the count can tell the difference.
TEST(HttpClient, ReusesOneConnectionAcrossCalls) {
    std::mutex mutex;
    std::set<int> client_ports;
    HttpServer server([&](httplib::Server& routes) {
        routes.Get("/ping", [&](const httplib::Request& request, httplib::Response& response) {
            const std::lock_guard lock(mutex);
            client_ports.insert(request.remote_port);
            response.set_content("pong", "text/plain");
        });
    });
    Request request;
    request.url = server.url("/ping");
    Client client;
    for (int i = 0; i < 3; ++i) EXPECT_EQ(expect_response(client.send(request)).body, "pong");
    {
        const std::lock_guard lock(mutex);
        EXPECT_EQ(client_ports.size(), 1u);
    }
    Client other;
    EXPECT_EQ(expect_response(other.send(request)).body, "pong");
    const std::lock_guard lock(mutex);
    EXPECT_EQ(client_ports.size(), 2u);
}

void large_routes(httplib::Server& routes) {
    routes.Get("/sized", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string(1000, 'x'), "text/plain");  // announces Content-Length: 1000
    });
    routes.Get("/unsized", [](const httplib::Request&, httplib::Response& response) {
        response.set_chunked_content_provider("text/plain", [](std::size_t, httplib::DataSink& sink) {
            const std::string block(250, 'y');
            for (int i = 0; i < 4; ++i) sink.write(block.data(), block.size());
            sink.done();
            return true;
        });
    });
}

TEST(HttpClient, AnnouncedBodyOverTheLimitIsTooLarge) {
    HttpServer server(large_routes);
    Client client;
    Request request;
    request.url = server.url("/sized");
    request.max_response_bytes = 100;
    const TransportError error = expect_error(client.send(request));
    EXPECT_EQ(error.kind, TransportErrorKind::too_large);
    EXPECT_NE(error.message.find("100 bytes"), std::string::npos) << error.message;
}

TEST(HttpClient, ChunkedBodyOverTheLimitIsTooLarge) {
    HttpServer server(large_routes);
    Client client;
    Request request;
    request.url = server.url("/unsized");
    request.max_response_bytes = 999;
    const TransportError error = expect_error(client.send(request));
    EXPECT_EQ(error.kind, TransportErrorKind::too_large);
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::bad_input);
    EXPECT_NE(error.message.find("999 bytes"), std::string::npos) << error.message;
}

TEST(HttpClient, BodyExactlyAtTheLimitIsAccepted) {
    HttpServer server(large_routes);
    Client client;
    Request request;
    request.max_response_bytes = 1000;
    request.url = server.url("/sized");
    EXPECT_EQ(expect_response(client.send(request)).body.size(), 1000u);
    request.url = server.url("/unsized");
    EXPECT_EQ(expect_response(client.send(request)).body.size(), 1000u);
}

TEST(HttpClient, ClientWorksAgainAfterAFailure) {
    HttpServer server(large_routes);
    Client client;
    Request request;
    request.url = server.url("/sized");
    request.max_response_bytes = 10;
    EXPECT_EQ(expect_error(client.send(request)).kind, TransportErrorKind::too_large);
    request.max_response_bytes = 10000;
    EXPECT_EQ(expect_response(client.send(request)).body.size(), 1000u);
}

TEST(HttpClient, MovedClientKeepsWorking) {
    HttpServer server(echo_routes);
    Request request;
    request.url = server.url("/echo");
    Client first;
    EXPECT_EQ(expect_response(first.send(request)).status, 200);
    Client second(std::move(first));
    EXPECT_EQ(expect_response(second.send(request)).status, 200);
    Client third;
    third = std::move(second);
    EXPECT_EQ(expect_response(third.send(request)).status, 200);
}

TEST(HttpClient, HeaderWithALineBreakIsRefusedBeforeSending) {
    std::atomic<int> calls{0};
    HttpServer server([&](httplib::Server& routes) {
        routes.Get("/echo", [&](const httplib::Request&, httplib::Response&) { ++calls; });
    });
    Client client;
    Request request;
    request.url = server.url("/echo");
    request.headers = {{"X-Token", "abc\r\nX-Injected: 1"}};
    const TransportError error = expect_error(client.send(request));
    EXPECT_EQ(error.kind, TransportErrorKind::other);
    EXPECT_NE(error.message.find("X-Token"), std::string::npos) << error.message;
    EXPECT_EQ(calls, 0);
}

TEST(HttpClient, EmptyHeaderValueIsSentNotDropped) {
    RawServer server([](int fd, const std::string&) { send_all(fd, "HTTP/1.1 204 No Content\r\n\r\n"); });
    Client client;
    Request request;
    request.url = server.url("/h");
    request.headers = {{"X-Empty", ""}};
    EXPECT_EQ(expect_response(client.send(request)).status, 204);
    ASSERT_EQ(server.requests().size(), 1u);
    EXPECT_NE(server.requests()[0].find("\r\nX-Empty:"), std::string::npos) << server.requests()[0];
}

// A large upload (a base64 image) goes out at once, not after a wait for "100 Continue".
TEST(HttpClient, LargeBodyIsSentWithoutExpectContinue) {
    std::atomic<bool> had_expect{true};
    std::atomic<std::size_t> received{0};
    HttpServer server([&](httplib::Server& routes) {
        routes.Post("/upload", [&](const httplib::Request& request, httplib::Response&) {
            had_expect = request.has_header("Expect");
            received = request.body.size();
        });
    });
    Client client;
    Request request;
    request.method = "POST";
    request.url = server.url("/upload");
    request.body = std::string(2u << 20, 'b');
    EXPECT_EQ(expect_response(client.send(request)).status, 200);
    EXPECT_FALSE(had_expect);
    EXPECT_EQ(received, request.body.size());
}

TEST(HttpClient, AsksForCompressedAnswers) {
    std::mutex mutex;
    std::string accept_encoding;
    HttpServer server([&](httplib::Server& routes) {
        routes.Get("/ae", [&](const httplib::Request& request, httplib::Response&) {
            const std::lock_guard lock(mutex);
            accept_encoding = request.get_header_value("Accept-Encoding");
        });
    });
    Client client;
    Request request;
    request.url = server.url("/ae");
    EXPECT_EQ(expect_response(client.send(request)).status, 200);
    const std::lock_guard lock(mutex);
    EXPECT_NE(accept_encoding.find("gzip"), std::string::npos) << accept_encoding;
}

TEST(HttpClient, HeaderLookupIgnoresCase) {
    Response response;
    response.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "r1"}};
    EXPECT_EQ(response.header("content-type"), "application/json");
    EXPECT_EQ(response.header("CONTENT-TYPE"), "application/json");
    EXPECT_EQ(response.header("x-request-id"), "r1");
    EXPECT_EQ(response.header("Content-Length"), std::nullopt);
    EXPECT_EQ(response.header("Content-Typ"), std::nullopt);
}

}  // namespace
}  // namespace evalpanel::http
