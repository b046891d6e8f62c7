#include "metrics/vqa_normalize.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "metrics/python_float.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

// P, in the reference's order (the order does not change the result: every test reads the input text).
constexpr std::u32string_view kPunctuation = U";/[]\"{}()=+\\_-><@`,?!";
static_assert(kPunctuation.size() == 21);

// re.sub(..., count=re.UNICODE): at most this many periods are deleted.
constexpr std::size_t kMaxPeriodsDeleted = 32;

// METRICS.md §4 table, as printed there (sorted by key, for binary search).
constexpr std::array<VqaContraction, 114> kContractions = {{
    {U"'ow'sat", U"'ow's'at"}, {U"'ows'at", U"'ow's'at"}, {U"aint", U"ain't"}, {U"arent", U"aren't"},
    {U"cant", U"can't"}, {U"couldn'tve", U"couldn't've"}, {U"couldnt", U"couldn't"},
    {U"couldnt've", U"couldn't've"}, {U"couldve", U"could've"}, {U"didnt", U"didn't"}, {U"doesnt", U"doesn't"},
    {U"dont", U"don't"}, {U"hadn'tve", U"hadn't've"}, {U"hadnt", U"hadn't"}, {U"hadnt've", U"hadn't've"},
    {U"hasnt", U"hasn't"}, {U"havent", U"haven't"}, {U"he'dve", U"he'd've"}, {U"hed", U"he'd"},
    {U"hed've", U"he'd've"}, {U"hes", U"he's"}, {U"howd", U"how'd"}, {U"howll", U"how'll"},
    {U"hows", U"how's"}, {U"isnt", U"isn't"}, {U"it'dve", U"it'd've"}, {U"itd", U"it'd"},
    {U"itd've", U"it'd've"}, {U"itll", U"it'll"}, {U"maam", U"ma'am"}, {U"mightn'tve", U"mightn't've"},
    {U"mightnt", U"mightn't"}, {U"mightnt've", U"mightn't've"}, {U"mightve", U"might've"},
    {U"mustnt", U"mustn't"}, {U"mustve", U"must've"}, {U"neednt", U"needn't"}, {U"notve", U"not've"},
    {U"oclock", U"o'clock"}, {U"oughtnt", U"oughtn't"}, {U"ow's'at", U"'ow's'at"}, {U"shant", U"shan't"},
    {U"she'dve", U"she'd've"}, {U"shed've", U"she'd've"}, {U"shouldn'tve", U"shouldn't've"},
    {U"shouldnt", U"shouldn't"}, {U"shouldnt've", U"shouldn't've"}, {U"shouldve", U"should've"},
    {U"somebody'd", U"somebodyd"}, {U"somebody'dve", U"somebody'd've"}, {U"somebodyd've", U"somebody'd've"},
    {U"somebodyll", U"somebody'll"}, {U"somebodys", U"somebody's"}, {U"someone'dve", U"someone'd've"},
    {U"someoned", U"someone'd"}, {U"someoned've", U"someone'd've"}, {U"someonell", U"someone'll"},
    {U"someones", U"someone's"}, {U"something'dve", U"something'd've"}, {U"somethingd", U"something'd"},
    {U"somethingd've", U"something'd've"}, {U"somethingll", U"something'll"}, {U"thats", U"that's"},
    {U"there'dve", U"there'd've"}, {U"thered", U"there'd"}, {U"thered've", U"there'd've"},
    {U"therere", U"there're"}, {U"theres", U"there's"}, {U"they'dve", U"they'd've"}, {U"theyd", U"they'd"},
    {U"theyd've", U"they'd've"}, {U"theyll", U"they'll"}, {U"theyre", U"they're"}, {U"theyve", U"they've"},
    {U"twas", U"'twas"}, {U"wasnt", U"wasn't"}, {U"we'dve", U"we'd've"}, {U"wed've", U"we'd've"},
    {U"werent", U"weren't"}, {U"weve", U"we've"}, {U"whatll", U"what'll"}, {U"whatre", U"what're"},
    {U"whats", U"what's"}, {U"whatve", U"what've"}, {U"whens", U"when's"}, {U"whered", U"where'd"},
    {U"wheres", U"where's"}, {U"whereve", U"where've"}, {U"who'dve", U"who'd've"}, {U"whod", U"who'd"},
    {U"whod've", U"who'd've"}, {U"wholl", U"who'll"}, {U"whos", U"who's"}, {U"whove", U"who've"},
    {U"whyll", U"why'll"}, {U"whyre", U"why're"}, {U"whys", U"why's"}, {U"wont", U"won't"},
    {U"wouldn'tve", U"wouldn't've"}, {U"wouldnt", U"wouldn't"}, {U"wouldnt've", U"wouldn't've"},
    {U"wouldve", U"would've"}, {U"y'all'dve", U"y'all'd've"}, {U"y'alld've", U"y'all'd've"},
    {U"y'allll", U"y'all'll"}, {U"yall", U"y'all"}, {U"yall'd've", U"y'all'd've"}, {U"yall'll", U"y'all'll"},
    {U"you'dve", U"you'd've"}, {U"youd", U"you'd"}, {U"youd've", U"you'd've"}, {U"youll", U"you'll"},
    {U"youre", U"you're"}, {U"youve", U"you've"},
}};
static_assert(std::ranges::is_sorted(kContractions, {}, &VqaContraction::first));
static_assert(std::ranges::adjacent_find(kContractions, {}, &VqaContraction::first) == kContractions.end());

constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 12> kNumberWords = {{
    {U"none", U"0"}, {U"zero", U"0"}, {U"one", U"1"}, {U"two", U"2"}, {U"three", U"3"}, {U"four", U"4"},
    {U"five", U"5"}, {U"six", U"6"}, {U"seven", U"7"}, {U"eight", U"8"}, {U"nine", U"9"}, {U"ten", U"10"},
}};

bool is_decimal_digit(char32_t c) { return decimal_digit_value(c) >= 0; }

// re.search(r"(\d)(\,)(\d)", text)
bool has_digit_comma_digit(std::u32string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (is_decimal_digit(text[i]) && text[i + 1] == U',' && is_decimal_digit(text[i + 2])) return true;
    }
    return false;
}

bool touches_a_space(std::u32string_view text, char32_t mark) {
    const char32_t before_space[] = {mark, U' '};
    const char32_t after_space[] = {U' ', mark};
    return text.find(std::u32string_view(before_space, 2)) != std::u32string_view::npos ||
           text.find(std::u32string_view(after_space, 2)) != std::u32string_view::npos;
}

// periodStrip.sub("", text, 32): matches are found on the text as it was, so "..5" keeps its last period.
std::u32string delete_periods(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t deleted = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool followed_by_digit = i + 1 < text.size() && is_decimal_digit(text[i + 1]);
        if (text[i] == U'.' && !followed_by_digit && deleted < kMaxPeriodsDeleted) {
            ++deleted;
            continue;
        }
        out.push_back(text[i]);
    }
    return out;
}

std::u32string_view map_number_word(std::u32string_view word) {
    const auto it = std::ranges::find(kNumberWords, word, &std::pair<std::u32string_view, std::u32string_view>::first);
    return it == kNumberWords.end() ? word : it->second;
}

bool is_article(std::u32string_view word) { return word == U"a" || word == U"an" || word == U"the"; }

std::u32string_view expand_contraction(std::u32string_view word) {
    const auto it = std::ranges::lower_bound(kContractions, word, {}, &VqaContraction::first);
    return (it != kContractions.end() && it->first == word) ? it->second : word;
}

}  // namespace

std::u32string vqa_clean(std::u32string_view text) {
    std::u32string spaced(text);
    std::ranges::replace(spaced, U'\n', U' ');
    std::ranges::replace(spaced, U'\t', U' ');
    return std::u32string(strip(spaced));
}

std::u32string vqa_process_punctuation(std::u32string_view text) {
    const bool glue = has_digit_comma_digit(text);
    std::u32string out(text);
    for (char32_t mark : kPunctuation) {
        if (glue || touches_a_space(text, mark)) {
            std::erase(out, mark);
        } else {
            std::ranges::replace(out, mark, U' ');
        }
    }
    return delete_periods(out);
}

std::u32string vqa_process_digit_article(std::u32string_view text) {
    std::vector<std::u32string> kept;
    for (const std::u32string& word : split_ws(to_lower(text))) {
        const std::u32string_view mapped = map_number_word(word);
        if (!is_article(mapped)) kept.emplace_back(mapped);
    }
    for (std::u32string& word : kept) word = std::u32string(expand_contraction(word));
    return join_with_single_spaces(kept);
}

std::span<const VqaContraction> vqa_contractions() { return kContractions; }

}  // namespace evalpanel::metrics
