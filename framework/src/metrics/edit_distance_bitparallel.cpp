#include "metrics/edit_distance_bitparallel.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <vector>

namespace evalpanel::metrics {
namespace {

using Word = std::uint64_t;
constexpr std::size_t kWordBits = 64;
constexpr Word kTopBit = Word{1} << (kWordBits - 1);

// Dense Peq rows while they take at most this many words (8 MiB): always for text, whose alphabet is a few
// hundred code points; long word sequences with thousands of distinct words go sparse instead.
constexpr std::size_t kDenseLimitWords = std::size_t{1} << 20;

// The first band tried is this many diagonals either side of the ones every alignment must cross.
// Smaller wastes passes on texts with a few percent of errors; larger wastes blocks on near-equal ones.
constexpr std::size_t kFirstBandHalfWidth = 128;

std::size_t block_count(std::size_t length) { return (length + kWordBits - 1) / kWordBits; }

// Symbol -> row number: 1, 2, ... for the distinct symbols of the pattern in order of first appearance,
// 0 for a symbol the pattern lacks (its Peq row is all zeros). Open addressing with linear probing and
// Fibonacci hashing: symbols are arbitrary 32-bit values (code points up to 0x10FFFF, word ids), so no
// fixed-size table indexed by symbol would do.
class SymbolRows {
public:
    explicit SymbolRows(std::size_t max_symbols)
        : shift_(kWordBits - static_cast<std::size_t>(std::countr_zero(
                                 std::bit_ceil(std::max<std::size_t>(2 * max_symbols, 16))))),
          keys_(std::size_t{1} << (kWordBits - shift_)),
          rows_(keys_.size(), 0) {}

    std::uint32_t insert(std::uint32_t symbol) {
        std::size_t slot = home(symbol);
        while (rows_[slot] != 0) {
            if (keys_[slot] == symbol) return rows_[slot];
            slot = (slot + 1) & (keys_.size() - 1);
        }
        keys_[slot] = symbol;
        rows_[slot] = ++count_;
        return count_;
    }

    std::uint32_t find(std::uint32_t symbol) const {
        std::size_t slot = home(symbol);
        while (rows_[slot] != 0) {
            if (keys_[slot] == symbol) return rows_[slot];
            slot = (slot + 1) & (keys_.size() - 1);
        }
        return 0;
    }

    std::size_t size() const { return count_; }

private:
    std::size_t home(std::uint32_t symbol) const {
        return static_cast<std::size_t>((symbol * 0x9E3779B97F4A7C15ULL) >> shift_);
    }

