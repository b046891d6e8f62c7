// edit_distance_bench: evalpanel's edit_distance against the textbook two-row DP written in C, on the same
// seeded pairs in the same run. Checks that every distance agrees, prints time and ns per DP cell of each.
//
//   cmake --build BUILD --target edit_distance_bench && BUILD/bin/edit_distance_bench [--seed N]
//       [--edit-rate R] [--dp-pairs-long N] [--crossover]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bench_pairs.hpp"
#include "metrics/edit_distance.hpp"
#include "metrics/edit_distance_bitparallel.hpp"
#include "textbook_dp.h"

namespace {

using evalpanel::bench::TextPair;
using Clock = std::chrono::steady_clock;

struct Options {
    std::uint64_t seed = 20240611;
    double edit_rate = 0.05;
    std::size_t dp_pairs_long = 1;  // the C DP takes ~15 s per 100,000-symbol pair: time it on a subset
    bool crossover = false;
};

struct Case {
    const char* name;
    std::size_t pairs;
    std::size_t length;
    std::size_t dp_pairs;  // how many of the pairs the C DP is timed on
};

// The C DP reads uint32_t; char32_t is a distinct type, so the bench hands it copies made before timing.
struct CInput {
    std::vector<std::uint32_t> reference;
    std::vector<std::uint32_t> hypothesis;
};

struct Timing {
    double seconds = 0;
    double cells = 0;  // n * m summed over the pairs timed
    std::vector<std::size_t> distances;
};

template <typename Distance>
Timing time_pairs(const std::vector<TextPair>& pairs, std::size_t count, Distance distance) {
    Timing timing;
    timing.distances.reserve(count);
    const auto start = Clock::now();
    for (std::size_t k = 0; k < count; ++k) timing.distances.push_back(distance(k));
    timing.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (std::size_t k = 0; k < count; ++k) {
        timing.cells += static_cast<double>(pairs[k].reference.size()) * static_cast<double>(pairs[k].hypothesis.size());
    }
    return timing;
}

double ns_per_cell(const Timing& timing) { return timing.seconds * 1e9 / timing.cells; }

std::string human_seconds(double seconds) {
    char text[32];
    if (seconds >= 1) {
        std::snprintf(text, sizeof text, "%.2f s", seconds);
    } else if (seconds >= 1e-3) {
        std::snprintf(text, sizeof text, "%.1f ms", seconds * 1e3);
    } else {
        std::snprintf(text, sizeof text, "%.0f us", seconds * 1e6);
    }
    return text;
}

bool agree(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b, const char* case_name, const char* what) {
    for (std::size_t k = 0; k < a.size() && k < b.size(); ++k) {
        if (a[k] != b[k]) {
            std::printf("MISMATCH in %s, pair %zu: %s gives %zu, the other %zu\n", case_name, k, what, a[k], b[k]);
            return false;
        }
    }
    return true;
}

// One row of the table; returns false if any two implementations disagree on any pair.
bool run_case(const Case& c, const Options& options) {
    const std::vector<TextPair> pairs = evalpanel::bench::make_pairs(c.pairs, c.length, options.edit_rate,
                                                                      options.seed + c.length);
    std::vector<CInput> c_inputs(c.dp_pairs);
    for (std::size_t k = 0; k < c.dp_pairs; ++k) {
        c_inputs[k].reference.assign(pairs[k].reference.begin(), pairs[k].reference.end());
        c_inputs[k].hypothesis.assign(pairs[k].hypothesis.begin(), pairs[k].hypothesis.end());
    }

    const Timing dp = time_pairs(pairs, c.dp_pairs, [&](std::size_t k) {
        const CInput& in = c_inputs[k];
        return textbook_edit_distance(in.hypothesis.data(), in.hypothesis.size(), in.reference.data(),
                                      in.reference.size());
    });
    const Timing ours = time_pairs(pairs, c.pairs, [&](std::size_t k) {
        return evalpanel::metrics::edit_distance(pairs[k].hypothesis, pairs[k].reference);
    });
    const Timing unbanded = time_pairs(pairs, c.pairs, [&](std::size_t k) {
        return evalpanel::metrics::bit_parallel_edit_distance_unbanded(pairs[k].hypothesis, pairs[k].reference);
    });

    double mean_distance = 0;
    for (const std::size_t d : ours.distances) mean_distance += static_cast<double>(d) / static_cast<double>(c.pairs);
    std::printf("%-16s %6zu %6zu %10.3g %10s %10s %10s %9.3f %9.4f %9.4f %8.1fx %7.0f\n", c.name, c.pairs, c.dp_pairs,
                ours.cells, human_seconds(dp.seconds).c_str(), human_seconds(ours.seconds).c_str(),
                human_seconds(unbanded.seconds).c_str(), ns_per_cell(dp), ns_per_cell(ours), ns_per_cell(unbanded),
                ns_per_cell(dp) / ns_per_cell(ours), mean_distance);
    return agree(dp.distances, ours.distances, c.name, "C DP") &&
           agree(unbanded.distances, ours.distances, c.name, "unbanded bit-parallel");
}

// Where the two-row DP stops being faster than the bit-parallel engine (edit_distance.cpp's
// kBitParallelMinLength): unrelated strings of exactly L symbols, nothing to trim. A few hundred pairs,
// timed over many rounds, so the pairs stay in cache and the figure is the algorithms', not the memory's.
void run_crossover(const Options& options) {
    std::printf("\nCrossover (unrelated pairs of exactly L code points, in cache; ns per pair)\n");
    std::printf("%4s %12s %14s\n", "L", "C DP", "bit-parallel");
    constexpr std::size_t kPairs = 500;
    constexpr std::size_t kRounds = 400;
    for (std::size_t length = 1; length <= 16; ++length) {
        std::vector<TextPair> pairs = evalpanel::bench::make_pairs(kPairs, length, 1.0, options.seed + length);
        std::vector<CInput> c_inputs(kPairs);
        for (std::size_t k = 0; k < kPairs; ++k) {
            pairs[k].reference.resize(length, U'x');
            pairs[k].hypothesis.resize(length, U'y');
            c_inputs[k].reference.assign(pairs[k].reference.begin(), pairs[k].reference.end());
            c_inputs[k].hypothesis.assign(pairs[k].hypothesis.begin(), pairs[k].hypothesis.end());
        }
        double dp_seconds = 0;
        double engine_seconds = 0;
        for (std::size_t round = 0; round < kRounds; ++round) {
            dp_seconds += time_pairs(pairs, kPairs, [&](std::size_t k) {
                return textbook_edit_distance(c_inputs[k].hypothesis.data(), length, c_inputs[k].reference.data(),
                                              length);
            }).seconds;
            engine_seconds += time_pairs(pairs, kPairs, [&](std::size_t k) {
                return evalpanel::metrics::bit_parallel_edit_distance(std::span<const char32_t>(pairs[k].hypothesis),
                                                                       std::span<const char32_t>(pairs[k].reference));
            }).seconds;
        }
        const double runs = static_cast<double>(kPairs * kRounds);
        std::printf("%4zu %12.1f %14.1f\n", length, dp_seconds * 1e9 / runs, engine_seconds * 1e9 / runs);
    }
}

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--seed" && has_value) {
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--edit-rate" && has_value) {
            options.edit_rate = std::strtod(argv[++i], nullptr);
        } else if (arg == "--dp-pairs-long" && has_value) {
            options.dp_pairs_long = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--crossover") {
            options.crossover = true;
        } else {
            std::fprintf(stderr, "usage: %s [--seed N] [--edit-rate R] [--dp-pairs-long N (1..5)] [--crossover]\n",
                         argv[0]);
            return false;
        }
    }
    options.dp_pairs_long = std::min<std::size_t>(std::max<std::size_t>(options.dp_pairs_long, 1), 5);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) return 2;
