// The reviewer split: who ships, who does not and on which rule, who could not decide and for want of what.
#include "verdict/figure_format.hpp"
#include "verdict/judge_parts.hpp"

namespace evalpanel::verdict {
namespace {

// "skeptic says don't ship on worst_slice.cer.mean <= 0.15 (measured 0.31)"
std::string dissent(const Reviewer& reviewer, const ReviewerVerdict& review, const ToolFigures& tool) {
    std::string text = review.reviewer_id + " says don't ship";
    if (review.failed_conditions.empty()) return text;
    const std::string& rule = review.failed_conditions.front();
    text += " on " + rule;
    for (const Condition& c : reviewer.ship_if) {
        if (c.text != rule) continue;
        if (auto it = tool.figures.find(c.figure); it != tool.figures.end()) text += " (measured " + format_figure(it->second) + ")";
        break;
    }
    return text;
}

}  // namespace

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) text += i + 1 == words.size() ? " and " : ", ";
        text += words[i];
    }
    return text;
}

Split split_of(const std::vector<Reviewer>& reviewers, const std::vector<ReviewerVerdict>& reviews, const ToolFigures& tool) {
    Split split;
    std::vector<std::string> clauses;
    std::vector<std::string> dissents, undecided;
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        const ReviewerVerdict& r = reviews[i];
        if (r.ship == true) {
            split.ship.push_back(r.reviewer_id);
        } else if (r.ship == false) {
            split.dont_ship.push_back(r.reviewer_id);
            dissents.push_back(dissent(reviewers[i], r, tool));
        } else {
            split.undecided.push_back(r.reviewer_id);
            undecided.push_back(r.reviewer_id + " cannot say (" + join_words(r.missing_figures) + " not measured)");
        }
    }
    if (split.dont_ship.empty() && split.undecided.empty()) {
        split.sentence = "Every reviewer ships.";
        return split;
    }
    if (!split.ship.empty()) clauses.push_back(join_words(split.ship) + (split.ship.size() == 1 ? " ships" : " ship"));
    else if (!split.dont_ship.empty()) clauses.push_back("no reviewer ships");
    clauses.insert(clauses.end(), dissents.begin(), dissents.end());
    clauses.insert(clauses.end(), undecided.begin(), undecided.end());
    std::string sentence;
    for (const std::string& clause : clauses) sentence += (sentence.empty() ? "" : "; ") + clause;
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    split.sentence = sentence + ".";
    return split;
}

}  // namespace evalpanel::verdict
