// Text that came from a tool or a user (outputs, case ids, tags, tool and suite names, reviewer sentences,
// errors), made safe for the page or file it goes into. No rendered output may run script or break the
// document it sits in, whatever a model wrote.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace evalpanel::report {

// A valid UTF-8 copy: every ill-formed sequence (stray continuation byte, truncated sequence, overlong
// form, surrogate, code point above U+10FFFF) becomes U+FFFD, one per offending byte run.
std::string sanitize_utf8(std::string_view text);

// For HTML text, for double-quoted attribute values and for SVG <text> inside HTML (all three are parsed
// the same way for these characters): sanitizes UTF-8, escapes & < > " ' and replaces control characters
// other than tab, newline and carriage return with U+FFFD. The renderers never put data anywhere else (no
// URLs, no scripts, no style, no unquoted attributes), so this one function covers every context they use.
std::string escape_html(std::string_view text);

// For XML 1.0 text and attribute values: sanitizes UTF-8, escapes & < > " ', writes tab, newline and
// carriage return as character references (attribute normalisation would turn them into spaces), and
// drops the characters XML 1.0 does not allow at all (other C0 controls, U+FFFE, U+FFFF).
std::string escape_xml(std::string_view text);

// At most `max_bytes` bytes of valid UTF-8 `text`, cut at a code point boundary, with "…" appended when
// anything was cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace evalpanel::report
