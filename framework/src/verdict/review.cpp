// One reviewer reading one tool: the rules decide, the voice explains.
#include <algorithm>

#include "verdict/condition.hpp"
#include "verdict/judge_parts.hpp"
#include "verdict/voice_template.hpp"

namespace evalpanel::verdict {
namespace {

constexpr std::size_t kMaxSentences = 4;

void add_unique(std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace

ReviewerVerdict review(const Reviewer& reviewer, const ToolFigures& tool) {
    ReviewerVerdict out;
    out.reviewer_id = reviewer.id;
    out.title = reviewer.title;
    out.lens = reviewer.lens;

    bool failed = false, evaluated = false;
    std::vector<std::string> needed_missing;  // required rules whose figure was not measured
    for (const Condition& condition : reviewer.ship_if) {
        auto it = tool.figures.find(condition.figure);
        if (it == tool.figures.end()) {
            add_unique(out.missing_figures, condition.figure);
            if (!condition.when_measured) add_unique(needed_missing, condition.figure);
            continue;
        }
        evaluated = true;
        out.figures_used[condition.figure] = it->second;
        if (!holds(condition, it->second)) {
            failed = true;
            out.failed_conditions.push_back(condition.text);
        }
    }
    // A measured rule that fails is a decision however many others were not measured; a pass needs them all.
    if (failed) out.ship = false;
    else if (needed_missing.empty() && evaluated) out.ship = true;

    const bool no_ship_voice = out.ship == false && !reviewer.voice_no_ship.empty();
    for (const std::string& text : no_ship_voice ? reviewer.voice_no_ship : reviewer.voice) {
        const ParsedTemplate parsed = parse_template(text);
        if (parsed.problem) throw PanelError("reviewer `" + reviewer.id + "`: template `" + text + "`: " + parsed.problem->message);
        RenderedSentence sentence = render_template(parsed.parts, tool);
        out.sentences.push_back(std::move(sentence.text));
        for (const std::string& name : sentence.missing) add_unique(out.missing_figures, name);
        out.figures_used.insert(sentence.used.begin(), sentence.used.end());
        for (auto& [placeholder, written] : sentence.shown) out.figures_shown[placeholder] = written;
    }
    if (!out.ship) {
        if (needed_missing.empty()) needed_missing = out.missing_figures;
        if (out.sentences.size() >= kMaxSentences) out.sentences.resize(kMaxSentences - 1);
        out.sentences.push_back("No call from the " + reviewer.id + ": " + join_words(needed_missing) +
                                (needed_missing.size() == 1 ? " was" : " were") + " not measured.");
    }
    return out;
}

}  // namespace evalpanel::verdict
