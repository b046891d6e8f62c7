#include "metrics/relaxed_accuracy.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "metrics/metric.hpp"
#include "metrics/params.hpp"
#include "metrics/python_float.hpp"
#include "metrics/unicode.hpp"

namespace evalpanel::metrics {
namespace {

using Targets = std::vector<std::string>;

// Expected values not printed in METRICS.md come from Python 3.11: float() itself, and pix2struct's
// relaxed_correctness run unchanged.

std::optional<double> py_float(std::string_view text) { return python_float(decode_utf8(text)); }

double score(std::string_view prediction, std::string_view target) {
    return *relaxed_accuracy(prediction, {std::string(target)});
}

// METRICS.md §6 table.
TEST(RelaxedAccuracy, WorkedExamples) {
    EXPECT_EQ(score("48", "50"), 1.0);
    EXPECT_EQ(score("47", "50"), 0.0);
    EXPECT_EQ(score("Blue", "blue"), 1.0);
    EXPECT_EQ(score("0.3", "30%"), 1.0);
    EXPECT_EQ(score("1.6065", "1.53"), 0.0);
}

// Guards computing the ratio and then comparing (METRICS.md §0): |p−t| <= 0.05·|t| would say right for
// 1.6065 vs 1.53, and 2.1 vs 2 is 0.050000000000000044.
TEST(RelaxedAccuracy, ComparesTheRatioAsComputed) {
    EXPECT_EQ(score("2.1", "2"), 0.0);
    EXPECT_EQ(score("1.9", "2"), 0.0);
    EXPECT_EQ(score("1.05", "1"), 0.0);
    EXPECT_EQ(score("0.95", "1"), 0.0);
    EXPECT_EQ(score("63", "60"), 1.0);   // the ratio is exactly the double 0.05
    EXPECT_EQ(score("57", "60"), 1.0);
    EXPECT_EQ(score("105", "100"), 1.0);
    EXPECT_EQ(score("95", "100"), 1.0);
    EXPECT_EQ(score("52.5", "50"), 1.0);
    EXPECT_EQ(score("47.5", "50"), 1.0);
    EXPECT_EQ(score("47.49", "50"), 0.0);
}

// Guards dividing by the target, not the prediction (Qwen-VL swaps them).
TEST(RelaxedAccuracy, DividesByTheTarget) {
    EXPECT_EQ(score("57", "60"), 1.0);
    EXPECT_EQ(score("63.1", "60"), 0.0);
}

TEST(RelaxedAccuracy, SignsMatter) {
    EXPECT_EQ(score("-48", "-50"), 1.0);
    EXPECT_EQ(score("-48", "50"), 0.0);
    EXPECT_EQ(score("48", "-50"), 0.0);
}

// Guards the "%" step: trailing "%"s go and the rest is divided by 100.
TEST(RelaxedAccuracy, PercentagesAreDividedBy100) {
    EXPECT_EQ(score("12%", "0.12"), 1.0);
    EXPECT_EQ(score("0.12", "12%"), 1.0);
    EXPECT_EQ(score("12 %", "0.12"), 1.0);
    EXPECT_EQ(score("12%%", "0.12"), 1.0);
    EXPECT_EQ(score("50%", "0.5"), 1.0);
    EXPECT_EQ(score("0.07", "7%"), 1.0);
    EXPECT_EQ(score("7", "7%"), 0.0);
    EXPECT_EQ(score("12% ", "12%"), 0.0);  // does not end with "%": not a number, strings differ
    EXPECT_EQ(score("%", "%"), 1.0);       // "" is not a number: equal strings
    EXPECT_EQ(score("%", "0"), 0.0);
}

// Guards the zero-target rule: a target of 0 (or -0) falls back to string equality.
TEST(RelaxedAccuracy, ZeroTargetComparesStrings) {
    EXPECT_EQ(score("0", "0"), 1.0);
    EXPECT_EQ(score("0.00", "0"), 0.0);
    EXPECT_EQ(score("0", "0.0"), 0.0);
    EXPECT_EQ(score("-0", "-0.0"), 0.0);
    EXPECT_EQ(score("1", "-0.0"), 0.0);
    EXPECT_EQ(score("1e-999", "0"), 0.0);  // underflows to 0, still a different string
}

TEST(RelaxedAccuracy, NanAndInfinityNeverMatchNumerically) {
    EXPECT_EQ(score("nan", "nan"), 0.0);  // NaN is "other than 0": the ratio is NaN, and equal text does not help
    EXPECT_EQ(score("1", "nan"), 0.0);
    EXPECT_EQ(score("inf", "inf"), 0.0);  // inf − inf
    EXPECT_EQ(score("1", "inf"), 0.0);
    EXPECT_EQ(score("inf", "1"), 0.0);
    EXPECT_EQ(score("1e999", "1e999"), 0.0);  // both overflow to inf
    EXPECT_EQ(score("INF", "Infinity"), 0.0);
}

// Guards the no-strip string fallback.
TEST(RelaxedAccuracy, NonNumbersCompareLowerCasedWithoutStripping) {
    EXPECT_EQ(score("no ", "no"), 0.0);
    EXPECT_EQ(score("NO", "no"), 1.0);
    EXPECT_EQ(score("abc", "ABC"), 1.0);
    EXPECT_EQ(score("", ""), 1.0);
    EXPECT_EQ(score("", "0"), 0.0);
    EXPECT_EQ(score("2,500", "2500"), 0.0);  // thousands commas are not a number
    EXPECT_EQ(score("2,500", "2,500"), 1.0);
    EXPECT_EQ(score("0x10", "16"), 0.0);
}

// Guards full lower-casing in the fallback.
TEST(RelaxedAccuracy, FallbackLowersWithTheFullMapping) {
    EXPECT_EQ(score("\u03A3", "\u03C3"), 1.0);
    EXPECT_EQ(score("\u03A3\u0391\u03A3", "\u03C3\u03B1\u03C2"), 1.0);  // final sigma
    EXPECT_EQ(score("\u0130", "i\u0307"), 1.0);
    EXPECT_EQ(score("stra\u00DFe", "STRASSE"), 0.0);  // lower, not case folding
}

TEST(RelaxedAccuracy, NumbersInPythonSyntax) {
    EXPECT_EQ(score(" 48 ", "50"), 1.0);
    EXPECT_EQ(score("48\n", "50"), 1.0);
    EXPECT_EQ(score("48\u0085", "50"), 1.0);
    EXPECT_EQ(score("\x1c" "48", "50"), 0.0);  // float() does not strip U+001C
    EXPECT_EQ(score("\uFF14\uFF18", "50"), 1.0);  // full-width digits
    EXPECT_EQ(score("\u0664\u0668", "50"), 1.0);  // Arabic-Indic digits
    EXPECT_EQ(score("2_500", "2500"), 1.0);
    EXPECT_EQ(score("5e1", "50"), 1.0);
}

TEST(RelaxedAccuracy, AnyTargetWins) {
    EXPECT_EQ(relaxed_accuracy("48", {"abc", "50"}), 1.0);
    EXPECT_EQ(relaxed_accuracy("48", {"50", "abc"}), 1.0);
    EXPECT_EQ(relaxed_accuracy("48", {"60", "abc"}), 0.0);
}

TEST(RelaxedAccuracy, NoTargetsIsUndefined) { EXPECT_EQ(relaxed_accuracy("48", {}), std::nullopt); }

TEST(RelaxedAccuracy, ToleranceIsAParameter) {
    EXPECT_EQ(*relaxed_accuracy("47", {"50"}, 0.06), 1.0);
    EXPECT_EQ(*relaxed_accuracy("48", {"50"}, 0.0), 0.0);
    EXPECT_EQ(*relaxed_accuracy("50", {"50"}, 0.0), 1.0);
}

TEST(ChartNumber, ReadsPercentagesAndPlainNumbers) {
    EXPECT_EQ(chart_number("30%"), 0.3);
    EXPECT_EQ(chart_number("12%%"), 0.12);
    EXPECT_EQ(chart_number("7"), 7.0);
    EXPECT_EQ(chart_number("%"), std::nullopt);
    EXPECT_EQ(chart_number("abc%"), std::nullopt);
    EXPECT_EQ(chart_number("12% "), std::nullopt);
}

TEST(PythonFloat, AcceptsPythonsGrammar) {
    EXPECT_EQ(py_float("7."), 7.0);
    EXPECT_EQ(py_float(".7"), 0.7);
    EXPECT_EQ(py_float("+1.5"), 1.5);
    EXPECT_EQ(py_float("-2"), -2.0);
    EXPECT_EQ(py_float("1e+5"), 100000.0);
    EXPECT_EQ(py_float("1.e5"), 100000.0);
    EXPECT_EQ(py_float("2E-3"), 0.002);
    EXPECT_EQ(py_float("0.1"), 0.1);
    EXPECT_EQ(py_float("1.7976931348623157e308"), 1.7976931348623157e308);
    EXPECT_EQ(py_float("5e-324"), 5e-324);
}

TEST(PythonFloat, UnderscoresOnlyBetweenDigits) {
    EXPECT_EQ(py_float(" 1_0 "), 10.0);
    EXPECT_EQ(py_float("1e1_0"), 1e10);
    EXPECT_EQ(py_float("\uFF11_\uFF12"), 12.0);
    for (const char* text : {"1__0", "_1", "1_", "1_.5", "1._5", "1_e5", "-_1"}) {
        EXPECT_EQ(py_float(text), std::nullopt) << text;
    }
}

TEST(PythonFloat, UnicodeDigitsAndWhiteSpace) {
    EXPECT_EQ(py_float("\uFF17"), 7.0);
    EXPECT_EQ(py_float("\u0663\u0662"), 32.0);
    EXPECT_EQ(py_float("\u0661.\u0665"), 1.5);
    EXPECT_EQ(py_float("\uFF11e\uFF12"), 100.0);
    EXPECT_EQ(py_float("1\u00A0"), 1.0);
    EXPECT_EQ(py_float("\u30001\u2003"), 1.0);
    EXPECT_EQ(py_float("\t\n\v\f\r 1"), 1.0);
    EXPECT_EQ(py_float("1\u0085"), 1.0);
    EXPECT_EQ(py_float("\x1c" "1"), std::nullopt);
    EXPECT_EQ(py_float("1\x1f"), std::nullopt);
    EXPECT_EQ(py_float("\u200B1"), std::nullopt);  // zero-width space is not white space
    EXPECT_EQ(py_float("\u221E"), std::nullopt);
}

TEST(PythonFloat, InfinityAndNan) {
    EXPECT_EQ(py_float("inf"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("-Infinity"), -std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("iNfInItY"), std::numeric_limits<double>::infinity());
    EXPECT_TRUE(std::isnan(*py_float("nAn")));
    EXPECT_TRUE(std::isnan(*py_float("+nan")));
    EXPECT_TRUE(std::isnan(*py_float("-NAN")));
    for (const char* text : {"infinit", "in f", "infinityy", "nana", "+-inf"}) {
        EXPECT_EQ(py_float(text), std::nullopt) << text;
    }
}

TEST(PythonFloat, OverflowAndUnderflowRound) {
    EXPECT_EQ(py_float("1e999"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("-1e999"), -std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("1.7976931348623159e308"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("0.001e312"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("0.001e311"), 1e308);
    EXPECT_EQ(py_float("1e99999999999999999999"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(py_float("1e-999"), 0.0);
    EXPECT_EQ(py_float("2e-324"), 0.0);
    EXPECT_EQ(py_float("1000e-328"), 0.0);
    EXPECT_EQ(py_float("1000e-326"), 1e-323);
    EXPECT_TRUE(std::signbit(*py_float("-1e-999")));
    EXPECT_EQ(py_float("0e99999999999999999999"), 0.0);
}

TEST(PythonFloat, RejectsWhatPythonRejects) {
    for (const char* text : {"", " ", ".", "e5", "1e", "1e+", "+-1", "1,5", "2,500", "0x10", "$5", "5$", "1 2",
                             "--1", "1..2", "1.2.3", "١٢x"}) {
        EXPECT_EQ(py_float(text), std::nullopt) << text;
    }
    EXPECT_EQ(py_float(std::string_view("1\0", 2)), std::nullopt);
}

TEST(DecimalDigitValue, IsUnicodeNd) {
    EXPECT_EQ(decimal_digit_value(U'7'), 7);
    EXPECT_EQ(decimal_digit_value(U'\uFF17'), 7);
    EXPECT_EQ(decimal_digit_value(U'\u0663'), 3);
    EXPECT_EQ(decimal_digit_value(U'\u00B2'), -1);  // superscript two is a digit but not decimal
    EXPECT_EQ(decimal_digit_value(U'\u2167'), -1);  // Roman numeral eight
    EXPECT_EQ(decimal_digit_value(U'a'), -1);
}

TEST(RelaxedAccuracyMetric, IsRegisteredWithAToleranceParameter) {
    const MetricDef* def = find_metric("relaxed_accuracy");
    ASSERT_NE(def, nullptr);
    EXPECT_TRUE(def->higher_is_better);
    EXPECT_EQ(def->params, std::vector<std::string>{"max_relative_change"});
}

TEST(RelaxedAccuracyMetric, TakesTheBestReferenceAndReadsTheTolerance) {
    const MetricDef& def = *find_metric("relaxed_accuracy");
    const Targets targets = {"abc", "50"};
    EXPECT_EQ(def.compute({"48", targets, nlohmann::json::object()}), 1.0);
    EXPECT_EQ(def.compute({"47", targets, nlohmann::json::object()}), 0.0);
    EXPECT_EQ(def.compute({"47", targets, nlohmann::json{{"max_relative_change", 0.1}}}), 1.0);
    EXPECT_EQ(def.compute({"48", targets, nlohmann::json{{"max_relative_change", 0}}}), 0.0);
    const Targets none;
    EXPECT_EQ(def.compute({"48", none, nlohmann::json::object()}), std::nullopt);
}

TEST(RelaxedAccuracyMetric, RejectsANonNumericTolerance) {
    const MetricDef& def = *find_metric("relaxed_accuracy");
    EXPECT_NO_THROW(validate_params(def, nlohmann::json{{"max_relative_change", 0.1}}));
    EXPECT_THROW(validate_params(def, nlohmann::json{{"max_relative_change", false}}), MetricParamError);
    try {
        validate_params(def, nlohmann::json{{"max_relative_change", "5%"}});
        FAIL() << "expected MetricParamError";
    } catch (const MetricParamError& error) {
        EXPECT_STREQ(error.what(), "relaxed_accuracy: parameter 'max_relative_change' must be a number, got \"5%\"");
    }
}

}  // namespace
}  // namespace evalpanel::metrics
