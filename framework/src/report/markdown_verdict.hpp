// The panel's verdict in Markdown, for a pull-request comment: per tool the header figures (panel ship %,
// community, entry), each reviewer's call with its sentences, the pricing read and the split.
#pragma once

#include <string>
#include <vector>

#include "verdict/verdict.hpp"

namespace evalpanel::report {

std::string render_markdown_verdicts(const std::vector<verdict::ToolVerdict>& verdicts);

}  // namespace evalpanel::report
