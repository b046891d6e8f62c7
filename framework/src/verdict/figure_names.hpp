// The names of figures and textual facts (docs/panel.md lists every one). One place builds them and one
// place checks a name written in a panel file, so the two cannot drift apart.
#pragma once

#include <string>
#include <string_view>

namespace evalpanel::verdict::names {

inline std::string metric(std::string_view id, std::string_view stat) {
    return "metric." + std::string(id) + "." + std::string(stat);
}
inline std::string slice_mean(std::string_view tag, std::string_view id) {
    return "slice." + std::string(tag) + "." + std::string(id) + ".mean";
}
inline std::string slice_cases(std::string_view tag) { return "slice." + std::string(tag) + ".cases"; }
inline std::string worst_slice(std::string_view id) { return "worst_slice." + std::string(id); }  // text: the tag
inline std::string change(std::string_view id) { return "change." + std::string(id); }
inline std::string gap_to_best(std::string_view id) { return "gap_to_best." + std::string(id); }
inline std::string best_competitor(std::string_view id) { return "best_competitor." + std::string(id); }  // text

// Checks a figure name as written in a rule or a placeholder. Returns "" when it is one the engine can
// produce, otherwise why not ("unknown figure family `cost2`", "unknown metric `cerr`"). Metric ids must
// be registered; tags are free.
std::string check_figure_name(std::string_view name);

// The same for a textual fact ({text:NAME}).
std::string check_text_name(std::string_view name);

}  // namespace evalpanel::verdict::names
