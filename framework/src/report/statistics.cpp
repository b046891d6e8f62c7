#include "report/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "report/aggregate.hpp"

namespace evalpanel::report {

namespace {

double mean_of(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

// Two-sided standard normal quantile for the usual levels; exact enough for reporting.
double z_for(double level) {
    if (std::abs(level - 0.95) < 1e-9) return 1.959963984540054;
    if (std::abs(level - 0.90) < 1e-9) return 1.6448536269514722;
    if (std::abs(level - 0.99) < 1e-9) return 2.5758293035489004;
    throw std::invalid_argument("confidence level must be 0.90, 0.95 or 0.99");
}

Interval normal_interval(const std::vector<double>& v, double level) {
    const double m = mean_of(v);
    double ss = 0;
    for (double x : v) ss += (x - m) * (x - m);
    const double sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0.0;
    const double half = z_for(level) * sd / std::sqrt(static_cast<double>(v.size()));
    return {m - half, m + half};
}

Interval bootstrap_interval(const std::vector<double>& v, const IntervalOptions& options) {
    std::mt19937_64 rng(options.seed);  // its output sequence is fixed by the standard
    const auto n = static_cast<std::uint64_t>(v.size());  // < 2^32: a run never has four billion cases
    std::vector<double> means(static_cast<std::size_t>(options.resamples));
    for (double& resampled_mean : means) {
        double sum = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            // Multiply-shift maps a 32-bit draw onto [0, n) without a library distribution.
            const auto index = static_cast<std::size_t>(((rng() >> 32) * n) >> 32);
            sum += v[index];
        }
        resampled_mean = sum / static_cast<double>(v.size());
    }
    const double tail = (1.0 - options.level) / 2.0 * 100.0;
    return {*percentile(means, tail), *percentile(means, 100.0 - tail)};
}

}  // namespace

std::string interval_method(std::size_t n, const IntervalOptions& options) {
    return n > options.bootstrap_limit ? "normal" : "bootstrap";
}

std::optional<Interval> mean_interval(const std::vector<double>& values, const IntervalOptions& options) {
    if (values.empty()) return std::nullopt;
    if (values.size() > options.bootstrap_limit) return normal_interval(values, options.level);
    return bootstrap_interval(values, options);
}

std::optional<Interval> paired_difference_interval(const std::vector<double>& base,
                                                   const std::vector<double>& candidate,
                                                   const IntervalOptions& options) {
    if (base.size() != candidate.size()) throw std::invalid_argument("paired samples must have the same size");
    std::vector<double> differences(base.size());
    for (std::size_t i = 0; i < base.size(); ++i) differences[i] = candidate[i] - base[i];
    return mean_interval(differences, options);
}

}  // namespace evalpanel::report
