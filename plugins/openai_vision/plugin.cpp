// The plugin's entry points: the ABI descriptor and the factory the host looks up by alias.
#include <evalpanel/plugin.hpp>

#include "vision_tool.hpp"

using evalpanel::plugins::openai_vision::VisionTool;

EVALPANEL_PLUGIN(VisionTool, "openai_vision", "0.1.0")
