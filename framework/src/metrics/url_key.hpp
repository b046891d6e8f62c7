// URL normalisation of METRICS.md §10.5, so "https://www.A.example:443/x/#top" and "http://a.example/x"
// are the same source.
#pragma once

#include <string>
#include <string_view>

namespace evalpanel::metrics {

struct UrlKey {
    std::u32string host;   // lower-cased, without user@, a trailing ":80"/":443" or a leading "www."
    std::u32string path;   // from the first "/" on, every trailing "/" removed, case kept
    std::u32string query;  // after the first "?", case kept (empty when none)
    bool has_slash = false;  // a "/" followed the host (source_recall: then it is a URL, not a domain)

    // host + path + ("?" + query when non-empty): equal keys are the same source.
    std::u32string key() const;
};

// In order: strip; drop a leading "scheme://" ([A-Za-z][A-Za-z0-9+.-]*://); cut at the first "#"; split
// off the query at the first "?"; host = up to the first "/", minus "user@", lower-cased (full Unicode
// lower-casing, §0), minus a trailing ":80" or ":443", minus a leading "www."; path = the rest.
UrlKey normalize_url(std::string_view url);

}  // namespace evalpanel::metrics
