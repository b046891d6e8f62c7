#include "bench_pairs.hpp"

#include <random>
#include <string_view>

namespace evalpanel::bench {
namespace {

// Each code point appears here about as often as in English prose (per 1,000 symbols), so the alphabet
// the engine sees has the size and skew of real text; the tail is what makes it Unicode.
struct Weighted {
    std::u32string_view symbols;
    double per_mille_each;
};
constexpr Weighted kAlphabet[] = {
    {U" ", 170}, {U"e", 95},  {U"t", 70},  {U"a", 62},  {U"o", 58},  {U"i", 54},  {U"n", 54},
    {U"s", 50},  {U"h", 42},  {U"r", 46},  {U"d", 32},  {U"l", 31},  {U"u", 22},  {U"c", 21},
    {U"m", 19},  {U"f", 17},  {U"w", 15},  {U"g", 15},  {U"y", 14},  {U"p", 14},  {U"b", 11},
    {U"v", 8},   {U"k", 6},   {U"jxqz", 1},  {U"TAISHWCBMDPRNEFGLO", 2}, {U"0123456789", 3},
    {U".,", 9},  {U"'\"-;:()?!", 1.5}, {U"\u00E9\u00E8\u00E0\u00FC\u00F6\u00E7\u00F1\u00DF", 0.6},
    {U"\u03B1\u03B2\u03B3\u03B4\u03C0\u03C3", 0.2}, {U"\u6587\u5B57\u8BC6\u522B\u4E2D\u6587", 0.2},
    {U"\u2014\u2019\u201C\u201D\u20AC", 0.5}, {U"\U0001F600\U0001F44D\U0001F4C4", 0.1},
};

class SymbolSource {
public:
    SymbolSource() {
        std::vector<double> weights;
        for (const Weighted& group : kAlphabet) {
            for (const char32_t symbol : group.symbols) {
                symbols_.push_back(symbol);
                weights.push_back(group.per_mille_each);
            }
        }
        pick_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    }
    char32_t operator()(std::mt19937_64& rng) { return symbols_[pick_(rng)]; }

private:
    std::u32string symbols_;
    std::discrete_distribution<std::size_t> pick_;
};

std::u32string with_edits(const std::u32string& text, double edit_rate, SymbolSource& symbol, std::mt19937_64& rng) {
    std::bernoulli_distribution edit_here(edit_rate);
    std::uniform_int_distribution<int> kind(0, 2);
    std::u32string edited;
    edited.reserve(text.size() + text.size() / 8);
    for (const char32_t c : text) {
        if (!edit_here(rng)) {
            edited.push_back(c);
            continue;
        }
        switch (kind(rng)) {
            case 0: edited.push_back(symbol(rng)); break;              // substitution (may redraw c)
            case 1: edited.append({symbol(rng), c}); break;            // insertion before c
            default: break;                                            // deletion of c
        }
    }
    return edited;
}

}  // namespace

std::vector<TextPair> make_pairs(std::size_t count, std::size_t length, double edit_rate, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    SymbolSource symbol;
    std::uniform_int_distribution<std::size_t> jitter(length - length / 10, length + length / 10);
    std::vector<TextPair> pairs(count);
    for (TextPair& pair : pairs) {
        pair.reference.resize(jitter(rng));
        for (char32_t& c : pair.reference) c = symbol(rng);
        pair.hypothesis = with_edits(pair.reference, edit_rate, symbol, rng);
    }
    return pairs;
}

}  // namespace evalpanel::bench
