// What one answer cost, from the tool's reported usage and the run's effective price table (the plugin's
// prices with the tools config's overrides; stored with the run).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include <evalpanel/tool.hpp>

namespace evalpanel::runner {

// US dollars: tokens x per-million prices, plus the per-request fee, plus searches x per-1,000 price.
// 0 for a free tool. nullopt for a tool priced per token whose answer reported no token counts: a cost
// that was not measured is not 0. The API's own reported cost is kept beside it, never instead
// (API-NOTES C10: it is a rounded sum of parts).
std::optional<double> case_cost_usd(const nlohmann::json& pricing, const Usage& usage);

}  // namespace evalpanel::runner
