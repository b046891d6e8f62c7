#include "report/svg_charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "report/aggregate.hpp"
#include "report/html_escape.hpp"

namespace evalpanel::report {

namespace {

// Fixed, colour-blind-friendly palette (Okabe-Ito, without yellow, which disappears on white).
constexpr std::array<const char*, 7> kPalette = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#56b4e9", "#e69f00", "#000000"};

std::string num(double value, int decimals = 1) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// Axis labels: short, no trailing zeros ("0.25", "1", "1500").
std::string tick_label(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4g", std::abs(value) < 1e-12 ? 0.0 : value);
    return buffer;
}

std::string milliseconds_label(double ms) {
    if (ms >= 1000) return tick_label(ms / 1000) + " s";
    return tick_label(ms) + " ms";
}

std::size_t index_of(const std::vector<std::string>& tools, const std::string& tool) {
    const auto it = std::find(tools.begin(), tools.end(), tool);
    return it == tools.end() ? tools.size() : static_cast<std::size_t>(it - tools.begin());
}

// Round ticks (1, 2 or 5 times a power of ten) covering [low, high], about four intervals.
std::vector<double> nice_ticks(double low, double high) {
    if (!(high > low)) high = low + 1;
    const double raw = (high - low) / 4;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 5.0}) {
        if (magnitude * m >= raw) {
            step = magnitude * m;
            break;
        }
    }
    std::vector<double> ticks;
    for (double t = std::floor(low / step) * step; t < high + step * 0.999; t += step) ticks.push_back(t);
    return ticks;
}

// Maps a value range onto pixels, linearly or by logarithm.
struct Scale {
    double low = 0, high = 1;      // value range (positive for log)
    double from = 0, to = 1;       // pixel range
    bool log = false;
    double operator()(double value) const {
        const double v = log ? std::log10(std::max(value, low)) : value;
        const double lo = log ? std::log10(low) : low;
        const double hi = log ? std::log10(high) : high;
        return from + (to - from) * (v - lo) / (hi - lo);
    }
};

void open_svg(std::ostringstream& svg, double width, double height, const std::string& label) {
    // No xmlns: inline SVG in HTML does not need one, and the page then holds no URL at all.
    svg << "<svg class=\"chart\" width=\"" << num(width, 0) << "\" height=\"" << num(height, 0) << "\" viewBox=\"0 0 "
        << num(width, 0) << " " << num(height, 0) << "\" role=\"img\" aria-label=\"" << escape_html(label) << "\">"
        << "<title>" << escape_html(label) << "</title>";
}

}  // namespace

std::string tool_colour(std::size_t index) { return kPalette[index % kPalette.size()]; }