#ifndef NDEBUG
    std::printf("WARNING: built without NDEBUG (not a Release build): timings are not representative.\n");
#endif
    std::printf("edit_distance_bench: evalpanel::metrics::edit_distance vs the textbook two-row DP in C\n");
    std::printf("seed %llu, edit rate %.3f (substitution / insertion / deletion, equally likely)\n\n",
                static_cast<unsigned long long>(options.seed), options.edit_rate);
    std::printf("%-16s %6s %6s %10s %10s %10s %10s %9s %9s %9s %9s %7s\n", "case", "pairs", "DP on", "cells n*m",
                "C DP", "evalpanel", "unbanded", "DP ns/c", "ep ns/c", "unb ns/c", "speed-up", "mean d");

    const Case cases[] = {
        {"~100 chars", 10000, 100, 10000},
        {"~10,000 chars", 100, 10000, 100},
        {"~100,000 chars", 5, 100000, options.dp_pairs_long},
    };
    bool all_agree = true;
    for (const Case& c : cases) all_agree = run_case(c, options) && all_agree;

    std::printf("\ncells n*m and the evalpanel columns cover all pairs; the C DP is timed on the first \"DP on\" "
                "pairs\n(ns per cell is comparable either way). speed-up = DP ns/cell / evalpanel ns/cell. "
                "\"unbanded\" = the\nbit-parallel engine computing every block of every column (no Ukkonen band, "
                "no trimming).\n");
    if (options.crossover) run_crossover(options);
    std::printf("\n%s\nreproduce: cmake --build BUILD --target edit_distance_bench && BUILD/bin/edit_distance_bench",
                all_agree ? "all distances agree" : "DISTANCES DISAGREE");
    for (int i = 1; i < argc; ++i) std::printf(" %s", argv[i]);
    std::printf("\n");
    return all_agree ? 0 : 1;
}
