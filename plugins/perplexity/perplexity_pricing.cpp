#include "perplexity_pricing.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

// USD per 1,000 requests at search_context_size low / medium / high.
struct RequestFees {
    double low = 0;
    double medium = 0;
    double high = 0;
};

double per_request(const RequestFees& fees, std::optional<Depth> depth) {
    const Depth size = depth.value_or(Depth::low);  // the API's default context size
    const double per_thousand = size == Depth::high ? fees.high : size == Depth::medium ? fees.medium : fees.low;
    return per_thousand / 1000.0;
}

}  // namespace

Pricing pricing_for(std::string_view model, std::optional<Depth> depth) {
    Pricing p;
    p.free = false;
    if (model == "sonar") {
        p.input_per_mtok = 1;
        p.output_per_mtok = 1;
        p.per_request = per_request({5, 8, 12}, depth);
    } else if (model == "sonar-pro") {
        p.input_per_mtok = 3;
        p.output_per_mtok = 15;
        p.per_request = per_request({6, 10, 14}, depth);
    } else if (model == "sonar-reasoning-pro") {
        p.input_per_mtok = 2;
        p.output_per_mtok = 8;
        p.per_request = per_request({6, 10, 14}, depth);
    } else if (model == kDeepResearch) {
        p.input_per_mtok = 2;
        p.output_per_mtok = 8;
        p.citation_per_mtok = 2;
        p.reasoning_per_mtok = 3;
        p.per_1k_searches = 5;
    }
    return p;
}

}  // namespace evalpanel::plugins::perplexity
