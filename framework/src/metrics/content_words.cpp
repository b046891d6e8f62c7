#include "metrics/content_words.hpp"

#include <algorithm>
#include <array>

namespace evalpanel::metrics {
namespace {

struct Range {
    char32_t first;
    char32_t last;
};

bool in_any(char32_t c, const auto& ranges) {
    return std::ranges::any_of(ranges, [c](const Range& r) { return c >= r.first && c <= r.last; });
}

constexpr std::array<Range, 5> kCjkRanges{{
    {0x3040, 0x30FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x3134F}}};

// §10.1 step 3: code points from U+00C0 up that still separate tokens.
constexpr std::array<Range, 13> kSeparatorRanges{{
    {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x1680, 0x1680}, {0xFEFF, 0xFEFF}, {0x2000, 0x2BFF},
    {0x3000, 0x303F}, {0xFE00, 0xFE6F}, {0xFF00, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},
    {0xFF5B, 0xFF65}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F}}};

// §10.1 step 5, verbatim; sorted for binary search (checked at compile time below).
constexpr std::array<std::u32string_view, 131> kStopWords{
    U"a", U"about", U"above", U"after", U"again", U"against", U"all", U"also", U"am", U"an", U"and",
    U"any", U"are", U"as", U"at", U"be", U"because", U"been", U"before", U"being", U"below", U"between",
    U"both", U"but", U"by", U"can", U"could", U"did", U"do", U"does", U"doing", U"down", U"during",
    U"each", U"either", U"few", U"for", U"from", U"further", U"had", U"has", U"have", U"having", U"he",
    U"her", U"here", U"hers", U"him", U"his", U"how", U"however", U"i", U"if", U"in", U"into", U"is",
    U"it", U"its", U"itself", U"just", U"may", U"me", U"might", U"more", U"most", U"must", U"my",
    U"neither", U"no", U"nor", U"not", U"of", U"off", U"on", U"once", U"only", U"or", U"other", U"our",
    U"ours", U"out", U"over", U"own", U"same", U"shall", U"she", U"should", U"so", U"some", U"such",
    U"than", U"that", U"the", U"their", U"theirs", U"them", U"then", U"there", U"these", U"they", U"this",
    U"those", U"through", U"thus", U"to", U"too", U"under", U"until", U"up", U"upon", U"us", U"very",
    U"was", U"we", U"were", U"what", U"when", U"where", U"which", U"while", U"who", U"whom", U"whose",
    U"why", U"will", U"with", U"would", U"yet", U"you", U"your", U"yours"};
static_assert(std::ranges::is_sorted(kStopWords));

constexpr std::u32string_view kCjkStopChars = U"的了是在和与及或也都之其这那为于以";

bool is_stop_word(std::u32string_view token) {
    if (token.size() == 1 && kCjkStopChars.find(token[0]) != std::u32string_view::npos) return true;
    return std::ranges::binary_search(kStopWords, token);
}

bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

}  // namespace

char32_t fold_latin1_case(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    return c;
}

bool is_cjk(char32_t c) { return in_any(c, kCjkRanges); }

bool is_token_char(char32_t c) {
    if (is_ascii_letter(c) || (c >= U'0' && c <= U'9')) return true;
    return c >= 0xC0 && !in_any(c, kSeparatorRanges);
}

std::vector<std::u32string> lexical_tokens(std::u32string_view text) {
    std::vector<std::u32string> tokens;
    std::u32string current;
    for (const char32_t c : text) {
        const bool cjk = is_cjk(c);
        if (!cjk && is_token_char(c)) {
            current.push_back(fold_latin1_case(c));
            continue;
        }
        if (!current.empty()) tokens.push_back(std::move(current));
        current.clear();
        if (cjk) tokens.emplace_back(1, c);
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

std::vector<std::u32string> content_words(std::u32string_view text) {
    std::vector<std::u32string> words = lexical_tokens(text);
    std::erase_if(words, [](const std::u32string& token) {
        return is_stop_word(token) || (token.size() == 1 && is_ascii_letter(token[0]));
    });
    return words;
}

}  // namespace evalpanel::metrics
