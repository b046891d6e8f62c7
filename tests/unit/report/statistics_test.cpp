#include "report/statistics.hpp"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

namespace evalpanel::report {
namespace {

std::vector<double> sample(std::size_t n, double p, unsigned seed) {
    std::mt19937 rng(seed);
    std::bernoulli_distribution coin(p);
    std::vector<double> v(n);
    for (double& x : v) x = coin(rng) ? 1.0 : 0.0;
    return v;
}

TEST(Statistics, EmptyHasNoInterval) { EXPECT_FALSE(mean_interval({}).has_value()); }

TEST(Statistics, ConstantValuesGiveAZeroWidthInterval) {
    const auto ci = mean_interval({0.25, 0.25, 0.25});
    ASSERT_TRUE(ci);
    EXPECT_DOUBLE_EQ(ci->low, 0.25);
    EXPECT_DOUBLE_EQ(ci->high, 0.25);
}

TEST(Statistics, SameValuesSameIntervalEveryTime) {
    const auto v = sample(200, 0.7, 1);
    const auto a = mean_interval(v);
    const auto b = mean_interval(v);
    EXPECT_EQ(a->low, b->low);
    EXPECT_EQ(a->high, b->high);
}

TEST(Statistics, IntervalContainsTheMeanAndHasTheExpectedWidth) {
    const auto v = sample(400, 0.5, 2);
    double mean = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    const auto ci = mean_interval(v);
    EXPECT_LT(ci->low, mean);
    EXPECT_GT(ci->high, mean);
    // Binomial standard error at p=0.5, n=400 is 0.025: a 95% interval is about +-0.049.
    EXPECT_NEAR(ci->high - ci->low, 2 * 1.96 * 0.025, 0.012);
}

TEST(Statistics, LargeSamplesUseTheNormalApproximationWithTheSameWidth) {
    const auto v = sample(30000, 0.5, 3);
    EXPECT_EQ(interval_method(v.size()), "normal");
    const auto ci = mean_interval(v);
    EXPECT_NEAR(ci->high - ci->low, 2 * 1.96 * std::sqrt(0.25 / 30000), 0.0005);
    IntervalOptions bootstrap_all;
    bootstrap_all.bootstrap_limit = 1000000;
    bootstrap_all.resamples = 400;
    const auto b = mean_interval(v, bootstrap_all);
    EXPECT_NEAR(b->high - b->low, ci->high - ci->low, 0.002);
}

TEST(Statistics, IdenticalPairsGiveZeroDifference) {
    const auto v = sample(100, 0.6, 4);
    const auto d = paired_difference_interval(v, v);
    EXPECT_DOUBLE_EQ(d->low, 0.0);
    EXPECT_DOUBLE_EQ(d->high, 0.0);
}

TEST(Statistics, PairingSeesASmallConsistentDropThatSeparateIntervalsMiss) {
    // Case difficulty varies a lot; the candidate loses 0.02 on every case.
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> difficulty(0.0, 1.0);
    std::vector<double> base(300), candidate(300);
    for (std::size_t i = 0; i < base.size(); ++i) {
        base[i] = difficulty(rng);
        candidate[i] = base[i] - 0.02;
    }
    const auto d = paired_difference_interval(base, candidate);
    EXPECT_LT(d->high, 0.0);
    const auto a = mean_interval(base), b = mean_interval(candidate);
    EXPECT_GT(b->high, a->low);  // the unpaired intervals overlap
}

TEST(Statistics, MismatchedPairsAreRefused) {
    EXPECT_THROW(paired_difference_interval({1, 2}, {1}), std::invalid_argument);
}

}  // namespace
}  // namespace evalpanel::report
