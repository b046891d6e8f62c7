#include "metrics/url_key.hpp"

#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

bool is_ascii_alpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

bool is_scheme_char(char32_t c) {
    return is_ascii_alpha(c) || (c >= U'0' && c <= U'9') || c == U'+' || c == U'.' || c == U'-';
}

// Length of a leading "scheme://", or 0.
std::size_t scheme_prefix_length(std::u32string_view url) {
    if (url.empty() || !is_ascii_alpha(url.front())) return 0;
    std::size_t i = 1;
    while (i < url.size() && is_scheme_char(url[i])) ++i;
    return url.substr(i, 3) == U"://" ? i + 3 : 0;
}

std::u32string_view without_suffix(std::u32string_view text, std::u32string_view suffix) {
    return text.ends_with(suffix) ? text.substr(0, text.size() - suffix.size()) : text;
}

std::u32string normalize_host(std::u32string_view host) {
    if (const auto at = host.rfind(U'@'); at != std::u32string_view::npos) host.remove_prefix(at + 1);
    const std::u32string lowered = to_lower(host);
    std::u32string_view view = lowered;
    if (view.ends_with(U":80")) {
        view = without_suffix(view, U":80");
    } else {
        view = without_suffix(view, U":443");
    }
    if (view.starts_with(U"www.")) view.remove_prefix(4);
    return std::u32string(view);
}

}  // namespace

std::u32string UrlKey::key() const { return query.empty() ? host + path : host + path + U"?" + query; }

UrlKey normalize_url(std::string_view url) {
    const std::u32string decoded = decode_utf8(url);
    std::u32string_view rest = strip(decoded);
    rest.remove_prefix(scheme_prefix_length(rest));
    if (const auto hash = rest.find(U'#'); hash != std::u32string_view::npos) rest = rest.substr(0, hash);

    UrlKey key;
    if (const auto question = rest.find(U'?'); question != std::u32string_view::npos) {
        key.query = rest.substr(question + 1);
        rest = rest.substr(0, question);
    }
    const auto slash = rest.find(U'/');
    key.host = normalize_host(rest.substr(0, slash));
    if (slash != std::u32string_view::npos) {
        key.has_slash = true;
        std::u32string_view path = rest.substr(slash);
        while (!path.empty() && path.back() == U'/') path.remove_suffix(1);
        key.path = path;
    }
    return key;
}

}  // namespace evalpanel::metrics
