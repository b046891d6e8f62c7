#include "metrics/source_dates.hpp"

#include <algorithm>

#include "metrics/citation_params.hpp"

namespace evalpanel::metrics {
namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
DayNumber days_from_civil(int year, int month, int day) {
    const int y = month <= 2 ? year - 1 : year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<DayNumber>(era) * 146097 + day_of_era - 719468;
}

// The value of `count` ASCII digits at `pos`, or -1.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// After the date part: nothing, or "T"/" " and anything.
bool is_date_end(std::string_view text, std::size_t pos) {
    return pos == text.size() || text[pos] == 'T' || text[pos] == ' ';
}

}  // namespace

std::optional<DayNumber> parse_source_date(std::string_view text) {
    const int year = read_digits(text, 0, 4);
    if (year < 1) return std::nullopt;
    int month = 1;
    int day = 1;
    std::size_t pos = 4;
    if (!is_date_end(text, pos)) {
        if (text[pos] != '-' || (month = read_digits(text, pos + 1, 2)) < 0) return std::nullopt;
        pos += 3;
        if (!is_date_end(text, pos)) {
            if (text[pos] != '-' || (day = read_digits(text, pos + 1, 2)) < 0) return std::nullopt;
            pos += 3;
            if (!is_date_end(text, pos)) return std::nullopt;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return days_from_civil(year, month, day);
}

std::vector<DayNumber> source_ages_days(const std::vector<Source>& sources, DayNumber as_of) {
    std::vector<DayNumber> ages;
    for (const Source& source : sources) {
        if (const auto date = parse_source_date(source.date)) ages.push_back(as_of - *date);
    }
    return ages;
}

MetricValue fresh_source_ratio(const std::vector<Source>& sources, DayNumber as_of, double max_age_days) {
    const std::vector<DayNumber> ages = source_ages_days(sources, as_of);
    if (ages.empty()) return std::nullopt;
    const auto fresh =
        std::ranges::count_if(ages, [&](DayNumber age) { return static_cast<double>(age) <= max_age_days; });
    return static_cast<double>(fresh) / static_cast<double>(ages.size());
}

MetricValue median_source_age_days(const std::vector<Source>& sources, DayNumber as_of) {
    std::vector<DayNumber> ages = source_ages_days(sources, as_of);
    if (ages.empty()) return std::nullopt;
    std::ranges::sort(ages);
    const std::size_t middle = ages.size() / 2;
    if (ages.size() % 2 == 1) return static_cast<double>(ages[middle]);
    return (static_cast<double>(ages[middle - 1]) + static_cast<double>(ages[middle])) / 2.0;
}

MetricValue fresh_source_ratio_metric(const MetricInput& input) {
    const FreshnessOptions options = freshness_options(input.params, "fresh_source_ratio");
    return fresh_source_ratio(input.sources, options.as_of, options.max_age_days);
}

MetricValue median_source_age_days_metric(const MetricInput& input) {
    const FreshnessOptions options = freshness_options(input.params, "median_source_age_days", false);
    return median_source_age_days(input.sources, options.as_of);
}

}  // namespace evalpanel::metrics
