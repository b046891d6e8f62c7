// evalpanel::http::Client on libcurl: one easy handle per client, reused so that consecutive calls to
// the same server share a kept-alive connection (curl_easy_reset keeps the connection cache).
//
// Choices a plugin author may want to know (see also http.hpp):
// - Redirects are not followed: a 3xx comes back as a Response with its Location header. An API that
//   redirects is worth a look before a client silently follows it (and re-sends the key).
// - TLS peers are verified against the system CA store; proxies come from the environment
//   (http_proxy, https_proxy, no_proxy), libcurl's default, which is left alone.
// - Compressed answers (gzip, deflate, whatever libcurl was built with) are asked for and decoded;
//   max_response_bytes counts the decoded bytes.
// - A body goes out with the caller's Content-Type or none (never libcurl's form-urlencoded guess).
// - "Expect: 100-continue" is switched off (a caller may set its own Expect header): with it libcurl
//   holds a large upload, such as a base64 image, for up to a second waiting for the server's go-ahead.
// - Only http:// and https:// URLs are fetched (no file://, ftp://, ... from a config file).
// - timeout_s or connect_timeout_s <= 0 means no limit of that kind.
// - send_streaming hands every body byte to on_data, an error status's body included, and the size
//   limit counts the streamed bytes too.
#include <evalpanel/http.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <mutex>

#include <curl/curl.h>

namespace evalpanel::http {
namespace {

// curl_global_init is not safe to race with itself on every libcurl build; once per process (per copy of
// this SDK, as each plugin links its own) is all it needs. curl_global_cleanup is never called: other
// code in the process may still be using libcurl when a plugin unloads.
bool curl_ready() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    return result == CURLE_OK;
}

// ---- Naming the URL without what it may hide --------------------------------------------------------

// What an error message may say about a URL, and what it must never repeat: the user info (user and
// password) and the query and fragment, which often carry API keys.
struct UrlView {
    std::string display;    // scheme://host[:port]/path
    std::string host_port;  // host:port, the port filled in from the scheme when absent
    std::string host;
    std::vector<std::string> secrets;
};

UrlView view_url(std::string_view url) {
    UrlView view;
    std::string scheme = "http";  // libcurl's guess for a URL without one
    std::string_view rest = url;
    if (const std::size_t sep = url.find("://"); sep != std::string_view::npos) {
        scheme = std::string(url.substr(0, sep));
        for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        rest = url.substr(sep + 3);
    }
    // User info ends at the last '@' before the path. Looking past '?' and '#' here (which a strict
    // parser would not) keeps a malformed "user:pa?ss@host" from leaking half a password.
    const std::string_view before_path = rest.substr(0, rest.find('/'));
    if (const std::size_t at = before_path.rfind('@'); at != std::string_view::npos) {
        const std::string_view userinfo = rest.substr(0, at);
        view.secrets.emplace_back(userinfo);
        if (const std::size_t colon = userinfo.find(':'); colon != std::string_view::npos) {
            view.secrets.emplace_back(userinfo.substr(0, colon));
            view.secrets.emplace_back(userinfo.substr(colon + 1));
        }
        rest.remove_prefix(at + 1);
    }
    const std::size_t query = rest.find_first_of("?#");
    if (query != std::string_view::npos) {
        view.secrets.emplace_back(rest.substr(query + 1));
        rest = rest.substr(0, query);
    }
    const std::string_view authority = rest.substr(0, rest.find('/'));
    view.display = scheme + "://" + std::string(rest);

    // "[::1]:8080" and "host:8080" carry a port after the last ':' that follows any ']'.
    const std::size_t bracket = authority.rfind(']');
    const std::size_t colon = authority.rfind(':');
    const bool has_port = colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket);
    view.host = std::string(has_port ? authority.substr(0, colon) : authority);
    view.host_port = std::string(authority);
    if (!has_port) view.host_port += scheme == "https" ? ":443" : ":80";
    std::erase_if(view.secrets, [](const std::string& secret) { return secret.empty(); });
    return view;
}

