// The small, transport-free parts of evalpanel/http.hpp: naming error kinds, reading a transport
// failure as a ToolError, Retry-After, and case-insensitive header lookup.
#include <evalpanel/http.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>

#include <curl/curl.h>

namespace evalpanel::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return text;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// delay-seconds: "120", and (leniently) "1.5". The whole value must be the number.
std::optional<double> read_delay_seconds(std::string_view text) {
    double seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(seconds)) return std::nullopt;
    return seconds;
}

// An HTTP-date (IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept) as
// seconds from now; a date in the past means "now". curl_getdate reads all three, in UTC.
std::optional<double> read_http_date(std::string_view text) {
    const std::string date(text);
    const std::time_t when = curl_getdate(date.c_str(), nullptr);
    if (when == -1) return std::nullopt;
    return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

}  // namespace

std::string_view to_string(TransportErrorKind kind) {
    switch (kind) {
        case TransportErrorKind::connect_failed: return "connect_failed";
        case TransportErrorKind::dns: return "dns";
        case TransportErrorKind::timeout: return "timeout";
        case TransportErrorKind::tls: return "tls";
        case TransportErrorKind::too_large: return "too_large";
        case TransportErrorKind::truncated: return "truncated";
        case TransportErrorKind::aborted: return "aborted";
        case TransportErrorKind::other: return "other";
    }
    return "?";
}

// The client's messages already name the URL and, for too_large, the limit; this only picks the kind.
ToolError to_tool_error(const TransportError& error) {
    switch (error.kind) {
        case TransportErrorKind::connect_failed:
        case TransportErrorKind::dns:
        case TransportErrorKind::timeout:
        case TransportErrorKind::truncated:
        case TransportErrorKind::other:  // resets and empty replies land here: a server that may come back
            return {ErrorKind::retryable, error.message, std::nullopt};
        case TransportErrorKind::too_large:  // this case's answer is the problem, not the tool
            return {ErrorKind::bad_input, error.message, std::nullopt};
        case TransportErrorKind::tls:      // a certificate does not fix itself between attempts
        case TransportErrorKind::aborted:  // the plugin stopped the transfer on purpose
            return {ErrorKind::fatal, error.message, std::nullopt};
    }
    return {ErrorKind::fatal, error.message, std::nullopt};
}

std::optional<double> retry_after_seconds(const Response& response) {
    const std::optional<std::string> header = response.header("Retry-After");
    if (!header) return std::nullopt;
    const std::string_view value = trim(*header);
    if (value.empty()) return std::nullopt;
    // Every HTTP-date starts with a day name and every delay with a digit; anything else ("-5",
    // "soon5") is unreadable rather than guessed at.
    if (is_digit(value.front())) return read_delay_seconds(value);
    if (is_letter(value.front())) return read_http_date(value);
    return std::nullopt;
}

std::optional<std::string> Response::header(std::string_view name) const {
    for (const Header& candidate : headers)
        if (iequals(candidate.name, name)) return candidate.value;
    return std::nullopt;
}

}  // namespace evalpanel::http
