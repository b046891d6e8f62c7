// Confidence intervals for means and for paired differences, reproducible: the same values always give
// the same interval (fixed seed, a generator whose output the standard fixes, and index drawing that does
// not depend on the standard library's distributions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace evalpanel::report {

struct Interval {
    double low = 0;
    double high = 0;
};

struct IntervalOptions {
    double level = 0.95;
    int resamples = 2000;
    std::uint64_t seed = 20261124;
    // Above this many values the percentile bootstrap (cost: resamples x n) gives way to the normal
    // approximation mean +- z * sd / sqrt(n), which the central limit theorem makes as good at that size.
    std::size_t bootstrap_limit = 20000;
};

// Percentile-bootstrap interval of the mean of `values`; nullopt when there are none. One value (or all
// equal) gives a zero-width interval.
std::optional<Interval> mean_interval(const std::vector<double>& values, const IntervalOptions& options = {});

// The same for paired differences (candidate[i] - base[i]): resampling pairs keeps each case's own
// difficulty out of the comparison, which is what makes a paired test sharper than two separate ones.
std::optional<Interval> paired_difference_interval(const std::vector<double>& base,
                                                   const std::vector<double>& candidate,
                                                   const IntervalOptions& options = {});

// "bootstrap" or "normal", whichever mean_interval uses for n values.
std::string interval_method(std::size_t n, const IntervalOptions& options = {});

}  // namespace evalpanel::report