// libcurl's own error text is worth quoting (a TLS failure's reason), but it is libcurl's: take out
// anything secret it might have picked up from the URL.
std::string scrubbed(std::string text, const UrlView& url) {
    for (const std::string& secret : url.secrets)
        for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
            text.replace(at, secret.size(), "***");
    return text;
}

// ---- Checking what curl would otherwise send as is ------------------------------------------------

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (c <= ' ' || c >= 127 || std::strchr("\"(),/:;<=>?@[\\]{}", c) != nullptr) return false;
    return true;
}

// A header value with a line break would let one header smuggle in others (or a second request).
std::optional<TransportError> check_request(const Request& request, const UrlView& url) {
    const auto bad = [&](const std::string& what) {
        return TransportError{TransportErrorKind::other, "request to " + url.display + " not sent: " + what};
    };
    if (request.url.empty()) return TransportError{TransportErrorKind::other, "request not sent: the URL is empty"};
    if (has_line_break(request.url) || request.url.find(' ') != std::string::npos)
        return bad("the URL contains a space or a line break");
    if (!is_token(request.method)) return bad("the method \"" + request.method + "\" is not an HTTP method name");
    for (const Header& header : request.headers) {
        if (!is_token(header.name)) return bad("the header name \"" + header.name + "\" is not a valid name");
        if (has_line_break(header.value)) return bad("the value of header " + header.name + " contains a line break");
    }
    return std::nullopt;
}

// ---- One transfer ---------------------------------------------------------------------------------

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using HeaderList = std::unique_ptr<curl_slist, SlistDeleter>;

using DataSink = std::function<bool(std::string_view)>;

// What the callbacks collect while curl_easy_perform runs.
struct Transfer {
    std::size_t limit = 0;
    std::size_t received = 0;
    std::string body;
    const DataSink* on_data = nullptr;  // set: stream to it instead of filling body
    std::vector<Header> headers;
    bool too_large = false;
    bool aborted = false;
    std::exception_ptr thrown;          // from on_data (or an allocation); re-thrown outside libcurl's C frames
};

std::size_t on_body(char* bytes, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t length = size * count;
    if (length > transfer.limit - transfer.received) {
        transfer.too_large = true;
        return 0;  // anything other than `length` makes libcurl stop with CURLE_WRITE_ERROR
    }
    transfer.received += length;
    try {
        if (transfer.on_data == nullptr) {
            transfer.body.append(bytes, length);
        } else if (!(*transfer.on_data)(std::string_view(bytes, length))) {
            transfer.aborted = true;
            return 0;
        }
    } catch (...) {
        transfer.thrown = std::current_exception();
        return 0;
    }
    return length;
}

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

// Called once per header line, status lines included. Every status line starts a new response (an
// interim 100/103, or a redirect when a caller follows them), so only the final response's headers stay.
std::size_t on_header(char* bytes, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t length = size * count;
    const std::string_view line(bytes, length);
    try {
        if (line.starts_with("HTTP/")) {
            transfer.headers.clear();
        } else if ((line.starts_with(' ') || line.starts_with('\t')) && !transfer.headers.empty()) {
            if (const std::string_view more = trim(line); !more.empty()) {  // obsolete line folding
                transfer.headers.back().value += ' ';
                transfer.headers.back().value += more;
            }
        } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
            transfer.headers.push_back({std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))});
        }
    } catch (...) {
        transfer.thrown = std::current_exception();
        return 0;
    }
    return length;
}

long to_milliseconds(double seconds) {
    if (!(seconds > 0)) return 0;  // libcurl: 0 = no limit (also catches NaN)
    const double ms = std::ceil(seconds * 1000.0);
    return ms >= 2147483647.0 ? 2147483647L : static_cast<long>(ms);
}

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