std::string score_chart_svg(const std::vector<ScoreGroup>& groups, const std::vector<std::string>& tools) {
    constexpr double bar_w = 22, bar_gap = 4, group_gap = 40, left = 56, top = 18, plot_h = 180;
    const std::size_t n_tools = std::max<std::size_t>(tools.size(), 1);
    const double group_w = static_cast<double>(n_tools) * (bar_w + bar_gap) - bar_gap;
    const double width = left + static_cast<double>(groups.size()) * (group_w + group_gap) + 8;
    const double height = top + plot_h + 50;

    double low = 0, high = 1;  // scores are mostly in [0, 1]: keep that frame so bars compare across charts
    for (const auto& g : groups) {
        for (const auto& b : g.bars) {
            if (b.mean) low = std::min(low, *b.mean), high = std::max(high, *b.mean);
            if (b.ci95) low = std::min(low, b.ci95->low), high = std::max(high, b.ci95->high);
        }
    }
    const std::vector<double> ticks = nice_ticks(low, high);
    const Scale y{ticks.front(), ticks.back(), top + plot_h, top, false};

    std::ostringstream svg;
    open_svg(svg, width, height, "Score per tool and metric, with 95% intervals");
    for (double t : ticks) {
        svg << "<line x1=\"" << num(left - 4) << "\" x2=\"" << num(width - 4) << "\" y1=\"" << num(y(t)) << "\" y2=\""
            << num(y(t)) << "\" class=\"grid\"/><text x=\"" << num(left - 8) << "\" y=\"" << num(y(t) + 4)
            << "\" class=\"tick\" text-anchor=\"end\">" << tick_label(t) << "</text>";
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const double x0 = left + static_cast<double>(g) * (group_w + group_gap) + group_gap / 2;
        for (const ScoreBar& bar : groups[g].bars) {
            const std::size_t i = index_of(tools, bar.tool);
            const double x = x0 + static_cast<double>(std::min(i, n_tools - 1)) * (bar_w + bar_gap);
            const double cx = x + bar_w / 2;
            if (!bar.mean) {
                svg << "<text x=\"" << num(cx) << "\" y=\"" << num(y(0) - 4) << "\" class=\"tick\" text-anchor=\"middle\">—</text>";
                continue;
            }
            std::string tip = bar.tool + " — " + groups[g].metric + ": " + num(*bar.mean, 4);
            if (bar.ci95) tip += " [" + num(bar.ci95->low, 4) + ", " + num(bar.ci95->high, 4) + "]";
            const double top_y = std::min(y(*bar.mean), y(0)), bottom_y = std::max(y(*bar.mean), y(0));
            svg << "<rect x=\"" << num(x) << "\" y=\"" << num(top_y) << "\" width=\"" << num(bar_w) << "\" height=\""
                << num(std::max(bottom_y - top_y, 0.5)) << "\" fill=\"" << tool_colour(i) << "\"><title>" << escape_html(tip)
                << "</title></rect>";
            double label_y = top_y;
            if (bar.ci95) {
                const double lo = y(bar.ci95->low), hi = y(bar.ci95->high);
                svg << "<path class=\"whisker\" d=\"M" << num(cx) << " " << num(lo) << "V" << num(hi) << "M" << num(cx - 5)
                    << " " << num(lo) << "h10M" << num(cx - 5) << " " << num(hi) << "h10\"/>";
                label_y = std::min(label_y, hi);
            }
            svg << "<text x=\"" << num(cx) << "\" y=\"" << num(label_y - 4) << "\" class=\"value\" text-anchor=\"middle\">"
                << num(*bar.mean, 2) << "</text>";
        }
        const double mid = x0 + group_w / 2;
        svg << "<text x=\"" << num(mid) << "\" y=\"" << num(top + plot_h + 18) << "\" class=\"label\" text-anchor=\"middle\">"
            << escape_html(groups[g].metric) << "</text>";
        if (!groups[g].note.empty()) {
            svg << "<text x=\"" << num(mid) << "\" y=\"" << num(top + plot_h + 34) << "\" class=\"tick\" text-anchor=\"middle\">"
                << escape_html(groups[g].note) << "</text>";
        }
    }
    svg << "</svg>";
    return svg.str();
}

