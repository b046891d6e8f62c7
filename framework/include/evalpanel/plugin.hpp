// How a plugin exports itself. In exactly one .cpp of the plugin:
//
//     #include <evalpanel/plugin.hpp>
//     class MyTool : public evalpanel::Tool { ... };
//     EVALPANEL_PLUGIN(MyTool, "my_tool", "0.1.0")
//
// This exports, under the fixed alias names of abi.hpp, the ABI descriptor and a factory. The factory
// never lets an exception escape: a constructor that throws yields a null Tool and the message.
#pragma once

#include <memory>
#include <string>

#include <boost/dll/alias.hpp>

#include <evalpanel/abi.hpp>
#include <evalpanel/tool.hpp>

namespace evalpanel {

// What the factory returns: a Tool, or why there is none.
struct ToolFactoryResult {
    std::unique_ptr<Tool> tool;
    std::string error;
};

using ToolFactory = ToolFactoryResult();
using AbiDescriptorGetter = const evalpanel_abi_descriptor*();

}  // namespace evalpanel

#define EVALPANEL_PLUGIN(ToolClass, name_literal, version_literal)                                   \
    namespace evalpanel_plugin_export {                                                              \
    extern "C" const evalpanel_abi_descriptor* evalpanel_plugin_descriptor() {                       \
        static const evalpanel_abi_descriptor descriptor =                                           \
            ::evalpanel::abi::this_side(name_literal, version_literal);                              \
        return &descriptor;                                                                          \
    }                                                                                                \
    ::evalpanel::ToolFactoryResult evalpanel_plugin_factory() {                                      \
        ::evalpanel::ToolFactoryResult result;                                                       \
        try {                                                                                        \
            result.tool = std::make_unique<ToolClass>();                                             \
        } catch (const std::exception& e) {                                                          \
            result.error = e.what();                                                                 \
        } catch (...) {                                                                              \
            result.error = "unknown exception from the plugin's constructor";                        \
        }                                                                                            \
        return result;                                                                               \
    }                                                                                                \
    }                                                                                                \
    BOOST_DLL_ALIAS(evalpanel_plugin_export::evalpanel_plugin_descriptor, evalpanel_abi_descriptor)  \
    BOOST_DLL_ALIAS(evalpanel_plugin_export::evalpanel_plugin_factory, evalpanel_create_tool)