    std::size_t shift_;
    std::vector<std::uint32_t> keys_;
    std::vector<std::uint32_t> rows_;  // 0 marks an empty slot
    std::uint32_t count_ = 0;
};

// Both sequences as Peq row numbers: all the bit-parallel passes need from the symbols themselves.
struct RowCodedPair {
    std::vector<std::uint32_t> pattern;  // rows 1..distinct
    std::vector<std::uint32_t> text;     // rows 0..distinct
    std::size_t distinct = 0;
};

template <typename Symbol>
RowCodedPair code_as_rows(std::span<const Symbol> pattern, std::span<const Symbol> text) {
    SymbolRows rows(pattern.size());
    RowCodedPair coded;
    coded.pattern.reserve(pattern.size());
    for (const Symbol symbol : pattern) coded.pattern.push_back(rows.insert(static_cast<std::uint32_t>(symbol)));
    coded.text.reserve(text.size());
    for (const Symbol symbol : text) coded.text.push_back(rows.find(static_cast<std::uint32_t>(symbol)));
    coded.distinct = rows.size();
    return coded;
}

// Peq as one row of `blocks` words per row number: the column for a text symbol is a pointer, no work.
class DensePeq {
public:
    DensePeq(const std::vector<std::uint32_t>& pattern, std::size_t distinct)
        : blocks_(block_count(pattern.size())), words_((distinct + 1) * blocks_, 0) {
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            words_[pattern[i] * blocks_ + i / kWordBits] |= Word{1} << (i % kWordBits);
        }
    }
    void start_pass() {}
    const Word* column(std::uint32_t row, std::size_t /*first*/, std::size_t /*last*/) {
        return words_.data() + row * blocks_;
    }
    void end_column() {}

private:
    std::size_t blocks_;
    std::vector<Word> words_;
};

// Peq as the non-zero words only, by row then block. For a column, the row's words within the band's
// blocks [first, last] are written into a zeroed scratch column and wiped after it. The band only moves
// down, so each row keeps a cursor past the blocks already left behind.
class SparsePeq {
public:
    SparsePeq(const std::vector<std::uint32_t>& pattern, std::size_t distinct)
        : row_begin_(distinct + 2, 0), scratch_(block_count(pattern.size()), 0) {
        std::vector<std::size_t> last_block(distinct + 1, SIZE_MAX);
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (last_block[pattern[i]] != i / kWordBits) {
                last_block[pattern[i]] = i / kWordBits;
                ++row_begin_[pattern[i] + 1];
            }
        }
        for (std::size_t row = 1; row < row_begin_.size(); ++row) row_begin_[row] += row_begin_[row - 1];
        block_.resize(row_begin_.back());
        bits_.assign(row_begin_.back(), 0);
        std::vector<std::size_t> next(row_begin_.begin(), row_begin_.end() - 1);
        std::fill(last_block.begin(), last_block.end(), SIZE_MAX);
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const std::uint32_t row = pattern[i];
            if (last_block[row] != i / kWordBits) {
                last_block[row] = i / kWordBits;
                block_[next[row]++] = i / kWordBits;
            }
            bits_[next[row] - 1] |= Word{1} << (i % kWordBits);
        }
    }

    void start_pass() { cursor_.assign(row_begin_.begin(), row_begin_.end() - 1); }

    const Word* column(std::uint32_t row, std::size_t first, std::size_t last) {
        std::size_t entry = cursor_[row];
        const std::size_t end = row_begin_[row + 1];
        while (entry < end && block_[entry] < first) ++entry;
        cursor_[row] = entry;
        written_begin_ = entry;
        for (; entry < end && block_[entry] <= last; ++entry) scratch_[block_[entry]] = bits_[entry];
        written_end_ = entry;
        return scratch_.data();
    }

    void end_column() {
        for (std::size_t entry = written_begin_; entry < written_end_; ++entry) scratch_[block_[entry]] = 0;
    }

private:
    std::vector<std::size_t> row_begin_;  // entries of row r: [row_begin_[r], row_begin_[r + 1])
    std::vector<std::size_t> block_;
    std::vector<Word> bits_;
    std::vector<std::size_t> cursor_;
    std::vector<Word> scratch_;
    std::size_t written_begin_ = 0;
    std::size_t written_end_ = 0;
};

// One column step of one 64-row block (Myers 1999, Fig. 9 "advance_block", branch-free). The block's
// vertical deltas are +1 where `pv` is set, -1 where `mv` is; `hp`/`hn` carry the horizontal delta at the
// row above the block in, and return the one at `high` (the block's last row) to hand to the block below.
struct BlockStep {
    Word hp;
    Word hn;
};

inline BlockStep advance_block(Word eq, Word& pv, Word& mv, BlockStep in, Word high) {
    const Word xv = eq | mv;
    eq |= in.hn;  // a -1 coming in from above acts as a match on the block's first row
    const Word xh = (((eq & pv) + pv) ^ pv) | eq;
    Word ph = mv | ~(xh | pv);
    Word mh = pv & xh;
    const BlockStep out{(ph & high) != 0 ? Word{1} : Word{0}, (mh & high) != 0 ? Word{1} : Word{0}};
    ph = (ph << 1) | in.hp;
    mh = (mh << 1) | in.hn;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    return out;
}