HeaderList header_list(const Request& request) {
    curl_slist* list = nullptr;
    bool has_expect = false;
    bool has_content_type = false;
    const auto append = [&](const std::string& line) {
        curl_slist* grown = curl_slist_append(list, line.c_str());
        if (grown == nullptr) throw std::bad_alloc();
        list = grown;
    };
    try {
        for (const Header& header : request.headers) {
            if (curl_strequal(header.name.c_str(), "Expect")) has_expect = true;
            if (curl_strequal(header.name.c_str(), "Content-Type")) has_content_type = true;
            // "Name:" alone tells libcurl to drop the header; "Name;" is how an empty value is sent.
            append(header.value.empty() ? header.name + ";" : header.name + ": " + header.value);
        }
        if (!has_expect) append("Expect:");
        // Without this libcurl labels every body application/x-www-form-urlencoded, which some servers
        // then hold to a small form-size limit (cpp-httplib: 8 KiB, answered with 413).
        if (!has_content_type) append("Content-Type:");
    } catch (...) {
        curl_slist_free_all(list);
        throw;
    }
    return HeaderList(list);
}

void set_method_and_body(CURL* curl, const Request& request) {
    if (request.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else if (request.method == "POST" || !request.body.empty()) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        if (request.method != "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    } else {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        if (request.method != "GET") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
}

void set_options(CURL* curl, const Request& request, Transfer& transfer, curl_slist* headers, char* error_text) {
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: the host runs threads
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, to_milliseconds(request.timeout_s));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, to_milliseconds(request.connect_timeout_s));
    // HTTP only: a URL from a config file must not make a plugin read file:// or talk to other services.
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // "": every encoding this libcurl can decode
    // A synchronous deep-research call can sit idle for minutes; TCP keep-alive stops NATs and proxies
    // from dropping the connection under it.
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPIDLE, 30L);
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPINTVL, 15L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "evalpanel");
    // Refuse early when the server announces a larger body; the write callback catches the rest.
    const auto announced_limit = std::min<std::size_t>(transfer.limit, static_cast<std::size_t>(std::numeric_limits<curl_off_t>::max()));
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(announced_limit));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    set_method_and_body(curl, request);
}

// ---- Reading a failure ----------------------------------------------------------------------------

bool is_tls_failure(CURLcode code) {
    switch (code) {
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_USE_SSL_FAILED:
            return true;
        default:
            return false;
    }
}

struct FailureContext {
    CURL* curl;
    CURLcode code;
    const Request& request;
    const Transfer& transfer;
    const UrlView& url;
    const char* error_text;  // libcurl's detail, may be empty
};

std::string curl_detail(const FailureContext& failure) {
    const std::string detail = failure.error_text[0] != '\0' ? failure.error_text : curl_easy_strerror(failure.code);
    return scrubbed(std::string(trim(detail)), failure.url);
}

TransportError describe_connect_failure(const FailureContext& failure) {
    long os_error = 0;
    curl_easy_getinfo(failure.curl, CURLINFO_OS_ERRNO, &os_error);
    if (os_error == ECONNREFUSED)
        return {TransportErrorKind::connect_failed, "connection refused by " + failure.url.host_port + " — is the server running?"};
    const std::string reason = os_error != 0 ? std::strerror(static_cast<int>(os_error)) : curl_detail(failure);
    return {TransportErrorKind::connect_failed,
            "could not connect to " + failure.url.host_port + " (" + reason + ") — is the server running and reachable?"};
}

TransportError describe_timeout(const FailureContext& failure) {
    double connected_s = 0;
    curl_easy_getinfo(failure.curl, CURLINFO_CONNECT_TIME, &connected_s);
    if (connected_s <= 0)
        return {TransportErrorKind::timeout, "could not connect to " + failure.url.host_port + " within " +
                                                 seconds_text(failure.request.connect_timeout_s) + " s (connect_timeout_s)"};
    return {TransportErrorKind::timeout, "no complete answer from " + failure.url.display + " within " +
                                             seconds_text(failure.request.timeout_s) + " s (timeout_s)"};
}

