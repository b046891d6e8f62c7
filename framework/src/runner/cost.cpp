#include "runner/cost.hpp"

namespace evalpanel::runner {

namespace {

double price(const nlohmann::json& pricing, const char* key) {
    const auto it = pricing.find(key);
    return it != pricing.end() && it->is_number() ? it->get<double>() : 0.0;
}

double count(const std::optional<std::int64_t>& n) { return n ? static_cast<double>(*n) : 0.0; }

}  // namespace

std::optional<double> case_cost_usd(const nlohmann::json& pricing, const Usage& usage) {
    const auto free = pricing.find("free");
    if (free == pricing.end() || (free->is_boolean() && free->get<bool>())) return 0.0;
    const bool token_prices = price(pricing, "input_per_mtok") > 0 || price(pricing, "output_per_mtok") > 0 ||
                              price(pricing, "reasoning_per_mtok") > 0 || price(pricing, "citation_per_mtok") > 0;
    const bool token_counts = usage.input_tokens || usage.output_tokens || usage.reasoning_tokens || usage.citation_tokens;
    // Token prices but no token counts: what the answer cost cannot be known.
    if (token_prices && !token_counts) return std::nullopt;
    return count(usage.input_tokens) * price(pricing, "input_per_mtok") / 1e6 +
           count(usage.output_tokens) * price(pricing, "output_per_mtok") / 1e6 +
           count(usage.reasoning_tokens) * price(pricing, "reasoning_per_mtok") / 1e6 +
           count(usage.citation_tokens) * price(pricing, "citation_per_mtok") / 1e6 +
           price(pricing, "per_request") + count(usage.search_queries) * price(pricing, "per_1k_searches") / 1000.0;
}

}  // namespace evalpanel::runner