// Peq of a pattern of at most 64 symbols: a small open-addressing table of (symbol, bits) on the stack,
// so the short strings that most metric calls compare cost no allocation at all.
class SingleWordPeq {
public:
    template <typename Symbol>
    explicit SingleWordPeq(std::span<const Symbol> pattern)
        : capacity_(std::bit_ceil(std::max<std::size_t>(2 * pattern.size(), 8))),
          shift_(kWordBits - static_cast<std::size_t>(std::countr_zero(capacity_))) {
        for (std::size_t slot = 0; slot < capacity_; ++slot) slots_[slot].bits = 0;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const auto symbol = static_cast<std::uint32_t>(pattern[i]);
            std::size_t slot = home(symbol);
            while (slots_[slot].bits != 0 && slots_[slot].symbol != symbol) slot = (slot + 1) & (capacity_ - 1);
            slots_[slot].symbol = symbol;
            slots_[slot].bits |= Word{1} << i;
        }
    }

    Word operator()(std::uint32_t symbol) const {
        for (std::size_t slot = home(symbol);; slot = (slot + 1) & (capacity_ - 1)) {
            if (slots_[slot].bits == 0 || slots_[slot].symbol == symbol) return slots_[slot].bits;
        }
    }

private:
    struct Slot {
        std::uint32_t symbol;
        Word bits;  // 0 marks an empty slot: a symbol of the pattern has at least one bit
    };
    std::size_t home(std::uint32_t symbol) const {
        return static_cast<std::size_t>((symbol * 0x9E3779B97F4A7C15ULL) >> shift_);
    }

    std::size_t capacity_;
    std::size_t shift_;
    std::array<Slot, 2 * kWordBits> slots_;  // only the first capacity_ are used (and initialised)
};

// Pattern of 1..64 symbols: the whole column is one word.
template <typename Symbol>
std::size_t single_word_distance(std::span<const Symbol> pattern, std::span<const Symbol> text) {
    const SingleWordPeq peq(pattern);
    const std::size_t m = pattern.size();
    const Word high = Word{1} << (m - 1);
    Word pv = ~Word{0};
    Word mv = 0;
    std::size_t score = m;
    for (const Symbol symbol : text) {
        // The top boundary row D[0][j] = j grows by one per column: +1 enters every column.
        const BlockStep out = advance_block(peq(static_cast<std::uint32_t>(symbol)), pv, mv, BlockStep{1, 0}, high);
        score = score + out.hp - out.hn;
    }
    return score;
}

// D'[m][n] computed over the blocks that meet the diagonal band j - i in [-half_width, d + half_width]
// (d = n - m) in each column j; with half_width >= m every block of every column. Rows above the band are
// replaced by a boundary whose values grow by +1 per column, rows below it start as the block above plus
// +1 per row: both are >= the true values, so D' >= D everywhere, and D' == D whenever every alignment of
// cost <= d + 2 * half_width stays inside the band, which is so (Ukkonen 1985).
template <typename Peq>
std::size_t banded_pass(const RowCodedPair& coded, Peq& peq, std::size_t half_width) {
    const std::size_t m = coded.pattern.size();
    const std::size_t n = coded.text.size();
    const std::size_t d = n - m;
    const std::size_t blocks = block_count(m);
    const std::size_t final_block = blocks - 1;
    const Word final_high = Word{1} << ((m - 1) % kWordBits);
    const auto bottom_row = [m](std::size_t block) { return std::min(m, (block + 1) * kWordBits); };
    const auto last_block_of_column = [&](std::size_t j) { return (std::min(m, j + half_width) - 1) / kWordBits; };

    std::vector<Word> pv(blocks, ~Word{0});
    std::vector<Word> mv(blocks, 0);
    std::vector<std::size_t> score(blocks);  // D' at each block's last row, in the current column
    std::size_t first = 0;
    std::size_t last = last_block_of_column(1);
    for (std::size_t block = 0; block <= last; ++block) score[block] = bottom_row(block);

    peq.start_pass();
    for (std::size_t j = 1; j <= n; ++j) {
        for (const std::size_t want = last_block_of_column(j); last < want;) {
            ++last;  // enters below the band: D' at column j - 1 is the block above's bottom + 1 per row
            score[last] = score[last - 1] + (bottom_row(last) - bottom_row(last - 1));
        }
        if (j > d + half_width) first = std::max(first, (j - d - half_width - 1) / kWordBits);

        const Word* eq = peq.column(coded.text[j - 1], first, last);
        BlockStep carry{1, 0};  // +1 at the top: row 0 itself, or the boundary that replaced the rows above
        const std::size_t full_end = last == final_block ? final_block : last + 1;
        for (std::size_t block = first; block < full_end; ++block) {
            carry = advance_block(eq[block], pv[block], mv[block], carry, kTopBit);
            score[block] = score[block] + carry.hp - carry.hn;
        }
        if (last == final_block) {
            const BlockStep out = advance_block(eq[final_block], pv[final_block], mv[final_block], carry, final_high);
            score[final_block] = score[final_block] + out.hp - out.hn;
        }
        peq.end_column();
    }
    return score[final_block];
}

