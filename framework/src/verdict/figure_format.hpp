// How a figure is written in a sentence: `{name}`, `{name:.3f}`, `{name:+.2f}`, `{name:.1%}`, `{name:$}`,
// `{name:time}` (docs/panel.md). The same function writes the numbers of the split and the pricing read,
// so a number in the prose is always a figure written one of these ways.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evalpanel::verdict {

struct FigureFormat {
    enum class Kind { automatic, fixed, percent, money, time };
    Kind kind = Kind::automatic;
    int decimals = 0;       // fixed and percent
    bool sign = false;      // '+': always write the sign
};

// nullopt when `spec` is not a format ("", ".3f", "+.2f", ".0%", "%", "$", "time").
std::optional<FigureFormat> parse_figure_format(std::string_view spec);

// automatic: integers as integers, others with three significant digits; thousands separated by commas.
// money: "$0", "$0.0042" (two significant digits below $1), "$4.20", "$1,234" (whole dollars from $100).
// time (the value is milliseconds): "180 ms", "12.4 s", "3.2 min".
std::string format_figure(double value, const FigureFormat& format = {});

}  // namespace evalpanel::verdict