std::string latency_chart_svg(const std::vector<LatencySeries>& series, const std::vector<std::string>& tools) {
    constexpr double left = 190, plot_w = 540, right = 30, top = 12, row_h = 36, axis_h = 40;
    const double width = left + plot_w + right;
    const double height = top + row_h * static_cast<double>(series.size()) + axis_h;

    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& s : series) {
        for (double v : s.latencies_ms) {
            if (v <= 0) continue;  // a zero latency (served from cache) cannot sit on a log axis; it clamps to the lowest
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    }
    Scale x{0, 1, left, left + plot_w, false};
    std::vector<double> ticks;
    if (any && hi / lo > 30) {
        x.log = true;
        x.low = std::pow(10.0, std::floor(std::log10(lo)));
        x.high = std::pow(10.0, std::ceil(std::log10(hi)));
        for (double t = x.low; t <= x.high * 1.001; t *= 10) ticks.push_back(t);
    } else {
        ticks = nice_ticks(0, any ? hi : 1);
        x.low = ticks.front();
        x.high = ticks.back();
    }

    std::ostringstream svg;
    open_svg(svg, width, height, std::string("Latency per case and tool (") + (x.log ? "log scale" : "linear scale") + ")");
    const double axis_y = top + row_h * static_cast<double>(series.size());
    for (double t : ticks) {
        svg << "<line x1=\"" << num(x(t)) << "\" x2=\"" << num(x(t)) << "\" y1=\"" << num(top) << "\" y2=\"" << num(axis_y)
            << "\" class=\"grid\"/><text x=\"" << num(x(t)) << "\" y=\"" << num(axis_y + 16)
            << "\" class=\"tick\" text-anchor=\"middle\">" << milliseconds_label(t) << "</text>";
    }
    svg << "<text x=\"" << num(left + plot_w / 2) << "\" y=\"" << num(axis_y + 34) << "\" class=\"label\" text-anchor=\"middle\">"
        << "latency per case" << (x.log ? " (log scale)" : "") << "</text>";
    for (std::size_t r = 0; r < series.size(); ++r) {
        const LatencySeries& s = series[r];
        const double cy = top + row_h * (static_cast<double>(r) + 0.5);
        svg << "<text x=\"" << num(left - 10) << "\" y=\"" << num(cy + 4) << "\" class=\"label\" text-anchor=\"end\">"
            << escape_html(truncate_utf8(sanitize_utf8(s.tool), 22)) << " (n=" << s.latencies_ms.size() << ")</text>";
        if (s.latencies_ms.empty()) {
            svg << "<text x=\"" << num(left + 6) << "\" y=\"" << num(cy + 4) << "\" class=\"tick\">no answered cases</text>";
            continue;
        }
        const double q1 = *percentile(s.latencies_ms, 25), median = *percentile(s.latencies_ms, 50),
                     q3 = *percentile(s.latencies_ms, 75);
        const double fastest = *std::min_element(s.latencies_ms.begin(), s.latencies_ms.end());
        const double slowest = *std::max_element(s.latencies_ms.begin(), s.latencies_ms.end());
        const std::string colour = tool_colour(index_of(tools, s.tool));
        const std::string tip = s.tool + ": fastest " + num(fastest) + " ms, quartiles " + num(q1) + " / " + num(median) +
                                " / " + num(q3) + " ms, slowest " + num(slowest) + " ms";
        svg << "<g><title>" << escape_html(tip) << "</title>"
            << "<path class=\"whisker\" d=\"M" << num(x(fastest)) << " " << num(cy) << "H" << num(x(slowest)) << "M"
            << num(x(fastest)) << " " << num(cy - 7) << "v14M" << num(x(slowest)) << " " << num(cy - 7) << "v14\"/>"
            << "<rect x=\"" << num(x(q1)) << "\" y=\"" << num(cy - 11) << "\" width=\"" << num(std::max(x(q3) - x(q1), 1.0))
            << "\" height=\"22\" fill=\"" << colour << "\" fill-opacity=\"0.35\" stroke=\"" << colour << "\"/>"
            << "<line x1=\"" << num(x(median)) << "\" x2=\"" << num(x(median)) << "\" y1=\"" << num(cy - 11) << "\" y2=\""
            << num(cy + 11) << "\" stroke=\"" << colour << "\" stroke-width=\"3\"/></g>";
    }
    svg << "</svg>";
    return svg.str();
}