// Widens the band until the distance it finds is one the band is guaranteed to hold. A pass that fails
// still gives an upper bound D' >= D, so the next band never needs to be wider than one that admits D'.
template <typename Peq>
std::size_t banded_distance(const RowCodedPair& coded, Peq& peq) {
    const std::size_t m = coded.pattern.size();
    const std::size_t d = coded.text.size() - m;
    const std::size_t blocks = block_count(m);
    std::size_t half_width = kFirstBandHalfWidth;
    while (true) {
        // A band that meets most blocks anyway costs as much as the full matrix and cannot fail.
        const bool covers_most = (d + 2 * half_width) / kWordBits + 2 >= blocks;
        if (covers_most || half_width >= m) return banded_pass(coded, peq, m);
        const std::size_t found = banded_pass(coded, peq, half_width);
        if (found <= d + 2 * half_width) return found;
        // found > d + 2 * half_width, so this always widens the band: the loop ends by half_width >= m.
        half_width = std::min(2 * half_width, (found - d) / 2 + 1);
    }
}

template <typename Peq>
std::size_t multi_word_distance(const RowCodedPair& coded, bool banded) {
    Peq peq(coded.pattern, coded.distinct);
    return banded ? banded_distance(coded, peq) : banded_pass(coded, peq, coded.pattern.size());
}

template <typename Symbol>
std::size_t distance(std::span<const Symbol> a, std::span<const Symbol> b, PeqLayout layout, bool banded) {
    if (a.size() > b.size()) std::swap(a, b);  // the shorter one is the pattern: fewer blocks per column
    if (a.empty()) return b.size();
    if (a.size() <= kWordBits) return single_word_distance(a, b);
    const RowCodedPair coded = code_as_rows(a, b);
    if (layout == PeqLayout::automatic) {
        const bool dense_is_small = (coded.distinct + 1) * block_count(coded.pattern.size()) <= kDenseLimitWords;
        layout = dense_is_small ? PeqLayout::dense : PeqLayout::sparse;
    }
    return layout == PeqLayout::dense ? multi_word_distance<DensePeq>(coded, banded)
                                      : multi_word_distance<SparsePeq>(coded, banded);
}

}  // namespace

std::size_t bit_parallel_edit_distance(std::span<const char32_t> a, std::span<const char32_t> b,
                                       PeqLayout layout) {
    return distance(a, b, layout, true);
}

std::size_t bit_parallel_edit_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
                                       PeqLayout layout) {
    return distance(a, b, layout, true);
}

std::size_t bit_parallel_edit_distance_unbanded(std::span<const char32_t> a, std::span<const char32_t> b) {
    return distance(a, b, PeqLayout::automatic, false);
}

}  // namespace evalpanel::metrics
