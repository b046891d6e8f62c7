#include "report/markdown_verdict.hpp"

#include <cmath>
#include <sstream>

namespace evalpanel::report {

namespace {

// Text from a tool or a panel file must not break out of its line or table cell.
std::string inline_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r') out += ' ';
        else if (c == '|') out += "\\|";
        else out += c;
    }
    return out;
}

std::string call(const std::optional<bool>& ship) {
    if (!ship) return "undecided (not measured)";
    return *ship ? "**ship**" : "**don't ship**";
}

}  // namespace

std::string render_markdown_verdicts(const std::vector<verdict::ToolVerdict>& verdicts) {
    std::ostringstream md;
    if (verdicts.empty()) return {};
    md << "## Verdict\n\n";
    md << "| tool | panel ship | community | entry |\n|---|---:|---:|---|\n";
    for (const auto& v : verdicts) {
        md << "| " << inline_text(v.figures.tool) << " | "
           << (v.panel_ship_pct ? std::to_string(static_cast<int>(std::lround(*v.panel_ship_pct))) + "%" : "not measured")
           << " | "
           << (v.community ? std::to_string(v.community->first) + " up / " + std::to_string(v.community->second) + " down"
                           : "—")
           << " | " << inline_text(v.entry) << " |\n";
    }
    for (const auto& v : verdicts) {
        md << "\n### " << inline_text(v.figures.tool) << "\n\n";
        for (const auto& review : v.reviews) {
            md << "- **" << inline_text(review.title) << "** — " << call(review.ship) << ". ";
            for (const auto& sentence : review.sentences) md << inline_text(sentence) << " ";
            md << "\n";
        }
        if (!v.pricing.sentence.empty()) md << "\n**Pricing.** " << inline_text(v.pricing.sentence) << "\n";
        if (!v.split.sentence.empty()) md << "\n**Split.** " << inline_text(v.split.sentence) << "\n";
    }
    return md.str();
}

}  // namespace evalpanel::report
