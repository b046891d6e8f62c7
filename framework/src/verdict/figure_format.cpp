#include "verdict/figure_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace evalpanel::verdict {
namespace {

// Fixed notation with `decimals` digits after the point and commas between thousands.
std::string fixed(double value, int decimals, bool sign) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, sign ? "%+.*f" : "%.*f", decimals, value);
    std::string text = buffer;
    if (text == "-0" || (text.starts_with("-0.") && text.find_first_not_of("0.", 1) == std::string::npos)) {
        text.erase(0, 1);  // "-0.000" reads as a negative number that is not there
        if (sign) text.insert(0, "+");
    }
    const std::size_t digits_start = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    std::size_t point = text.find('.');
    if (point == std::string::npos) point = text.size();
    for (std::size_t i = point; i > digits_start + 3; i -= 3) text.insert(i - 3, ",");
    return text;
}

// Enough decimals for three significant digits, without trailing zeros.
std::string three_significant(double value, bool sign) {
    if (value == 0) return sign ? "+0" : "0";
    const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::max(0, 2 - magnitude);
    std::string text = fixed(value, decimals, sign);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

std::string money(double value) {
    const std::string minus = value < 0 ? "-" : "";
    const double amount = std::fabs(value);
    if (amount == 0) return "$0";
    if (amount >= 100) return minus + "$" + fixed(amount, 0, false);
    if (amount >= 1) return minus + "$" + fixed(amount, 2, false);
    // Two significant digits, but never fewer than cents and no zeros past them: $0.02, $0.045, $0.0042.
    const int magnitude = static_cast<int>(std::floor(std::log10(amount)));
    std::string text = fixed(amount, std::max(2, 1 - magnitude), false);
    while (text.size() - text.find('.') > 3 && text.back() == '0') text.pop_back();
    return minus + "$" + text;
}

std::string duration(double ms) {
    if (std::fabs(ms) < 1000) return fixed(ms, 0, false) + " ms";
    if (std::fabs(ms) < 60000) return fixed(ms / 1000, 1, false) + " s";
    return fixed(ms / 60000, 1, false) + " min";
}

}  // namespace

std::optional<FigureFormat> parse_figure_format(std::string_view spec) {
    FigureFormat format;
    if (spec.empty()) return format;
    if (spec == "$") return FigureFormat{FigureFormat::Kind::money};
    if (spec == "time") return FigureFormat{FigureFormat::Kind::time};
    if (spec.front() == '+') {
        format.sign = true;
        spec.remove_prefix(1);
    }
    if (spec == "%") return FigureFormat{FigureFormat::Kind::percent, 1, format.sign};
    if (spec.size() < 3 || spec.front() != '.') return std::nullopt;
    const char kind = spec.back();
    if (kind != 'f' && kind != '%') return std::nullopt;
    const std::string_view digits = spec.substr(1, spec.size() - 2);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), format.decimals);
    if (error != std::errc() || end != digits.data() + digits.size() || format.decimals > 9) return std::nullopt;
    format.kind = kind == 'f' ? FigureFormat::Kind::fixed : FigureFormat::Kind::percent;
    return format;
}

std::string format_figure(double value, const FigureFormat& format) {
    switch (format.kind) {
        case FigureFormat::Kind::fixed: return fixed(value, format.decimals, format.sign);
        case FigureFormat::Kind::percent: return fixed(value * 100, format.decimals, format.sign) + "%";
        case FigureFormat::Kind::money: return money(value);
        case FigureFormat::Kind::time: return duration(value);
        case FigureFormat::Kind::automatic: break;
    }
    if (std::fabs(value) < 1e15 && value == std::floor(value)) return fixed(value, 0, format.sign);
    return three_significant(value, format.sign);
}

}  // namespace evalpanel::verdict