std::string cost_quality_svg(const std::string& metric, const std::string& note, const std::vector<CostPoint>& points,
                             const std::vector<std::string>& tools) {
    constexpr double left = 64, plot_w = 420, right = 260, top = 16, plot_h = 240, bottom = 48, line_h = 16;
    std::vector<const CostPoint*> placed, missing;
    for (const auto& p : points) (p.cost_per_1000_usd && p.quality ? placed : missing).push_back(&p);
    const double width = left + plot_w + right;
    const double height = top + plot_h + bottom + line_h * static_cast<double>(missing.size() + 1);

    double max_cost = 0, low = 0, high = 1;
    for (const CostPoint* p : placed) {
        max_cost = std::max(max_cost, *p->cost_per_1000_usd);
        low = std::min(low, *p->quality);
        high = std::max(high, *p->quality);
    }
    const std::vector<double> x_ticks = nice_ticks(0, max_cost > 0 ? max_cost : 1);
    const std::vector<double> y_ticks = nice_ticks(low, high);
    const Scale x{x_ticks.front(), x_ticks.back(), left, left + plot_w, false};
    const Scale y{y_ticks.front(), y_ticks.back(), top + plot_h, top, false};

    std::ostringstream svg;
    open_svg(svg, width, height, "Cost per 1,000 cases against " + metric);
    for (double t : x_ticks) {
        svg << "<line x1=\"" << num(x(t)) << "\" x2=\"" << num(x(t)) << "\" y1=\"" << num(top) << "\" y2=\"" << num(top + plot_h)
            << "\" class=\"grid\"/><text x=\"" << num(x(t)) << "\" y=\"" << num(top + plot_h + 16)
            << "\" class=\"tick\" text-anchor=\"middle\">$" << tick_label(t) << "</text>";
    }
    for (double t : y_ticks) {
        svg << "<line x1=\"" << num(left) << "\" x2=\"" << num(left + plot_w) << "\" y1=\"" << num(y(t)) << "\" y2=\"" << num(y(t))
            << "\" class=\"grid\"/><text x=\"" << num(left - 8) << "\" y=\"" << num(y(t) + 4)
            << "\" class=\"tick\" text-anchor=\"end\">" << tick_label(t) << "</text>";
    }
    svg << "<text x=\"" << num(left + plot_w / 2) << "\" y=\"" << num(top + plot_h + 34)
        << "\" class=\"label\" text-anchor=\"middle\">cost per 1,000 cases (USD); a free tool sits at 0</text>"
        << "<text class=\"label\" text-anchor=\"middle\" transform=\"translate(14 " << num(top + plot_h / 2) << ") rotate(-90)\">"
        << escape_html(metric) << (note.empty() ? "" : " (" + escape_html(note) + ")") << "</text>";
    for (const CostPoint* p : placed) {
        const std::string cost = p->free ? " — free, cost 0" : " — $" + num(*p->cost_per_1000_usd, 2);
        const std::string label = p->label + cost;
        const double px = x(*p->cost_per_1000_usd), py = y(*p->quality);
        svg << "<circle cx=\"" << num(px) << "\" cy=\"" << num(py) << "\" r=\"6\" fill=\"" << tool_colour(index_of(tools, p->tool))
            << "\"><title>" << escape_html(label + ", " + metric + " " + num(*p->quality, 4)) << "</title></circle>"
            << "<text x=\"" << num(px + 9) << "\" y=\"" << num(py + 4) << "\" class=\"value\">"
            << escape_html(truncate_utf8(sanitize_utf8(p->label), 30) + cost) << "</text>";
    }
    double line_y = top + plot_h + bottom + line_h * 0.5;
    if (!missing.empty()) {
        svg << "<text x=\"" << num(left) << "\" y=\"" << num(line_y) << "\" class=\"tick\">not plotted (not measured):</text>";
        for (const CostPoint* p : missing) {
            line_y += line_h;
            const std::string what = !p->cost_per_1000_usd && !p->quality ? "cost and " + metric
                                     : !p->cost_per_1000_usd            ? std::string("cost")
                                                                        : metric;
            svg << "<text x=\"" << num(left + 12) << "\" y=\"" << num(line_y) << "\" class=\"tick\">"
                << escape_html(truncate_utf8(sanitize_utf8(p->label), 60) + ": " + what + " not measured") << "</text>";
        }
    }
    svg << "</svg>";
    return svg.str();
}

}  // namespace evalpanel::report
