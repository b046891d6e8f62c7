// The ABI descriptor: what a plugin was built with, read by the host before it touches anything else.
//
// A plugin's Tool is a C++ object (virtual calls, std::string, std::vector) handed across a shared-library
// boundary. That is only safe when both sides agree on the SDK's types and on the C++ ABI: the same SDK
// ABI version, the same compiler family and major version, the same standard library and its dual-ABI
// switch, and the same debug-container mode. The descriptor is a plain C struct of fixed layout so that
// the host can read it from any plugin, however it was built, and refuse a mismatch with one sentence.
#pragma once

#include <cstdint>
#include <string>

// Bump when anything in framework/include/evalpanel changes layout or meaning.
#ifndef EVALPANEL_SDK_ABI_VERSION
#define EVALPANEL_SDK_ABI_VERSION 1
#endif

#define EVALPANEL_ABI_MAGIC 0x45504C47u  // "EPLG"

extern "C" {
struct evalpanel_abi_descriptor {
    std::uint32_t magic;            // EVALPANEL_ABI_MAGIC
    std::uint32_t struct_size;      // sizeof(evalpanel_abi_descriptor) of the plugin's SDK
    std::uint32_t sdk_abi_version;  // EVALPANEL_SDK_ABI_VERSION the plugin was compiled against
    const char* plugin_name;        // e.g. "tesseract_ocr"
    const char* plugin_version;     // e.g. "0.1.0"
    const char* compiler;           // e.g. "gcc 12"
    const char* stdlib;             // e.g. "libstdc++ 12 cxx11-abi"
    const char* build_type;         // "release" or "debug" (informational)
};
}

namespace evalpanel::abi {

// Fixed alias names under which a plugin exports its symbols (Boost.DLL aliases).
inline constexpr const char* descriptor_symbol = "evalpanel_abi_descriptor";
inline constexpr const char* factory_symbol = "evalpanel_create_tool";

#define EVALPANEL_ABI_STR2(x) #x
#define EVALPANEL_ABI_STR(x) EVALPANEL_ABI_STR2(x)

#if defined(__clang__)
#define EVALPANEL_ABI_COMPILER "clang " EVALPANEL_ABI_STR(__clang_major__)
#elif defined(__GNUC__)
#define EVALPANEL_ABI_COMPILER "gcc " EVALPANEL_ABI_STR(__GNUC__)
#else
#define EVALPANEL_ABI_COMPILER "unknown"
#endif

#if defined(_GLIBCXX_RELEASE)
#if _GLIBCXX_USE_CXX11_ABI
#define EVALPANEL_ABI_STDLIB_BASE "libstdc++ " EVALPANEL_ABI_STR(_GLIBCXX_RELEASE) " cxx11-abi"
#else
#define EVALPANEL_ABI_STDLIB_BASE "libstdc++ " EVALPANEL_ABI_STR(_GLIBCXX_RELEASE) " old-abi"
#endif
#elif defined(_LIBCPP_VERSION)
#define EVALPANEL_ABI_STDLIB_BASE "libc++ " EVALPANEL_ABI_STR(_LIBCPP_VERSION)
#else
#define EVALPANEL_ABI_STDLIB_BASE "unknown"
#endif

// Debug containers change the layout of every std container: part of the identity.
#if defined(_GLIBCXX_DEBUG)
#define EVALPANEL_ABI_STDLIB EVALPANEL_ABI_STDLIB_BASE " debug-containers"
#else
#define EVALPANEL_ABI_STDLIB EVALPANEL_ABI_STDLIB_BASE
#endif

#if defined(NDEBUG)
#define EVALPANEL_ABI_BUILD_TYPE "release"
#else
#define EVALPANEL_ABI_BUILD_TYPE "debug"
#endif

// The identity of the code including this header: the host compares its own with a plugin's.
inline evalpanel_abi_descriptor this_side(const char* name = "", const char* version = "") {
    return evalpanel_abi_descriptor{EVALPANEL_ABI_MAGIC,       sizeof(evalpanel_abi_descriptor),
                                    EVALPANEL_SDK_ABI_VERSION, name,
                                    version,                   EVALPANEL_ABI_COMPILER,
                                    EVALPANEL_ABI_STDLIB,      EVALPANEL_ABI_BUILD_TYPE};
}

}  // namespace evalpanel::abi
