// `evalpanel score --jsonl`: every line is parsed into an item or refused with an exception the command
// turns into a "FILE:LINE: message" line; an item that parsed is scored without any exception (the
// command promises that scoring cannot fail for a reason the input could cause).
#include <cstdint>
#include <exception>
#include <sstream>
#include <string>

#include "cli/score_item.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
    std::string line;
    while (std::getline(lines, line)) {
        evalpanel::cli::ScoreItem item;
        try {
            item = evalpanel::cli::parse_score_item(line);
        } catch (const std::exception& refused) {
            FUZZ_CHECK(refused.what()[0] != '\0', "a refusal says why");
            continue;
        }
        FUZZ_CHECK(item.metric != nullptr, "a parsed item names its metric");
        const evalpanel::metrics::MetricInput input{item.prediction, item.references, item.params,
                                                    item.sources,    item.facts,      item.expected_sources};
        item.metric->compute(input);
    }
    return 0;
}
