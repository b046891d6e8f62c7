#include "think_strip.hpp"

namespace evalpanel::plugins::perplexity {
namespace {

constexpr std::string_view kOpen = "<think>";
constexpr std::string_view kClose = "</think>";

std::string_view trim_front(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t'))
        text.remove_prefix(1);
    return text;
}

}  // namespace

StrippedAnswer strip_think(std::string_view content) {
    StrippedAnswer out;
    std::string kept;
    kept.reserve(content.size());
    std::size_t pos = 0;
    while (pos < content.size()) {
        const std::size_t open = content.find(kOpen, pos);
        if (open == std::string_view::npos) {
            kept.append(content.substr(pos));
            break;
        }
        kept.append(content.substr(pos, open - pos));
        ++out.think_blocks;
        const std::size_t inside = open + kOpen.size();
        const std::size_t close = content.find(kClose, inside);
        if (close == std::string_view::npos) {
            out.think_chars += content.size() - inside;
            out.think_unclosed = true;
            break;
        }
        out.think_chars += close - inside;
        pos = close + kClose.size();
    }
    out.answer = std::string(trim_front(kept));
    return out;
}

}  // namespace evalpanel::plugins::perplexity
