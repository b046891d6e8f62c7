// Verdict: a panel of reviewers reads the measured figures of the tools in a comparison and each says
// ship or don't ship, with reasons (DESIGN.md "Verdicts and reports"). Every sentence is filled from a
// figure; a figure that was not measured is said to be "not measured", never guessed.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/aggregate.hpp"
#include "report/run_cases.hpp"
#include "store/store.hpp"

namespace evalpanel::verdict {

// ---- What reviewers read --------------------------------------------------------------------------

// One named number about one tool, e.g. "metric.cer.mean" = 0.0993 or "latency.p95_ms" = 240.
// Names are the placeholders of the panel file's rules and templates (docs/panel.md lists them).
using FigureMap = std::map<std::string, double>;

struct ToolFigures {
    std::string tool;                         // the tools-config name
    std::string plugin;
    std::string plugin_version;
    std::string kind;                         // local | remote
    bool free = true;                         // entry: Free or Paid
    std::vector<std::int64_t> run_ids;        // the runs these figures come from
    FigureMap figures;                        // every measured figure; absent = not measured
    std::map<std::string, std::string> text;  // textual facts for templates: "worst_slice", "best_competitor", ...
};

// Builds the figures of each tool from the stored runs of a comparison (several suites per tool are
// pooled per metric), plus the previous run of the same tool and suite for trends, plus the votes.
// `summaries` are the runs in the comparison; `previous` the same tool+suite's preceding runs (may be
// empty); pricing comes from the runs' stored tool config.
struct ComparisonInput {
    std::vector<report::RunSummary> runs;
    std::map<std::int64_t, report::RunSummary> previous;  // run id in `runs` -> that tool+suite's previous run
    std::map<std::string, std::pair<int, int>> votes;     // tool -> (up, down)
    std::map<std::string, bool> tool_is_free;             // tool -> entry price from ToolInfo/tools config
    std::map<std::string, std::string> tool_kind;         // tool -> local | remote
    // run id -> what its cases add to the summary (optional; report::collect_run_cases, or gathered
    // while streaming the run). Needed for what a summary does not keep: cost per case, latency
    // percentiles and intervals pooled over several runs, time to first answer. A tool with runs missing
    // here has those figures "not measured" (except a free tool's cost, which is 0).
    std::map<std::int64_t, report::RunCases> cases;
};
std::vector<ToolFigures> compute_figures(const ComparisonInput& input);

// ---- The panel (reports/panel.yaml) ----------------------------------------------------------------

struct Condition {
    std::string figure;       // a figure name
    std::string op;           // < <= > >= == !=
    double value = 0;
    std::string text;         // as written in the panel file, for the split ("cer.mean <= 0.05")
    // "... when measured": the rule applies only when its figure was measured; when it was not, the
    // reviewer decides on the other rules (and its sentences still say "not measured").
    bool when_measured = false;
};

struct Reviewer {
    std::string id;           // builder, skeptic, strategist, buyer, ...
    std::string title;        // "The builder"
    std::string lens;         // one line: what this reviewer reads
    double weight = 1.0;      // share of the panel vote
    std::vector<Condition> ship_if;           // all must hold to ship
    std::vector<std::string> voice;           // 2-4 sentence templates with {figure} placeholders
    std::vector<std::string> voice_no_ship;   // used instead of `voice` when the reviewer does not ship (optional)
};

struct Panel {
    std::vector<Reviewer> reviewers;
    double monthly_volume = 10000;            // cases per month, for the projected monthly cost
    // The metric behind the `primary.*` figures for every tool; empty = per task (ocr: cer, vqa: anls,
    // research: fact_recall), see docs/panel.md.
    std::string primary_metric;
    std::filesystem::path file;
};

class PanelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;  // message: "file:line:column: what is wrong"
};

Panel load_panel(const std::filesystem::path& file);

// ---- The verdict ----------------------------------------------------------------------------------

struct ReviewerVerdict {
    std::string reviewer_id;
    std::string title;
    std::string lens;
    std::optional<bool> ship;                 // nullopt: a figure a rule needs was not measured
    std::vector<std::string> sentences;       // 2-4, every number in them from `figures_used`
    std::vector<std::string> failed_conditions;   // the rules that said no, as written
    std::vector<std::string> missing_figures;     // the figures that were not measured
    FigureMap figures_used;
    // Each numeric placeholder as written in the template ("metric.cer.mean:.3f") -> the text it became
    // in `sentences` ("0.031"): what a reader checks the prose against.
    std::map<std::string, std::string> figures_shown;
};

struct PricingRead {
    std::optional<double> cost_per_case_usd;
    std::optional<double> cost_per_1000_usd;
    std::optional<double> monthly_cost_usd;   // at Panel::monthly_volume
    std::optional<double> quality_per_dollar; // primary metric per dollar (nullopt when free or unmeasured)
    std::string sentence;
};

struct Split {
    std::vector<std::string> ship;            // reviewer ids
    std::vector<std::string> dont_ship;
    std::vector<std::string> undecided;       // not measured
    std::string sentence;                     // who disagrees and on which figure
};

struct ToolVerdict {
    ToolFigures figures;                      // as computed, plus the panel's derived figures (docs/panel.md)
    std::vector<ReviewerVerdict> reviews;
    std::optional<double> panel_ship_pct;     // weighted share of reviewers that say ship (decided ones)
    std::string entry;                        // "Free" | "Paid" ("not measured" for runs stored without pricing)
    PricingRead pricing;
    Split split;
    std::optional<std::pair<int, int>> community;  // (up, down); nullopt = "—"
};

std::vector<ToolVerdict> judge(const Panel& panel, const std::vector<ToolFigures>& tools);

}  // namespace evalpanel::verdict
