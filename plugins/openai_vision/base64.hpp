// Standard base64 (RFC 4648 §4, padded), as data URIs carry it.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace evalpanel::plugins::openai_vision {

std::string base64_encode(std::span<const std::uint8_t> bytes);

}  // namespace evalpanel::plugins::openai_vision
