#include "metrics/sentences.hpp"

#include <algorithm>

#include "metrics/citation_markers.hpp"
#include "metrics/content_words.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

constexpr std::u32string_view kCjkTerminators = U"\u3002\uFF01\uFF1F";  // 。！？
constexpr std::u32string_view kTerminators = U".!?\u3002\uFF01\uFF1F";
constexpr std::u32string_view kClosers = U")\"'\u201D\u2019\u00BB";  // ) " ' ” ’ »

bool is_one_of(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

bool is_ascii_lower(char32_t c) { return c >= U'a' && c <= U'z'; }

bool is_ascii_digits(std::u32string_view text) {
    return !text.empty() && std::ranges::all_of(text, [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

// \r\n and \r become \n; then the lines (the only line break is \n, §10.3 step 1).
std::vector<std::u32string> lines_of(std::u32string_view text) {
    std::vector<std::u32string> lines(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        if (c == U'\r' || c == U'\n') {
            if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') ++i;
            lines.emplace_back();
        } else {
            lines.back().push_back(c);
        }
    }
    return lines;
}

bool is_skipped_line(std::u32string_view line) {
    const std::u32string_view content = strip(line);
    return content.empty() || content.front() == U'#';
}

// §10.3 step 2: past closers and (space/tab-preceded) bracketed markers, repeatedly.
std::size_t absorb_closers_and_markers(std::u32string_view line, std::size_t pos) {
    while (pos < line.size()) {
        if (is_one_of(line[pos], kClosers)) {
            ++pos;
            continue;
        }
        std::size_t bracket = pos;
        while (bracket < line.size() && (line[bracket] == U' ' || line[bracket] == U'\t')) ++bracket;
        const std::size_t marker = bracketed_marker_length(line, bracket);
        if (marker == 0) break;
        pos = bracket + marker;
    }
    return pos;
}

// §10.3 step 3, without the list-numbering exception.
bool ends_sentence_at(std::u32string_view line, std::size_t pos, bool run_has_cjk_terminator) {
    if (run_has_cjk_terminator || pos == line.size()) return true;
    if (!is_space(line[pos])) return false;  // "2.75", "U.K.", "x.y"
    while (pos < line.size() && is_space(line[pos])) ++pos;
    return pos == line.size() || !is_ascii_lower(line[pos]);  // "i.e. the" goes on
}

// §10.3 step 4: kept only with a word character or CJK code point outside its markers.
void add_sentence(std::u32string_view piece, std::vector<std::u32string>& sentences) {
    const std::u32string_view sentence = strip(piece);
    const std::u32string without_markers = remove_bracketed_markers(sentence);
    const bool has_content = std::ranges::any_of(
        without_markers, [](char32_t c) { return is_cjk(c) || is_token_char(c); });
    if (has_content) sentences.emplace_back(sentence);
}

void split_line(std::u32string_view line, std::vector<std::u32string>& sentences) {
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        if (!is_one_of(line[i], kTerminators)) {
            ++i;
            continue;
        }
        const std::size_t run_begin = i;
        while (i < line.size() && is_one_of(line[i], kTerminators)) ++i;
        const std::u32string_view run = line.substr(run_begin, i - run_begin);
        const bool has_cjk = std::ranges::any_of(run, [](char32_t c) { return is_one_of(c, kCjkTerminators); });
        const bool only_periods = std::ranges::all_of(run, [](char32_t c) { return c == U'.'; });
        const std::size_t end = absorb_closers_and_markers(line, i);
        const bool list_number = only_periods && is_ascii_digits(strip(line.substr(start, run_begin - start)));
        if (!list_number && ends_sentence_at(line, end, has_cjk)) {
            add_sentence(line.substr(start, end - start), sentences);
            start = end;
        }
        i = end;
    }
    add_sentence(line.substr(start), sentences);
}

}  // namespace

std::vector<std::u32string> split_sentences(std::u32string_view text) {
    std::vector<std::u32string> sentences;
    for (const std::u32string& line : lines_of(text)) {
        if (!is_skipped_line(line)) split_line(line, sentences);
    }
    return sentences;
}

}  // namespace evalpanel::metrics
