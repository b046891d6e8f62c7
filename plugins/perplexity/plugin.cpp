// The plugin's entry points: the ABI descriptor and the factory the host looks up by alias.
#include <evalpanel/plugin.hpp>

#include "perplexity_tool.hpp"

using evalpanel::plugins::perplexity::PerplexityTool;

EVALPANEL_PLUGIN(PerplexityTool, "perplexity", "0.1.0")
