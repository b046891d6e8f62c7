// Reads `image: {generate: {...}}` into a GenerateSpec, checking every value's type and range.
#pragma once

#include <optional>

#include "suite/yaml_fields.hpp"

namespace evalpanel::suite::detail {

// `field` is the `generate` entry; `where` names the case. Reports every problem; nullopt if any.
std::optional<GenerateSpec> read_generate_spec(const Field& field, const std::string& where, Diagnostics& out);

}  // namespace evalpanel::suite::detail
