// TLS peers are verified: a server with a self-signed certificate is refused, not talked to. The server
// is `openssl s_server` on a loopback port (skipped where the openssl tool is missing).
#include <evalpanel/http.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "expect_result.hpp"

namespace evalpanel::http {
namespace {

using testing::expect_error;

struct PipeCloser {
    void operator()(FILE* pipe) const { pclose(pipe); }
};

TEST(HttpTls, SelfSignedCertificateIsRefused) {
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) GTEST_SKIP() << "no openssl tool on this machine";
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("evalpanel_tls_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string cert = (dir / "cert.pem").string();
    const std::string key = (dir / "key.pem").string();
    ASSERT_EQ(std::system(("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=127.0.0.1"
                           " -days 1 -keyout " + key + " -out " + cert + " >/dev/null 2>&1").c_str()),
              0);

    // One connection, at most 10 s: the server ends by itself whatever the test does.
    std::unique_ptr<FILE, PipeCloser> server(popen(("timeout 10 openssl s_server -accept 127.0.0.1:0 -naccept 1 -www -cert " +
                                                    cert + " -key " + key + " 2>&1").c_str(), "r"));
    ASSERT_NE(server, nullptr);
    int port = 0;
    char line[256];
    while (port == 0 && std::fgets(line, sizeof line, server.get()) != nullptr)
        std::sscanf(line, "ACCEPT 127.0.0.1:%d", &port);
    ASSERT_GT(port, 0) << "openssl s_server did not report its port";

    Client client;
    Request request;
    request.url = "https://127.0.0.1:" + std::to_string(port) + "/";
    request.timeout_s = 5;
    const TransportError error = expect_error(client.send(request));
    EXPECT_EQ(error.kind, TransportErrorKind::tls);
    EXPECT_NE(error.message.find("certificate"), std::string::npos) << error.message;
    EXPECT_EQ(to_tool_error(error).kind, ErrorKind::fatal);
    server.reset();
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace evalpanel::http
