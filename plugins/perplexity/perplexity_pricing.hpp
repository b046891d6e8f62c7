// Perplexity's list prices (API-NOTES.md A8: the docs pricing pages of 2025-2026, S5/S6/S19), as the
// ToolInfo::Pricing of one model at one depth. The host multiplies them with the usage it stores; the
// tools config may override any of them.
#pragma once

#include <optional>
#include <string_view>

#include <evalpanel/tool.hpp>

#include "perplexity_options.hpp"

namespace evalpanel::plugins::perplexity {

// When the table was read (the pricing pages behind API-NOTES A8).
inline constexpr std::string_view kPricingAsOf = "Perplexity pricing pages, 2025-2026 (API-NOTES.md A8)";

// The request fee follows web_search_options.search_context_size, whose API default is low; deep
// research has no request fee but pays per search query. Unknown model: all zero, not free.
Pricing pricing_for(std::string_view model, std::optional<Depth> depth);

}  // namespace evalpanel::plugins::perplexity