TransportError describe_truncation(const FailureContext& failure) {
    curl_off_t expected = -1;
    curl_easy_getinfo(failure.curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
    std::string message = "the connection to " + failure.url.host_port + " closed before the whole answer from " +
                          failure.url.display + " arrived";
    if (expected >= 0)
        message += " (" + std::to_string(failure.transfer.received) + " of " + std::to_string(expected) + " bytes)";
    return {TransportErrorKind::truncated, message};
}

TransportError too_large(const FailureContext& failure) {
    return {TransportErrorKind::too_large, "the answer from " + failure.url.display + " is larger than the limit of " +
                                               std::to_string(failure.request.max_response_bytes) +
                                               " bytes (max_response_bytes)"};
}

TransportError describe_failure(const FailureContext& failure) {
    const CURLcode code = failure.code;
    if (code == CURLE_WRITE_ERROR && failure.transfer.too_large) return too_large(failure);
    if (code == CURLE_WRITE_ERROR && failure.transfer.aborted)
        return {TransportErrorKind::aborted, "the transfer from " + failure.url.display + " was stopped by its reader"};
    if (is_tls_failure(code))
        return {TransportErrorKind::tls, "TLS with " + failure.url.host_port + " failed: " + curl_detail(failure)};
    switch (code) {
        case CURLE_FILESIZE_EXCEEDED: return too_large(failure);
        case CURLE_COULDNT_CONNECT: return describe_connect_failure(failure);
        case CURLE_OPERATION_TIMEDOUT: return describe_timeout(failure);
        case CURLE_PARTIAL_FILE: return describe_truncation(failure);
        case CURLE_COULDNT_RESOLVE_HOST:
            return {TransportErrorKind::dns, "the host name " + failure.url.host + " does not resolve (" + failure.url.display + ")"};
        case CURLE_COULDNT_RESOLVE_PROXY:
            return {TransportErrorKind::dns, "the proxy's host name does not resolve (" + curl_detail(failure) +
                                                 "); check http_proxy / https_proxy"};
        case CURLE_GOT_NOTHING:
            return {TransportErrorKind::other, failure.url.host_port + " closed the connection without answering " +
                                                   failure.url.display};
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
            return {TransportErrorKind::other, "connection reset by " + failure.url.host_port + " during the request to " +
                                                   failure.url.display + " (" + curl_detail(failure) + ")"};
        default:
            return {TransportErrorKind::other, "request to " + failure.url.display + " failed: " + curl_detail(failure)};
    }
}

}  // namespace

// ---- Client ---------------------------------------------------------------------------------------

struct Client::Impl {
    CURL* curl = nullptr;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (curl != nullptr) curl_easy_cleanup(curl);
    }

    Result perform(const Request& request, const DataSink* on_data);
};

Result Client::Impl::perform(const Request& request, const DataSink* on_data) {
    const UrlView url = view_url(request.url);
    if (auto invalid = check_request(request, url)) return *invalid;
    if (curl == nullptr && curl_ready()) curl = curl_easy_init();
    if (curl == nullptr) return TransportError{TransportErrorKind::other, "libcurl could not be initialised"};

    curl_easy_reset(curl);  // options back to defaults; live connections stay for reuse
    Transfer transfer;
    transfer.limit = request.max_response_bytes;
    transfer.on_data = on_data;
    const HeaderList headers = header_list(request);
    char error_text[CURL_ERROR_SIZE] = {};
    set_options(curl, request, transfer, headers.get(), error_text);

    const auto started = std::chrono::steady_clock::now();
    const CURLcode code = curl_easy_perform(curl);
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - started;
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);  // error_text dies with this frame
    if (transfer.thrown) std::rethrow_exception(transfer.thrown);
    if (code != CURLE_OK) return describe_failure({curl, code, request, transfer, url, error_text});

    Response response;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    response.headers = std::move(transfer.headers);
    response.body = std::move(transfer.body);
    response.elapsed_ms = elapsed.count();
    return response;
}

Client::Client() : impl_(std::make_unique<Impl>()) {}
Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

Result Client::send(const Request& request) {
    if (!impl_) impl_ = std::make_unique<Impl>();  // a moved-from client starts afresh
    return impl_->perform(request, nullptr);
}

Result Client::send_streaming(const Request& request, const std::function<bool(std::string_view)>& on_data) {
    if (!impl_) impl_ = std::make_unique<Impl>();
    return impl_->perform(request, &on_data);
}

}  // namespace evalpanel::http
