#include "runner/shard.hpp"

#include <stdexcept>

namespace evalpanel::runner {

Shard parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    const std::string usage = "a shard is I/N with 1 <= I <= N (e.g. 2/4), not '" + text + "'";
    if (slash == std::string::npos) throw std::invalid_argument(usage);
    try {
        std::size_t used_i = 0, used_n = 0;
        const std::string i_text = text.substr(0, slash), n_text = text.substr(slash + 1);
        const int i = std::stoi(i_text, &used_i);
        const int n = std::stoi(n_text, &used_n);
        if (used_i != i_text.size() || used_n != n_text.size() || n < 1 || i < 1 || i > n) throw std::invalid_argument(usage);
        return Shard{i, n};
    } catch (const std::logic_error&) {
        throw std::invalid_argument(usage);
    }
}

}  // namespace evalpanel::runner
